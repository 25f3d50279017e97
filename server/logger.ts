import { pino, type Logger } from 'pino';

/**
 * Questionnaire tokens travel in paths (/q/<token>) and cookies: both are redacted so a token never lands in a
 * log file, and no answer content is ever logged.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'password', 'token', '*.password', '*.token'],
      censor: '[masqué]',
    },
  });
}

/** Strips anything token-like from a URL before it is logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/q\/[^/?#]+/g, '/q/[masqué]');
}
