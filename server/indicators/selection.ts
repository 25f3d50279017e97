import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { indicatorSelections } from '../../db/schema/index.ts';
import { DEFAULT_KEY_INDICATOR_IDS, DEFAULT_OPTIONAL_INDICATOR_IDS, INDICATOR_IDS, getIndicator } from '../../surveys/index.ts';
import type { StaffContext } from '../context.ts';
import { badRequest } from '../errors.ts';
import { audit } from '../audit/audit.ts';

export const MIN_KEY_INDICATORS = 4;
export const MAX_KEY_INDICATORS = 5;

export const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const SelectionInput = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    keyIndicatorIds: z.array(z.enum(INDICATOR_IDS, { error: 'Indicateur inconnu.' })).max(INDICATOR_IDS.length),
    optionalIndicatorIds: z.array(z.enum(INDICATOR_IDS, { error: 'Indicateur inconnu.' })).max(INDICATOR_IDS.length).default([]),
  });

export interface Selection {
  year: number;
  /** True when the department chose nothing for this year and the seed's defaults apply. */
  isDefault: boolean;
  keyIndicatorIds: string[];
  optionalIndicatorIds: string[];
}

/** The department's choice for a year, or the seed's default set when it has not chosen yet. */
export function getSelection(ctx: StaffContext, year: number): Selection {
  const rows = ctx.db
    .select()
    .from(indicatorSelections)
    .where(and(eq(indicatorSelections.departmentId, ctx.actor.departmentId), eq(indicatorSelections.year, year)))
    .all();
  // The seed's 4–5 key indicators, and its other principal indicators selected as optional (their questions asked).
  if (rows.length === 0) return { year, isDefault: true, keyIndicatorIds: [...DEFAULT_KEY_INDICATOR_IDS].sort(), optionalIndicatorIds: [...DEFAULT_OPTIONAL_INDICATOR_IDS].sort() };
  return {
    year,
    isDefault: false,
    keyIndicatorIds: rows.filter((r) => r.isKey).map((r) => r.indicatorId).sort(),
    optionalIndicatorIds: rows.filter((r) => !r.isKey).map((r) => r.indicatorId).sort(),
  };
}

/**
 * Replaces the department's selection for a year. The seed asks for 4 to 5 key indicators; optional ones add
 * questions without being headline figures. The next links issued use a new questionnaire version.
 */
export function saveSelection(ctx: StaffContext, input: z.infer<typeof SelectionInput>): Selection {
  const key = [...new Set(input.keyIndicatorIds)];
  const optional = [...new Set(input.optionalIndicatorIds)].filter((id) => !key.includes(id));
  if (key.length < MIN_KEY_INDICATORS || key.length > MAX_KEY_INDICATORS) {
    throw badRequest(`Choisissez entre ${MIN_KEY_INDICATORS} et ${MAX_KEY_INDICATORS} indicateurs clés (${key.length} choisis).`);
  }
  for (const id of [...key, ...optional]) if (!getIndicator(id)) throw badRequest(`Indicateur inconnu : « ${id} ».`);
  const departmentId = ctx.actor.departmentId;
  ctx.db.transaction(
    (tx) => {
      tx.delete(indicatorSelections).where(and(eq(indicatorSelections.departmentId, departmentId), eq(indicatorSelections.year, input.year))).run();
      tx.insert(indicatorSelections)
        .values([...key.map((indicatorId) => ({ departmentId, year: input.year, indicatorId, isKey: true })), ...optional.map((indicatorId) => ({ departmentId, year: input.year, indicatorId, isKey: false }))])
        .run();
      audit(ctx, { action: 'indicateurs.modifies', target: `selection:${input.year}`, details: { cles: key.join(' '), optionnels: optional.length }, db: tx });
    },
    { behavior: 'immediate' },
  );
  return getSelection(ctx, input.year);
}
