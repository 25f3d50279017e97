import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { associations, departmentAssociations, mentors, mentorships } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { IsoDate } from '../http/validation.ts';
import { today } from '../time.ts';

export const MentorInput = z.strictObject({
  reference: z.string().trim().min(1, { error: 'La référence est obligatoire.' }).max(50),
  trainedOn: IsoDate.nullable().optional(),
});
export const UpdateMentorInput = MentorInput.partial();

/** Associations whose mentors the actor sees: their own, or every partner association of the department. */
function visibleAssociationIds(ctx: StaffContext): number[] {
  if (ctx.actor.associationId !== null) return [ctx.actor.associationId];
  return ctx.db
    .select({ id: departmentAssociations.associationId })
    .from(departmentAssociations)
    .where(eq(departmentAssociations.departmentId, ctx.actor.departmentId))
    .all()
    .map((r) => r.id);
}

export function listMentors(ctx: StaffContext) {
  const ids = visibleAssociationIds(ctx);
  if (ids.length === 0) return { rows: [] };
  const rows = ctx.db
    .select({
      id: mentors.id,
      reference: mentors.reference,
      trainedOn: mentors.trainedOn,
      associationId: mentors.associationId,
      associationName: associations.name,
      mentorships: count(mentorships.id),
      inProgress: sql<number>`coalesce(sum(case when ${mentorships.status} = 'en_cours' then 1 else 0 end), 0)`,
    })
    .from(mentors)
    .innerJoin(associations, eq(associations.id, mentors.associationId))
    // Only this department's mentorships are counted: a mentor of an association working with two departments
    // must not reveal the other department's activity.
    .leftJoin(mentorships, and(eq(mentorships.mentorId, mentors.id), eq(mentorships.departmentId, ctx.actor.departmentId)))
    .where(inArray(mentors.associationId, ids))
    .groupBy(mentors.id)
    .orderBy(asc(associations.name), asc(mentors.reference))
    .all();
  return { rows };
}

function requireAssociation(ctx: StaffContext): number {
  if (ctx.actor.associationId === null) throw forbidden('Le département consulte les mentors des associations sans pouvoir les modifier.');
  return ctx.actor.associationId;
}

function checkTrainedOn(ctx: StaffContext, trainedOn: string | null | undefined) {
  if (trainedOn && trainedOn > today(ctx)) {
    throw badRequest('La date de formation ne peut pas être dans le futur.', { issues: [{ field: 'trainedOn', message: 'La date de formation ne peut pas être dans le futur.' }] });
  }
  if (trainedOn && trainedOn < '2000-01-01') throw badRequest('La date de formation doit être postérieure au 01/01/2000.', { issues: [{ field: 'trainedOn', message: 'Date trop ancienne.' }] });
}

export function createMentor(ctx: StaffContext, input: z.infer<typeof MentorInput>) {
  const associationId = requireAssociation(ctx);
  checkTrainedOn(ctx, input.trainedOn);
  return ctx.db.transaction(
    (tx) => {
      const clash = tx.select({ id: mentors.id }).from(mentors).where(and(eq(mentors.associationId, associationId), eq(mentors.reference, input.reference))).get();
      if (clash) throw conflict(`Le mentor « ${input.reference} » existe déjà.`);
      return tx.insert(mentors).values({ associationId, reference: input.reference, trainedOn: input.trainedOn ?? null, createdAt: ctx.now() }).returning().get();
    },
    { behavior: 'immediate' },
  );
}

export function updateMentor(ctx: StaffContext, id: number, input: z.infer<typeof UpdateMentorInput>) {
  const associationId = requireAssociation(ctx);
  checkTrainedOn(ctx, input.trainedOn);
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(mentors).where(and(eq(mentors.id, id), eq(mentors.associationId, associationId))).get();
      if (!row) throw notFound('Ce mentor');
      if (input.reference !== undefined && input.reference !== row.reference) {
        const clash = tx.select({ id: mentors.id }).from(mentors).where(and(eq(mentors.associationId, associationId), eq(mentors.reference, input.reference))).get();
        if (clash) throw conflict(`Le mentor « ${input.reference} » existe déjà.`);
      }
      return tx
        .update(mentors)
        .set({ reference: input.reference ?? row.reference, trainedOn: input.trainedOn === undefined ? row.trainedOn : input.trainedOn })
        .where(eq(mentors.id, id))
        .returning()
        .get();
    },
    { behavior: 'immediate' },
  );
}
