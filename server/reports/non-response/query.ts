import { z } from 'zod';
import { ReportCell } from '../cell-schema.ts';
import type { StaffContext } from '../../context.ts';
import { AssociationFilter, ReportYear, resolveScope } from '../scope.ts';
import { protectedYear } from '../protection/query.ts';
import { computeNonResponse, GAP_POINTS, RESPONSE_RATE_DEFINITIONS, type AudienceNonResponse } from './compute.ts';

export const NonResponseParameters = z.strictObject({ year: ReportYear, association: AssociationFilter });
export type NonResponseParameters = z.infer<typeof NonResponseParameters>;

export interface NonResponseResult {
  year: number;
  k: number;
  gapPoints: number;
  definitions: string[];
  /** Set when the year has no ended mentorship: the page says so instead of empty tables. */
  message: string | null;
  audiences: AudienceNonResponse[];
}

/** The mentorships ended in the year, read from the department's one protected source (its ledger holds them). */
export function nonResponseReport(ctx: StaffContext, params: NonResponseParameters): NonResponseResult {
  const scope = resolveScope(ctx, params.association);
  const source = protectedYear(ctx, scope, params.year);
  const ended = source.total('termines', scope.associationId);
  return {
    year: params.year,
    k: scope.k,
    gapPoints: GAP_POINTS,
    definitions: RESPONSE_RATE_DEFINITIONS,
    message: ended === 0 ? `Aucun mentorat terminé en ${params.year}${scope.associationName ? ` pour ${scope.associationName}` : ''} : pas de non-réponse à décrire.` : null,
    audiences: ended === 0 ? [] : computeNonResponse({ k: scope.k, lists: scope.lists, territories: scope.territories, rows: [], source, associationId: scope.associationId }),
  };
}

// Response schema (OpenAPI document and the client's generated types).
const Cell = ReportCell;
export const NonResponseResponse = z.object({
  year: z.number(),
  k: z.number(),
  gapPoints: z.number(),
  definitions: z.array(z.string()),
  message: z.string().nullable(),
  audiences: z.array(
    z.object({
      audience: z.enum(['youth', 'mentor']),
      closures: Cell,
      respondents: Cell,
      outcomes: z.object({ items: z.array(z.object({ key: z.string(), label: z.string(), count: Cell, share: Cell })), total: Cell }),
      tables: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          rows: z.array(z.object({ key: z.string(), label: z.string(), closures: Cell, closuresShare: Cell, respondents: Cell, respondentsShare: Cell, gapPoints: Cell, flagged: z.boolean() })),
        }),
      ),
    }),
  ),
});
