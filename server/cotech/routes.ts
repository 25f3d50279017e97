import { staffRoute, DEPARTMENT_STAFF } from '../http/route.ts';
import { CotechAgenda } from './responses.ts';
import { CotechParameters, cotechAgenda } from './query.ts';

export const cotechRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/cotech',
    summary: 'Ordre du jour du Cotech d’une période : chiffres et profils par association (petits effectifs masqués), présentations prévues, difficultés',
    tags: ['cotech'],
    labels: { period: 'Période' },
    access: DEPARTMENT_STAFF,
    query: CotechParameters,
    response: CotechAgenda,
    handler: (ctx, { query }) => cotechAgenda(ctx, query),
  }),
];
