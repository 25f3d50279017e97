import { and, eq } from 'drizzle-orm';
import { indicatorSelections } from '../../db/schema/index.ts';
import { DEFAULT_KEY_INDICATOR_IDS } from '../../surveys/catalogue.ts';
import type { StaffContext } from '../context.ts';

/** The department's key indicators for a year; the seed's defaults until the department chose its own. */
export function loadKeyIndicators(ctx: StaffContext, departmentId: number, year: number): string[] {
  const rows = ctx.db
    .select({ id: indicatorSelections.indicatorId })
    .from(indicatorSelections)
    .where(and(eq(indicatorSelections.departmentId, departmentId), eq(indicatorSelections.year, year), eq(indicatorSelections.isKey, true)))
    .all();
  return rows.length > 0 ? rows.map((r) => r.id) : [...DEFAULT_KEY_INDICATOR_IDS];
}
