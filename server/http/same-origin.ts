import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { ServiceError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by a browser from another site. Browsers always send Sec-Fetch-Site or
 * Origin on such requests; non-browser clients (scripts, tests) send neither and are authenticated otherwise.
 */
export function sameOrigin(): RequestHandler {
  return (req, _res, next) => (isCrossSite(req.method, req.headers) ? next(crossSite()) : next());
}

/** The same verdict on the bare request headers (the answer fast lane has no express request). */
export function isCrossSite(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (SAFE_METHODS.has(method ?? '')) return false;
  const site = headers['sec-fetch-site'];
  if (site) {
    // The browser's own verdict: it cannot be forged by a page. It also covers forms posted under
    // `Referrer-Policy: no-referrer`, for which Chromium sends `Origin: null`.
    return !(site === 'same-origin' || site === 'none');
  }
  // Older browsers without Fetch Metadata: compare the Origin header with our host.
  const origin = headers.origin;
  if (origin) {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host === null || host !== headers.host) return true;
  }
  return false;
}

function crossSite() {
  return new ServiceError('FORBIDDEN', 'Requête refusée : elle ne provient pas de ce site.');
}
