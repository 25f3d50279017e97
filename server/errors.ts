/** Typed domain errors; the HTTP layer maps them to statuses in one place (server/http/error-handler.ts). */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = 'Cette ressource') => new ServiceError('NOT_FOUND', `${what} est introuvable.`);
export const forbidden = (message = "Vous n'avez pas accès à cette ressource.") => new ServiceError('FORBIDDEN', message);
export const badRequest = (message: string, details?: unknown) => new ServiceError('BAD_REQUEST', message, details);
export const conflict = (message: string) => new ServiceError('CONFLICT', message);
