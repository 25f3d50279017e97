import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CLOSING_STATUSES, MENTORSHIP_STATUSES, mentors, mentorships, youngPeople, type MentorshipStatus } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, conflict, forbidden, notFound, ServiceError } from '../errors.ts';
import { IsoDate } from '../http/validation.ts';
import { loadDepartmentLists } from '../settings/lists.ts';
import { checkRow, indexLists, type FieldIssue, type RegistryRow } from './rules.ts';
import { mentorshipScope } from './scope.ts';
import { today } from '../time.ts';

const Code = z.string().trim().min(1).max(40);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Mois attendu au format AAAA-MM (jamais une date de naissance complète).' });

const rowShape = {
  reference: z.string().trim().min(1, { error: 'La référence est obligatoire.' }).max(50),
  sex: Code.nullable(),
  birthMonth: Month.nullable(),
  schoolLevel: Code.nullable(),
  placementType: Code.nullable(),
  territoryId: z.number().int().positive().nullable(),
  mentorReference: z.string().trim().max(50).nullable(),
  appliedOn: IsoDate.nullable(),
  matchedOn: IsoDate.nullable(),
  startedOn: IsoDate.nullable(),
  endedOn: IsoDate.nullable(),
  objective: Code.nullable(),
  modality: Code.nullable(),
  isRenewal: z.boolean(),
  closureReason: Code.nullable(),
};

/** A new row starts as a candidature or in progress; ending it goes through « Clôturer », which issues the links. */
export const CreateMentorshipInput = z.strictObject({
  reference: rowShape.reference,
  sex: rowShape.sex.optional(),
  birthMonth: rowShape.birthMonth.optional(),
  schoolLevel: rowShape.schoolLevel.optional(),
  placementType: rowShape.placementType.optional(),
  territoryId: rowShape.territoryId.optional(),
  mentorReference: rowShape.mentorReference.optional(),
  appliedOn: rowShape.appliedOn.optional(),
  matchedOn: rowShape.matchedOn.optional(),
  startedOn: rowShape.startedOn.optional(),
  objective: rowShape.objective.optional(),
  modality: rowShape.modality.optional(),
  isRenewal: rowShape.isRenewal.optional(),
  status: z.enum(['candidature', 'en_cours']),
});
export const UpdateMentorshipInput = z.strictObject({ ...rowShape, status: z.enum(MENTORSHIP_STATUSES) }).partial();

export function fieldErrors(issues: FieldIssue[]) {
  const first = issues[0]!;
  return badRequest(`Le mentorat n’a pas été enregistré : ${first.message}`, { issues: issues.map((i) => ({ field: i.field, message: i.message })) });
}

const isClosing = (s: MentorshipStatus) => (CLOSING_STATUSES as readonly string[]).includes(s);

function requireAssociation(ctx: StaffContext): number {
  if (ctx.actor.associationId === null) throw forbidden('Le département consulte les mentorats des associations sans pouvoir les modifier.');
  return ctx.actor.associationId;
}

/** The mentor with this reference in the association, created on first use (rows name mentors by reference only). */
export function resolveMentor(tx: Executor, associationId: number, reference: string | null, now: Date): number | null {
  if (reference === null || reference === '') return null;
  const found = tx.select({ id: mentors.id }).from(mentors).where(and(eq(mentors.associationId, associationId), eq(mentors.reference, reference))).get();
  if (found) return found.id;
  return tx.insert(mentors).values({ associationId, reference, createdAt: now }).returning({ id: mentors.id }).get().id;
}

/** The stored row in the shape the rules check, or null when it is not visible to the actor. */
export function loadRow(tx: Executor, ctx: StaffContext, id: number): { row: RegistryRow; youngPersonId: number; associationId: number } | null {
  const r = tx
    .select({ m: mentorships, y: youngPeople, mentorReference: mentors.reference })
    .from(mentorships)
    .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
    .leftJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .where(and(mentorshipScope(ctx.actor), eq(mentorships.id, id)))
    .get();
  if (!r) return null;
  return {
    youngPersonId: r.y.id,
    associationId: r.m.associationId,
    row: {
      reference: r.m.reference,
      sex: r.y.sex,
      birthMonth: r.y.birthMonth,
      schoolLevel: r.y.schoolLevel,
      placementType: r.y.placementType,
      territoryId: r.y.territoryId,
      mentorReference: r.mentorReference,
      appliedOn: r.m.appliedOn,
      matchedOn: r.m.matchedOn,
      startedOn: r.m.startedOn,
      endedOn: r.m.endedOn,
      status: r.m.status,
      objective: r.m.objective,
      modality: r.m.modality,
      isRenewal: r.m.isRenewal,
      closureReason: r.m.closureReason,
    },
  };
}

