import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config } from '../config.ts';

/**
 * The security headers of every answer: helmet's, with our CSP. None of them depends on the request, so helmet
 * runs once at start-up against a recording response and each request only copies the recorded list (helmet
 * itself rebuilds the CSP string and walks a dozen middlewares per request). Same names and values as helmet.
 */
export function securityHeaders(config: Pick<Config, 'env'>): RequestHandler {
  const headers = securityHeaderList(config);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/** The recorded list itself, for answers written without express (the answer fast lane). */
export function securityHeaderList(config: Pick<Config, 'env'>): [string, string][] {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // SurveyJS and vega set inline style attributes; no other origin is ever named.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: config.env === 'production' ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  return recordHeaders(middleware);
}

function recordHeaders(middleware: RequestHandler): [string, string][] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => void headers.set(name, value),
    removeHeader: (name: string) => void headers.delete(name),
  };
  let error: unknown;
  let done = false;
  middleware({} as never, recorder as never, (e?: unknown) => {
    error = e;
    done = true;
  });
  // helmet is synchronous; a version that were not would silently send no header: refuse to start instead.
  if (!done || error) throw new Error(`en-têtes de sécurité : helmet n'a pas pu être évalué (${String(error ?? 'asynchrone')})`);
  return [...headers];
}
