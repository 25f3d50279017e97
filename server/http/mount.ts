import type { IRouter, NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppContext, Actor } from '../context.ts';
import { HANDLED, type Route } from './route.ts';
import { parseOrThrow } from './validation.ts';
import { ServiceError } from '../errors.ts';
import { audit } from '../audit/audit.ts';

/**
 * Mounts the route table: authenticate → check the role → parse with zod → call the handler → answer.
 * `before` gives a route its own middlewares (the respondent router reads a JSON body on writes only).
 */
export function mountRoutes(app: IRouter, routes: Route[], ctx: AppContext, before: (route: Route) => RequestHandler[] = () => []): void {
  for (const route of routes) {
    app[route.method](route.path, ...before(route), async (req: Request, res: Response, next: NextFunction) => {
      try {
        let handlerCtx: AppContext = ctx;
        if (route.access !== 'public') {
          const actor = res.locals.actor as Actor | undefined;
          if (!actor) throw new ServiceError('UNAUTHORIZED', 'Veuillez vous connecter.');
          if (!route.access.includes(actor.role)) {
            audit({ ...ctx, actor }, { action: 'acces.refuse', target: `${route.method.toUpperCase()} ${route.path}`, details: { motif: 'rôle' } });
            throw new ServiceError('FORBIDDEN', "Votre rôle ne permet pas cette action.");
          }
          handlerCtx = { ...ctx, actor } as AppContext;
          // Authenticated answers carry personal data: never stored by a browser or a proxy.
          res.set('Cache-Control', 'no-store');
        }
        if (route.body && hasBody(req) && !req.is('application/json')) {
          throw new ServiceError('UNSUPPORTED_MEDIA_TYPE', 'Les données doivent être envoyées au format JSON (Content-Type: application/json).');
        }
        const input = {
          params: route.params ? parseOrThrow(route.params, req.params, 'params', route.labels) : undefined,
          query: route.query ? parseOrThrow(route.query, { ...req.query }, 'query', route.labels) : undefined,
          body: route.body ? parseOrThrow(route.body, req.body ?? {}, 'body', route.labels) : undefined,
        };
        const result = await route.handler(handlerCtx as never, input as never, req, res);
        if (result === HANDLED || res.headersSent) return;
        if (result === undefined) res.status(204).end();
        else res.status(route.status ?? 200).json(result);
      } catch (error) {
        // A refusal decided by a domain function (wrong association, another tenant's action) is audited too.
        const actor = res.locals.actor as Actor | undefined;
        if (route.access !== 'public' && actor && error instanceof ServiceError && error.code === 'FORBIDDEN' && route.access.includes(actor.role)) {
          try {
            audit({ ...ctx, actor }, { action: 'acces.refuse', target: `${route.method.toUpperCase()} ${route.path}` });
          } catch (auditError) {
            ctx.logger.error({ err: auditError }, "échec d'écriture du journal d'audit");
          }
        }
        next(error);
      }
    });
  }
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}
