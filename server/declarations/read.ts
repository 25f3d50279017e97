import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { associations, declarations, departmentAssociations } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { DeclarationContentSchema } from './content.ts';

export const YearValue = z.coerce
  .number({ error: 'L’année doit être un nombre.' })
  .int({ error: 'L’année doit être un nombre entier.' })
  .min(2000, { error: 'L’année doit être comprise entre 2000 et 2100.' })
  .max(2100, { error: 'L’année doit être comprise entre 2000 et 2100.' });
export const YearParam = z.strictObject({ year: YearValue });
export const AssociationYearParam = z.strictObject({
  associationId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  year: YearValue,
});
export const ListDeclarationsInput = z.strictObject({ year: YearValue });

export type DeclarationView = ReturnType<typeof toView>;

/** What is still to fix before submission, field by field, in French (empty when the declaration can be submitted). */
export function submissionIssues(content: unknown): { field: string | null; message: string }[] {
  const result = DeclarationContentSchema.safeParse(content ?? {});
  return result.success ? [] : result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || null, message: i.message }));
}

function toView(row: typeof declarations.$inferSelect | undefined, associationId: number, year: number) {
  return {
    associationId,
    year,
    /** `nouvelle`: nothing saved yet. */
    state: row ? row.state : ('nouvelle' as const),
    content: (row?.content ?? {}) as Record<string, unknown>,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    issues: row?.state === 'soumise' ? [] : submissionIssues(row?.content ?? {}),
  };
}

export function ownAssociation(ctx: StaffContext): number {
  if (ctx.actor.associationId === null) throw forbidden('Seule une association remplit sa déclaration annuelle.');
  return ctx.actor.associationId;
}

/** The lead's own declaration for the year (an empty one when nothing was saved yet). */
export function getOwnDeclaration(ctx: StaffContext, year: number) {
  const associationId = ownAssociation(ctx);
  const row = ctx.db
    .select()
    .from(declarations)
    .where(and(eq(declarations.departmentId, ctx.actor.departmentId), eq(declarations.associationId, associationId), eq(declarations.year, year)))
    .get();
  return toView(row, associationId, year);
}

/** The department reads one partner association's declaration; an association outside the department is a 404. */
export function getDeclarationForDepartment(ctx: StaffContext, associationId: number, year: number) {
  const partner = ctx.db
    .select({ name: associations.name })
    .from(departmentAssociations)
    .innerJoin(associations, eq(associations.id, departmentAssociations.associationId))
    .where(and(eq(departmentAssociations.departmentId, ctx.actor.departmentId), eq(departmentAssociations.associationId, associationId)))
    .get();
  if (!partner) throw notFound('Cette association');
  const row = ctx.db
    .select()
    .from(declarations)
    .where(and(eq(declarations.departmentId, ctx.actor.departmentId), eq(declarations.associationId, associationId), eq(declarations.year, year)))
    .get();
  return { ...toView(row, associationId, year), associationName: partner.name };
}

/** Every partner association of the department with the state of its declaration for the year. */
export function listDeclarations(ctx: StaffContext, input: z.infer<typeof ListDeclarationsInput>) {
  const rows = ctx.db
    .select({
      associationId: associations.id,
      associationName: associations.name,
      state: declarations.state,
      submittedAt: declarations.submittedAt,
      updatedAt: declarations.updatedAt,
    })
    .from(departmentAssociations)
    .innerJoin(associations, eq(associations.id, departmentAssociations.associationId))
    .leftJoin(
      declarations,
      and(eq(declarations.departmentId, departmentAssociations.departmentId), eq(declarations.associationId, departmentAssociations.associationId), eq(declarations.year, input.year)),
    )
    .where(eq(departmentAssociations.departmentId, ctx.actor.departmentId))
    .orderBy(asc(associations.name))
    .all();
  const items = rows.map((r) => ({
    associationId: r.associationId,
    associationName: r.associationName,
    state: r.state ?? ('nouvelle' as const),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt?.toISOString() ?? null,
  }));
  return {
    year: input.year,
    submitted: items.filter((i) => i.state === 'soumise').length,
    total: items.length,
    declarations: items,
  };
}
