import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { AUDIENCES, departments, links, mentorships } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import { audit } from '../audit/audit.ts';
import { mentorshipScope } from '../mentorships/scope.ts';
import { hashToken, newPublicId, newToken } from './tokens.ts';
import type { IssuedLink } from './issue-links.ts';

export const ReissueParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  audience: z.enum(AUDIENCES),
});

/**
 * A young person lost the link, or it expired before they answered: the association gets a new address for the
 * same questionnaire version. The old token stops working at once (it is replaced, not kept beside the new one),
 * and the answers saved so far stay with the questionnaire, so the respondent resumes where they stopped.
 */
export function reissueLink(ctx: StaffContext, input: z.infer<typeof ReissueParams>): { links: IssuedLink[] } {
  if (ctx.actor.associationId === null) throw forbidden("Seule l'association qui suit ce mentorat peut émettre un nouveau lien.");
  const now = ctx.now();
  return ctx.db.transaction(
    (tx) => {
      const mentorship = tx.select({ id: mentorships.id, departmentId: mentorships.departmentId }).from(mentorships).where(and(mentorshipScope(ctx.actor), eq(mentorships.id, input.id))).get();
      if (!mentorship) throw notFound('Ce mentorat');
      const link = tx.select().from(links).where(and(eq(links.mentorshipId, mentorship.id), eq(links.audience, input.audience))).get();
      if (!link) throw conflict("Ce mentorat n'a pas encore de lien de questionnaire : clôturez-le d'abord.");
      if (link.state === 'repondu' || link.state === 'refuse') {
        throw conflict(link.state === 'repondu' ? 'Le questionnaire a déjà été rempli : aucun nouveau lien n’est nécessaire.' : 'Le répondant a choisi de ne pas répondre : aucun nouveau lien n’est émis.');
      }
      const expiryDays = tx.select({ days: departments.linkExpiryDays }).from(departments).where(eq(departments.id, mentorship.departmentId)).get()?.days ?? 60;
      const token = newToken();
      const expiresAt = new Date(now.getTime() + expiryDays * 86_400_000);
      tx.update(links).set({ tokenHash: hashToken(token), publicId: newPublicId(), expiresAt, state: 'ouvert' }).where(eq(links.id, link.id)).run();
      audit(ctx, { action: 'lien.reemis', target: `mentorship:${mentorship.id}`, details: { audience: input.audience }, db: tx });
      return { links: [{ audience: input.audience, url: `${ctx.config.publicUrl}/q/${token}`, expiresAt: expiresAt.toISOString(), questionnaireVersionId: link.questionnaireVersionId }] };
    },
    { behavior: 'immediate' },
  );
}
