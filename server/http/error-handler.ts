import type { ErrorRequestHandler, Request, Response } from 'express';
import { ERROR_STATUS, ServiceError } from '../errors.ts';
import type { Logger } from 'pino';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The single place where errors become HTTP answers: `{ error: { code, message } }`, message in French. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = toHttp(err);
    if (status >= 500) logger.error({ err, method: req.method, route: req.route?.path }, 'erreur interne');
    if (res.headersSent) return;
    wantsHtml(req) ? res.status(status).type('html').send(simpleHtmlError(status, body.error.message)) : res.status(status).json(body);
  };
}

export function toHttp(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof ServiceError) {
    const error: ErrorBody['error'] = { code: err.code, message: err.message };
    if (err.details !== undefined) error.details = err.details;
    return { status: ERROR_STATUS[err.code], body: { error } };
  }
  const e = err as { type?: string; status?: number; statusCode?: number };
  const status = e?.status ?? e?.statusCode;
  // Express 5's body parser reports its own errors with a status: they are the client's, not ours.
  if (e?.type === 'entity.parse.failed') return fail(400, 'JSON_INVALIDE', "Le corps de la requête n'est pas un JSON valide.");
  if (e?.type === 'entity.too.large') return fail(413, 'PAYLOAD_TOO_LARGE', 'Les données envoyées sont trop volumineuses.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return fail(415, 'UNSUPPORTED_MEDIA_TYPE', "L'encodage des données n'est pas pris en charge.");
  if (typeof status === 'number' && status >= 400 && status < 500)
    return fail(status, 'BAD_REQUEST', 'La requête est invalide.');
  return fail(500, 'INTERNAL', 'Une erreur interne est survenue. Réessayez plus tard.');
}

function fail(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

function wantsHtml(req: Request): boolean {
  return !req.path.startsWith('/api/') && !req.path.includes('/api/') && req.accepts(['json', 'html']) === 'html';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function simpleHtmlError(status: number, message: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Erreur ${status} — Impact Mentorat</title></head><body><main><h1>Une erreur est survenue</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}

export function sendError(res: Response, err: unknown): void {
  const { status, body } = toHttp(err);
  res.status(status).json(body);
}
