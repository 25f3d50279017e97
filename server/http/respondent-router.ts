import express, { Router, type Express, type Request, type RequestHandler } from 'express';
import type { AppContext } from '../context.ts';
import type { Route } from './route.ts';
import { mountRoutes } from './mount.ts';
import { sameOrigin } from './same-origin.ts';
import { RespondentLimits, respondentRateLimiter } from './rate-limit.ts';
import { fastLane, JSON_BODY_LIMIT, type FastLane, type FastRoute } from './fast-lane.ts';
import { requestLogger } from './request-log.ts';
import { errorHandler } from './error-handler.ts';
import { ServiceError } from '../errors.ts';

/** Addresses a young person or a mentor uses: the link (/q/<token>) and the questionnaire (/r/<publicId>/…). */
export const isRespondentPath = (path: string): boolean => path.startsWith('/q/') || path.startsWith('/r/');
export const isRespondentRoute = (route: Route): boolean => route.access === 'public' && isRespondentPath(route.path);

/**
 * The respondents' own stack, mounted before the staff one: the answer path pays only for what it uses. No session
 * lookup (respondents have none: the questionnaire cookie is read by the route itself), no cookie-parser, no
 * body parsing but JSON on writes, a Map-based rate limiter instead of the library, and
 * security headers copied from a list computed once. Reads (pages) parse no body at all. Kept: the same headers, the same-origin check on writes,
 * rate limits per address and per questionnaire, the request log without token, French errors (JSON or page).
 * Other addresses go straight on to the staff stack. The submission itself usually never gets here: an ordinary one
 * takes the fast lane ahead of express (`respondentFastLane` below), which leaves everything else to this router.
 */
export function respondentRouter(ctx: AppContext, routes: Route[], headers: RequestHandler, limits = new RespondentLimits(ctx.config.rateLimits)): RequestHandler {
  const router = Router();
  router.use(headers, requestLogger(ctx.logger), sameOrigin(), respondentRateLimiter(ctx, limits));
  const json = express.json({ limit: JSON_BODY_LIMIT, strict: true });
  // Every write reads a JSON body (it is a no-op for other media types): a broken or oversized JSON body is refused
  // even where the route takes none, such as the no-JavaScript decline form (which has no field: no form parser).
  mountRoutes(router, routes, ctx, (route) => (route.method !== 'get' ? [json] : []));
  router.use((_req, _res, next) => next(new ServiceError('NOT_FOUND', "Cette page n'existe pas. Vérifiez le lien reçu.")));
  router.use(errorHandler(ctx.logger));
  return (req, res, next) => (isRespondentPath(req.path) ? router(req, res, next) : next());
}

/**
 * The answer path's fast lane (fast-lane.ts), counting on the router's own limits. Behind a trusted proxy the
 * client's address is express's `req.ip` (X-Forwarded-For, as the app's `trust proxy` setting reads it).
 */
export function respondentFastLane(ctx: AppContext, app: Express, routes: FastRoute[], limits: RespondentLimits): FastLane {
  const direct = ctx.config.trustProxy === 0;
  return fastLane(ctx, routes, {
    limits,
    clientAddress: (req) => (direct ? req.socket.remoteAddress : (Object.setPrototypeOf(req, app.request) as Request).ip) ?? '',
  });
}
