import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { redactUrl } from '../logger.ts';

/** Masks the questionnaire token (/q/…) and the respondent's page id (/r/…) of an address before it is logged. */
export function safeUrl(url: string): string {
  return redactUrl(url.split('?')[0] ?? '').replace(/\/r\/[^/?#]+/g, '/r/[masqué]');
}

/**
 * One line per request: method, address without token nor query string, status, duration. Never headers, cookies,
 * bodies or client addresses (answers are anonymous; the rate limiter keeps addresses in memory only).
 */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    logWhenFinished(logger, req, res, req.originalUrl);
    next();
  };
}

/** The log line of one request, written when its answer is sent (the fast lane calls this on the bare request). */
export function logWhenFinished(logger: Logger, req: IncomingMessage, res: ServerResponse, url: string): void {
  // Below info (production benches log at warn) no listener is attached: one less closure per request.
  if (!logger.isLevelEnabled('info')) return;
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    logger.info(
      { method: req.method, url: safeUrl(url), status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 1_000_000n) },
      'requête',
    );
  });
}
