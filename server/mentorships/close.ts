import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CLOSING_STATUSES, departments, listValues, mentorships } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import type { Executor } from '../../db/open.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { issueClosureLinks, type IssuedLink } from '../questionnaires/issue-links.ts';
import { IsoDate } from '../http/validation.ts';
import { mentorshipScope } from './scope.ts';
import { reasonStatusMismatch } from './rules.ts';
import { today } from '../time.ts';

export const CloseMentorshipInput = z.strictObject({
  endedOn: IsoDate,
  status: z.enum(CLOSING_STATUSES),
  closureReason: z.string().trim().max(100).optional(),
});

/**
 * Closes a mentorship and issues its two single-use questionnaire links, in one transaction.
 * The links' tokens are returned once, here, and never again.
 */
export function closeMentorship(ctx: StaffContext, id: number, input: z.infer<typeof CloseMentorshipInput>): { id: number; status: string; endedOn: string; links: IssuedLink[] } {
  if (ctx.actor.associationId === null) throw forbidden("Seule l'association qui suit ce mentorat peut le clôturer.");
  const now = ctx.now();
  if (input.endedOn > today(ctx)) throw endedOnIssue('La date de fin ne peut pas être dans le futur.');
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(mentorships).where(and(mentorshipScope(ctx.actor), eq(mentorships.id, id))).get();
      if (!row) throw notFound('Ce mentorat');
      if (row.status !== 'en_cours') {
        throw conflict(row.status === 'candidature' ? "Ce mentorat n'a pas encore commencé : il ne peut pas être clôturé." : 'Ce mentorat est déjà clôturé.');
      }
      // The form leaves this check to the server (no browser bubble, often in English): the message names both dates.
      const begin = row.startedOn ?? row.matchedOn ?? row.appliedOn;
      if (begin && input.endedOn < begin) {
        throw endedOnIssue(`La date de fin (${frDate(input.endedOn)}) ne peut pas précéder le début du mentorat (${frDate(begin)}) : choisissez une date à partir du ${frDate(begin)}.`);
      }
      checkClosureReason(tx, row.departmentId, input);
      tx.update(mentorships)
        .set({ status: input.status, endedOn: input.endedOn, closureReason: input.closureReason ?? null, updatedAt: now })
        .where(eq(mentorships.id, id))
        .run();
      const department = tx.select({ expiryDays: departments.linkExpiryDays }).from(departments).where(eq(departments.id, row.departmentId)).get();
      const links = issueClosureLinks(tx, {
        mentorshipId: id,
        departmentId: row.departmentId,
        year: Number(input.endedOn.slice(0, 4)),
        expiryDays: department?.expiryDays ?? 60,
        publicUrl: ctx.config.publicUrl,
        now,
      });
      return { id, status: input.status, endedOn: input.endedOn, links };
    },
    { behavior: 'immediate' },
  );
}

const frDate = (iso: string) => iso.split('-').reverse().join('/');
const endedOnIssue = (message: string) => badRequest(message, { issues: [{ field: 'endedOn', message }] });

/**
 * The reason is a code of the department's « motif_cloture » list, in force, and its group must agree with the
 * outcome: the reports separate stops caused by the pair from objectives not reached. An outcome other than
 * « objectif atteint » needs a reason, since that split is what the department reads.
 */
function checkClosureReason(tx: Executor, departmentId: number, input: z.infer<typeof CloseMentorshipInput>): void {
  const issue = (message: string) => badRequest(message, { issues: [{ field: 'closureReason', message }] });
  if (!input.closureReason) {
    if (input.status === 'objectif_atteint') return;
    throw issue('Indiquez le motif de la fin du mentorat (arrêt lié au binôme ou objectif non atteint).');
  }
  const reason = tx
    .select({ groupLabel: listValues.groupLabel, retiredAt: listValues.retiredAt, label: listValues.label })
    .from(listValues)
    .where(and(eq(listValues.departmentId, departmentId), eq(listValues.kind, 'motif_cloture'), eq(listValues.code, input.closureReason)))
    .get();
  if (!reason) throw issue(`« ${input.closureReason} » ne fait pas partie des motifs de clôture du département.`);
  if (reason.retiredAt) throw issue(`Le motif « ${reason.label} » a été retiré de la liste : choisissez un motif en vigueur.`);
  const mismatch = reasonStatusMismatch(input.status, reason.groupLabel);
  if (mismatch) throw issue(mismatch);
}
