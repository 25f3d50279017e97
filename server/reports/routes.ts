import { staffRoute, ALL_STAFF } from '../http/route.ts';
import { ValueChainParameters, valueChainReport } from './value-chain/query.ts';

export const reportRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/reports/value-chain',
    summary: 'Chaîne de valeur (Ressources → Impact) pour une année',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: ValueChainParameters,
    handler: (ctx, { query }) => valueChainReport(ctx, query),
  }),
];
