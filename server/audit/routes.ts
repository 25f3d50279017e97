import { z } from 'zod';
import { staffRoute } from '../http/route.ts';
import { AUDIT_ACTIONS } from '../../db/schema/index.ts';
import { ListAuditInput, listAudit } from './list.ts';

const AuditPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  rows: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorEmail: z.string().nullable(),
      action: z.enum(AUDIT_ACTIONS),
      target: z.string().nullable(),
      /** The account's e-mail when the target is a staff account. */
      targetLabel: z.string().nullable(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
    }),
  ),
});

export const auditRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/audit',
    summary: "Journal d'audit du département (heure UTC, auteur, action, cible), du plus récent au plus ancien",
    tags: ['audit'],
    access: ['admin'],
    query: ListAuditInput,
    response: AuditPage,
    handler: (ctx, { query }) => listAudit(ctx, query),
  }),
];