/** References are unique per association whatever their letter case: « ab-12 » is the row « AB-12 ». */
function assertReferenceFree(tx: Executor, departmentId: number, associationId: number, reference: string, exceptId?: number) {
  const clash = tx
    .select({ id: mentorships.id, reference: mentorships.reference })
    .from(mentorships)
    .where(and(eq(mentorships.departmentId, departmentId), eq(mentorships.associationId, associationId), sql`lower(${mentorships.reference}) = lower(${reference})`, exceptId === undefined ? undefined : ne(mentorships.id, exceptId)))
    .get();
  if (!clash) return;
  const sameCase = clash.reference === reference;
  const message = sameCase
    ? `La référence « ${reference} » est déjà utilisée par un autre mentorat de l’association.`
    : `La référence « ${reference} » est déjà utilisée par un autre mentorat de l’association (« ${clash.reference} ») : les majuscules et minuscules ne distinguent pas deux références.`;
  throw new ServiceError('CONFLICT', message, { issues: [{ field: 'reference', message }] });
}

/**
 * The row's mentor after an edit of its « Référence mentor ». Correcting a mistyped reference must not leave the
 * old mentor behind with no pair (a ghost counted among the association's mentors): when this row was the old
 * mentor's only one, the old mentor is renamed (keeping its training date) or, if the new reference already
 * exists, dropped unless its training date makes it a real trained mentor.
 */
function reassignMentor(tx: Executor, mentorshipId: number, associationId: number, before: string | null, after: string | null, now: Date): number | null {
  const current = tx.select({ mentorId: mentorships.mentorId }).from(mentorships).where(eq(mentorships.id, mentorshipId)).get()?.mentorId ?? null;
  if (before === after) return current;
  const target = after === null || after === '' ? null : tx.select({ id: mentors.id }).from(mentors).where(and(eq(mentors.associationId, associationId), eq(mentors.reference, after))).get();
  if (current === null) return resolveMentor(tx, associationId, after, now);
  const othersOfOld = tx.select({ n: count() }).from(mentorships).where(and(eq(mentorships.mentorId, current), ne(mentorships.id, mentorshipId))).get()?.n ?? 0;
  if (othersOfOld > 0) return resolveMentor(tx, associationId, after, now);
  if (after !== null && after !== '' && !target) {
    tx.update(mentors).set({ reference: after }).where(eq(mentors.id, current)).run();
    return current;
  }
  // The row leaves the old mentor, which has no other pair: keep it only if it is a trained mentor.
  tx.update(mentorships).set({ mentorId: null }).where(eq(mentorships.id, mentorshipId)).run();
  tx.delete(mentors).where(and(eq(mentors.id, current), isNull(mentors.trainedOn))).run();
  return target?.id ?? null;
}

