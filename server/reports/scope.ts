import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { associations, departmentAssociations, departments, listValues, territories, type ListKind } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { DEFAULT_THRESHOLD } from './suppression.ts';
import { effectiveThreshold, isMasked, type Purpose } from './protection/masking.ts';

/** Query parameters every report shares: a year, optionally one association, optionally the previous year. */
export const ReportYear = z.coerce.number().int().min(2000).max(2100);
export const AssociationFilter = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();
export const Compare = z.enum(['previous']).optional();

export interface ListEntry {
  code: string;
  label: string;
  group: string | null;
}

export interface ReportScope {
  departmentId: number;
  departmentName: string;
  /** null: every association of the department. */
  associationId: number | null;
  associationName: string | null;
  /** The small-cell threshold applied: the department's k, or 1 (nothing hidden) when unmasked (see masking.ts). */
  k: number;
  /** The department's own threshold, whoever reads. */
  departmentK: number;
  /** False only for an association reading its own figures on screen. */
  masked: boolean;
  /** Associations the caller may pick from (only their own for an association lead). */
  associations: { id: number; name: string }[];
  lists: Record<ListKind, ListEntry[]>;
  territories: Map<number, string>;
}

/**
 * The department and association a report reads: the department always from the session; the association
 * forced to the lead's own for an association, and for department staff only one that works with the
 * department (anything else is "not found", so that a guess tells nothing about other departments).
 */
export function resolveScope(ctx: StaffContext, requestedAssociation?: number, purpose: Purpose = 'screen'): ReportScope {
  const { departmentId } = ctx.actor;
  const department = ctx.db.select({ name: departments.name, k: departments.suppressionThreshold }).from(departments).where(eq(departments.id, departmentId)).get();
  if (!department) throw notFound('Ce département');
  const partners = ctx.db
    .select({ id: associations.id, name: associations.name })
    .from(departmentAssociations)
    .innerJoin(associations, eq(associations.id, departmentAssociations.associationId))
    .where(eq(departmentAssociations.departmentId, departmentId))
    .orderBy(asc(associations.name))
    .all();
  let associationId: number | null = requestedAssociation ?? null;
  if (ctx.actor.associationId !== null) associationId = ctx.actor.associationId;
  else if (associationId !== null && !partners.some((p) => p.id === associationId)) throw notFound('Cette association');
  const visible = ctx.actor.associationId === null ? partners : partners.filter((p) => p.id === ctx.actor.associationId);
  const listRows = ctx.db
    .select({ kind: listValues.kind, code: listValues.code, label: listValues.label, group: listValues.groupLabel })
    .from(listValues)
    .where(eq(listValues.departmentId, departmentId))
    .orderBy(asc(listValues.sortOrder))
    .all();
  const lists = { sexe: [], niveau_scolaire: [], type_placement: [], objectif: [], modalite: [], motif_cloture: [] } as Record<ListKind, ListEntry[]>;
  for (const row of listRows) lists[row.kind].push({ code: row.code, label: row.label, group: row.group });
  const departmentK = Math.max(1, department.k ?? DEFAULT_THRESHOLD);
  const masked = isMasked(ctx.actor, purpose);
  const territoryRows = ctx.db.select({ id: territories.id, name: territories.name }).from(territories).where(eq(territories.departmentId, departmentId)).orderBy(asc(territories.name)).all();
  return {
    departmentId,
    departmentName: department.name,
    associationId,
    associationName: associationId === null ? null : (partners.find((p) => p.id === associationId)?.name ?? null),
    k: effectiveThreshold(departmentK, masked),
    departmentK,
    masked,
    associations: visible,
    lists,
    territories: new Map(territoryRows.map((t) => [t.id, t.name])),
  };
}

/** Condition on an `association_id` column for the scope (undefined = every association of the department). */
export function associationCondition(scope: ReportScope, column: Parameters<typeof eq>[0]) {
  return scope.associationId === null ? undefined : eq(column, scope.associationId);
}

/** The explanation a report gives instead of figures when the selection is too small to show anything. */
export function insufficientMessage(k: number): string {
  return `Cette sélection compte moins de ${k} jeunes : pour protéger leur anonymat, aucun chiffre n'est affiché. Élargissez la sélection (toutes les associations, une autre année) pour obtenir des résultats.`;
}
