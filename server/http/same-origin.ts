import type { RequestHandler } from 'express';
import { ServiceError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by a browser from another site. Browsers always send Sec-Fetch-Site or
 * Origin on such requests; non-browser clients (scripts, tests) send neither and are authenticated otherwise.
 */
export function sameOrigin(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site) {
      // The browser's own verdict: it cannot be forged by a page. It also covers forms posted under
      // `Referrer-Policy: no-referrer`, for which Chromium sends `Origin: null`.
      return site === 'same-origin' || site === 'none' ? next() : next(crossSite());
    }
    // Older browsers without Fetch Metadata: compare the Origin header with our host.
    const origin = req.get('origin');
    if (origin) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host === null || host !== req.get('host')) return next(crossSite());
    }
    next();
  };
}

function crossSite() {
  return new ServiceError('FORBIDDEN', 'Requête refusée : elle ne provient pas de ce site.');
}
