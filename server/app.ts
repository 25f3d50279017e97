import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import { existsSync, readdirSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { AppContext } from './context.ts';
import { routes as allRoutes } from './routes.ts';
import type { Route } from './http/route.ts';
import { mountRoutes } from './http/mount.ts';
import { errorHandler } from './http/error-handler.ts';
import { sameOrigin } from './http/same-origin.ts';
import { sessionMiddleware } from './auth/session.ts';
import { loginRateLimiters, RespondentLimits } from './http/rate-limit.ts';
import { securityHeaders } from './http/security-headers.ts';
import { isRespondentRoute, respondentFastLane, respondentRouter } from './http/respondent-router.ts';
import { takeFastLane } from './http/fast-lane.ts';
import { questionnaireFastRoutes } from './questionnaires/routes.ts';
import { requestLogger } from './http/request-log.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { ServiceError } from './errors.ts';
import { CLIENT_DIST } from './questionnaires/pages.ts';

/** Builds the application; `listen` happens only in server/main.ts so tests drive this with supertest. */
export function createApp(ctx: AppContext, options: { routes?: Route[] } = {}): Express {
  const routes = options.routes ?? allRoutes;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No ETag on dynamic answers: every authenticated or respondent answer is no-store, so hashing each body (SHA-1
  // per response) would buy nothing. Static files keep theirs (express.static has its own).
  app.set('etag', false);
  // Behind a reverse proxy, the client address (rate limits) is read from X-Forwarded-For, trusting only that many hops.
  app.set('trust proxy', ctx.config.trustProxy);

  const headers = securityHeaders(ctx.config);
  // The answer path first, with its own lean stack; everything else goes on to the staff stack below.
  const respondentLimits = new RespondentLimits(ctx.config.rateLimits);
  app.use(respondentRouter(ctx, routes.filter(isRespondentRoute), headers, respondentLimits));
  // Ahead of express itself, an ordinary submission takes the fast lane (same checks, same counters, same answers).
  takeFastLane(app, respondentFastLane(ctx, app, questionnaireFastRoutes.filter((fast) => routes.includes(fast.route)), respondentLimits));
  app.use(headers);
  app.use(requestLogger(ctx.logger));
  app.use(express.json({ limit: '100kb', strict: true }));
  app.use(cookieParser());
  app.use(sameOrigin());
  app.use(sessionMiddleware(ctx));

  app.get('/api/health', (_req, res) => {
    ctx.sqlite.prepare('SELECT 1').get();
    res.json({ status: 'ok' });
  });
  const openApi = buildOpenApiDocument(routes);
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  // Rate limits sit in front of the routes they protect, so the handlers stay unaware of them.
  app.post('/api/session', ...loginRateLimiters(ctx));

  mountRoutes(app, routes.filter((route) => !isRespondentRoute(route)), ctx);

  app.use('/api', (_req, _res, next) => next(new ServiceError('NOT_FOUND', "Cette adresse d'API n'existe pas.")));
  serveClient(app);
  app.use(errorHandler(ctx.logger));
  return app;
}

function serveClient(app: Express): void {
  if (!existsSync(CLIENT_DIST)) return;
  const assetsDir = resolve(CLIENT_DIST, 'assets');
  // The build wrote `.br` and `.gz` next to each text asset (client/vite.config.ts); list them once.
  const precompressed = new Set(existsSync(assetsDir) ? readdirSync(assetsDir).filter((f) => /\.(br|gz)$/.test(f)) : []);
  app.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = req.path.slice(1);
    if (!/^[\w.-]+$/.test(name)) return next();
    res.vary('Accept-Encoding');
    // Our preference, not the header's order: browsers list "gzip, deflate, br" and brotli is ~20 % smaller.
    const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    const suffix = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : '';
    if (suffix && precompressed.has(name + suffix)) {
      // send() keeps a Content-Type already set, so the compressed file is served as the original's type.
      res.type(extname(name)).set('Content-Encoding', encoding!);
      req.url = `/${name}${suffix}`;
    }
    next();
  });
  // Hashed file names never change content: cache them for a year, without revalidation (repeat visits offline-fast).
  app.use('/assets', express.static(assetsDir, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use(express.static(CLIENT_DIST, { index: false, maxAge: 0 }));
  const staffIndex = resolve(CLIENT_DIST, 'index.html');
  app.get(/^\/(?!api\/|q\/|r\/|assets\/).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(staffIndex);
  });
}
