import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { associations, links, mentors, mentorships, MENTORSHIP_STATUSES, territories, youngPeople } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { mentorshipScope } from './scope.ts';

export const ListMentorshipsInput = z.strictObject({
  status: z.enum(MENTORSHIP_STATUSES).optional(),
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
  territory: territories.name,
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

export function listMentorships(ctx: StaffContext, input: z.infer<typeof ListMentorshipsInput>) {
  const where = and(mentorshipScope(ctx.actor), input.status ? eq(mentorships.status, input.status) : undefined);
  const total = ctx.db.select({ n: count() }).from(mentorships).where(where).get()?.n ?? 0;
  const rows = baseQuery(ctx, where)
    .orderBy(desc(mentorships.startedOn), asc(mentorships.reference))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { total, page: input.page, pageSize: input.pageSize, rows };
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