export function createMentorship(ctx: StaffContext, input: z.infer<typeof CreateMentorshipInput>) {
  const associationId = requireAssociation(ctx);
  const { departmentId } = ctx.actor;
  const now = ctx.now();
  const row: RegistryRow = {
    reference: input.reference,
    sex: input.sex ?? null,
    birthMonth: input.birthMonth ?? null,
    schoolLevel: input.schoolLevel ?? null,
    placementType: input.placementType ?? null,
    territoryId: input.territoryId ?? null,
    mentorReference: input.mentorReference || null,
    appliedOn: input.appliedOn ?? null,
    matchedOn: input.matchedOn ?? null,
    startedOn: input.startedOn ?? null,
    endedOn: null,
    status: input.status,
    objective: input.objective ?? null,
    modality: input.modality ?? null,
    isRenewal: input.isRenewal ?? false,
    closureReason: null,
  };
  return ctx.db.transaction(
    (tx) => {
      const issues = checkRow(row, indexLists(loadDepartmentLists(tx, departmentId)), today(ctx));
      if (issues.length) throw fieldErrors(issues);
      assertReferenceFree(tx, departmentId, associationId, row.reference);
      const existingYoung = tx
        .select({ id: youngPeople.id })
        .from(youngPeople)
        .where(and(eq(youngPeople.departmentId, departmentId), eq(youngPeople.associationId, associationId), eq(youngPeople.reference, row.reference)))
        .get();
      const youngFields = { sex: row.sex, birthMonth: row.birthMonth, schoolLevel: row.schoolLevel, placementType: row.placementType, territoryId: row.territoryId };
      let youngPersonId: number;
      if (existingYoung) {
        youngPersonId = existingYoung.id;
        tx.update(youngPeople).set(youngFields).where(eq(youngPeople.id, youngPersonId)).run();
      } else {
        youngPersonId = tx.insert(youngPeople).values({ departmentId, associationId, reference: row.reference, ...youngFields, createdAt: now }).returning({ id: youngPeople.id }).get().id;
      }
      const created = tx
        .insert(mentorships)
        .values({
          departmentId,
          associationId,
          reference: row.reference,
          youngPersonId,
          mentorId: resolveMentor(tx, associationId, row.mentorReference, now),
          appliedOn: row.appliedOn,
          matchedOn: row.matchedOn,
          startedOn: row.startedOn,
          status: row.status,
          objective: row.objective,
          modality: row.modality,
          isRenewal: row.isRenewal,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: mentorships.id })
        .get();
      return { id: created.id, ...row };
    },
    { behavior: 'immediate' },
  );
}

export function updateMentorship(ctx: StaffContext, id: number, input: z.infer<typeof UpdateMentorshipInput>) {
  requireAssociation(ctx);
  const { departmentId } = ctx.actor;
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const stored = loadRow(tx, ctx, id);
      if (!stored) throw notFound('Ce mentorat');
      const before = stored.row;
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<RegistryRow>;
      if (patch.mentorReference === '') patch.mentorReference = null;
      const row: RegistryRow = { ...before, ...patch };
      if (row.status !== before.status) {
        if (isClosing(before.status)) throw conflict('Ce mentorat est terminé : son statut ne peut plus changer.');
        if (isClosing(row.status)) throw badRequest('Pour terminer un mentorat, utilisez « Clôturer » : les liens de questionnaire sont alors créés.', { issues: [{ field: 'status', message: 'Utilisez « Clôturer » pour terminer ce mentorat.' }] });
      }
      const issues = checkRow(row, indexLists(loadDepartmentLists(tx, departmentId)), today(ctx), before);
      if (issues.length) throw fieldErrors(issues);
      if (row.reference !== before.reference) {
        assertReferenceFree(tx, departmentId, stored.associationId, row.reference, id);
        const young = tx
          .select({ id: youngPeople.id })
          .from(youngPeople)
          .where(and(eq(youngPeople.departmentId, departmentId), eq(youngPeople.associationId, stored.associationId), eq(youngPeople.reference, row.reference)))
          .get();
        if (young && young.id !== stored.youngPersonId) throw conflict(`La référence « ${row.reference} » est déjà utilisée par un autre jeune de l’association.`);
      }
      tx.update(youngPeople)
        .set({ reference: row.reference, sex: row.sex, birthMonth: row.birthMonth, schoolLevel: row.schoolLevel, placementType: row.placementType, territoryId: row.territoryId })
        .where(eq(youngPeople.id, stored.youngPersonId))
        .run();
      tx.update(mentorships)
        .set({
          reference: row.reference,
          mentorId: reassignMentor(tx, id, stored.associationId, before.mentorReference, row.mentorReference, now),
          appliedOn: row.appliedOn,
          matchedOn: row.matchedOn,
          startedOn: row.startedOn,
          endedOn: row.endedOn,
          status: row.status,
          objective: row.objective,
          modality: row.modality,
          isRenewal: row.isRenewal,
          closureReason: row.closureReason,
          updatedAt: now,
        })
        .where(eq(mentorships.id, id))
        .run();
      return { id, ...row };
    },
    { behavior: 'immediate' },
  );
}
