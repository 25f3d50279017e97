import { createDocument } from 'zod-openapi';
import { z } from 'zod';
import type { Route } from './http/route.ts';

/** What every refusal looks like (server/http/error-handler.ts); `details.issues` lists the invalid fields. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.object({ issues: z.array(z.object({ field: z.string().nullable(), message: z.string() })).optional() }).loose().optional(),
    }),
  })
  .meta({ id: 'ErrorBody' });
const errorContent = { content: { 'application/json': { schema: ErrorBodySchema } } };

/** The OpenAPI document, generated from the route table's zod schemas (never written by hand). */
export function buildOpenApiDocument(routes: Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const okStatus = String(route.status ?? 200);
    const responses: Record<string, unknown> = {
      [okStatus]: {
        description: 'Succès',
        ...(route.response
          ? { content: { 'application/json': { schema: route.response } } }
          : route.produces
            ? { content: { [route.produces]: {} } }
            : {}),
      },
      '400': { description: 'Requête invalide (message en français)', ...errorContent },
      default: { description: 'Refus ou erreur (message en français)', ...errorContent },
    };
    if (route.access !== 'public') {
      responses['401'] = { description: 'Non connecté', ...errorContent };
      responses['403'] = { description: 'Rôle insuffisant ou requête d’un autre site', ...errorContent };
    }
    paths[path] ??= {};
    paths[path]![route.method] = {
      summary: route.summary,
      tags: route.tags,
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': [...route.access] }),
      requestParams: {
        ...(route.params ? { path: route.params as z.ZodObject } : {}),
        ...(route.query ? { query: route.query as z.ZodObject } : {}),
      },
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      responses,
    };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'Impact Mentorat API', version: '0.1.0', description: 'API de la plateforme de mesure d’impact du mentorat ASE.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'im_session' } } },
    security: [{ session: [] }],
    paths: paths as never,
  });
}
