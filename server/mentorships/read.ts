import { and, asc, count, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { associations, departmentAssociations, links, mentors, mentorships, MENTORSHIP_STATUSES, territories, youngPeople } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { mentorshipScope } from './scope.ts';

const SORTS = ['reference', 'appliedOn', 'startedOn', 'endedOn', 'status', 'territory', 'association'] as const;

export const ListMentorshipsInput = z.strictObject({
  status: z.enum(MENTORSHIP_STATUSES).optional(),
  territoryId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Rows active at some point of the year: from their start (or application) to their end. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  objective: z.string().trim().min(1).max(40).optional(),
  /** Department staff may narrow to one association; an association only ever sees its own rows anyway. */
  associationId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Part of a reference, anywhere in it, whatever the letter case (« 12 » finds « AB-120 »). */
  q: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(SORTS).default('startedOn'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const rowColumns = {
  id: mentorships.id,
  reference: mentorships.reference,
  associationId: mentorships.associationId,
  associationName: associations.name,
  status: mentorships.status,
  appliedOn: mentorships.appliedOn,
  matchedOn: mentorships.matchedOn,
  startedOn: mentorships.startedOn,
  endedOn: mentorships.endedOn,
  objective: mentorships.objective,
  modality: mentorships.modality,
  isRenewal: mentorships.isRenewal,
  closureReason: mentorships.closureReason,
  mentorReference: mentors.reference,
  sex: youngPeople.sex,
  birthMonth: youngPeople.birthMonth,
  schoolLevel: youngPeople.schoolLevel,
  placementType: youngPeople.placementType,
  territoryId: youngPeople.territoryId,
  territory: territories.name,
  /**
   * Audiences (« youth,mentor ») whose questionnaire link can be re-issued: it exists and was neither answered nor
   * declined. A row imported as already ended has no link, so the page offers no « Nouveau lien » that would fail.
   */
  reissuable: sql<string | null>`(select group_concat(l.audience) from links l where l.mentorship_id = ${mentorships.id} and l.state in ('ouvert', 'revoque'))`,
};

function baseQuery(ctx: StaffContext, where: SQL | undefined) {
  return ctx.db
    .select(rowColumns)
    .from(mentorships)
    .innerJoin(associations, eq(associations.id, mentorships.associationId))
    .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
    .leftJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .leftJoin(territories, eq(territories.id, youngPeople.territoryId))
    .where(where);
}

const sortColumns = {
  reference: mentorships.reference,
  appliedOn: mentorships.appliedOn,
  startedOn: mentorships.startedOn,
  endedOn: mentorships.endedOn,
  status: mentorships.status,
  territory: territories.name,
  association: associations.name,
} as const;

/** The list's filters without its sort and page: the Excel export takes the same ones. */
export const RegistryFilters = ListMentorshipsInput.pick({ status: true, territoryId: true, year: true, objective: true, associationId: true, q: true });
export type RegistryFilters = z.infer<typeof RegistryFilters>;

export function listFilter(ctx: StaffContext, input: RegistryFilters): SQL {
  const conditions: (SQL | undefined)[] = [mentorshipScope(ctx.actor)];
  if (input.status) conditions.push(eq(mentorships.status, input.status));
  if (input.territoryId) conditions.push(eq(youngPeople.territoryId, input.territoryId));
  if (input.objective) conditions.push(eq(mentorships.objective, input.objective));
  if (input.associationId) conditions.push(eq(mentorships.associationId, input.associationId));
  if (input.q) {
    // SQLite's LIKE ignores the case of A–Z, like referenceKey().
    const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`${mentorships.reference} like ${pattern} escape '\\'`);
  }
  if (input.year) {
    const start = `${input.year}-01-01`;
    const end = `${input.year}-12-31`;
    const begin = sql`coalesce(${mentorships.startedOn}, ${mentorships.matchedOn}, ${mentorships.appliedOn})`;
    conditions.push(lte(begin, end), or(isNull(mentorships.endedOn), gte(mentorships.endedOn, start)));
  }
  return and(...conditions)!;
}

export function listMentorships(ctx: StaffContext, input: z.infer<typeof ListMentorshipsInput>) {
  const where = listFilter(ctx, input);
  const total =
    ctx.db
      .select({ n: count() })
      .from(mentorships)
      .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
      .where(where)
      .get()?.n ?? 0;
  const direction = input.dir === 'asc' ? asc : desc;
  const rows = baseQuery(ctx, where)
    .orderBy(direction(sortColumns[input.sort]), asc(mentorships.reference), asc(mentorships.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  // Department staff filter by association: they get the names of the department's partner associations.
  const partners =
    ctx.actor.associationId === null
      ? ctx.db
          .select({ id: associations.id, name: associations.name })
          .from(departmentAssociations)
          .innerJoin(associations, eq(associations.id, departmentAssociations.associationId))
          .where(eq(departmentAssociations.departmentId, ctx.actor.departmentId))
          .orderBy(asc(associations.name))
          .all()
      : [];
  return { total, page: input.page, pageSize: input.pageSize, rows, associations: partners };
}

const youthLinks = alias(links, 'youth_links');

export function getMentorship(ctx: StaffContext, id: number) {
  const row = baseQuery(ctx, and(mentorshipScope(ctx.actor), eq(mentorships.id, id))).get();
  if (!row) throw notFound('Ce mentorat');
  const linkStates = ctx.db
    .select({ audience: youthLinks.audience, state: youthLinks.state, expiresAt: youthLinks.expiresAt, usedAt: youthLinks.usedAt })
    .from(youthLinks)
    .where(eq(youthLinks.mentorshipId, id))
    .all()
    .map((l) => ({ audience: l.audience, state: l.state, expiresAt: l.expiresAt.toISOString(), usedAt: l.usedAt?.toISOString() ?? null }));
  return { ...row, links: linkStates };
}
