import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, users, type PasswordLinkReason } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { AppContext, StaffContext } from '../context.ts';
import { ServiceError, badRequest } from '../errors.ts';
import { audit } from '../audit/audit.ts';
import { accountDepartment } from '../users/ownership.ts';
import { hashPassword } from './password.ts';
import { passwordProblem } from './password-policy.ts';

/** Long enough to reach someone over a weekend, short enough that a forgotten link does not linger. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60_000;
/** The staff page that reads the token from the address fragment (never sent to the server, so never logged). */
export const PASSWORD_LINK_PATH = '/mot-de-passe';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Ce lien n’est pas valable : vérifiez qu’il a été copié en entier.' });

export const PasswordLinkInput = z.strictObject({ token: Token });
export const ChoosePasswordInput = z.strictObject({ token: Token, password: z.string().max(1024) });

const EXPIRED = 'Ce lien n’est plus valable (déjà utilisé, remplacé par un plus récent ou expiré). Demandez-en un nouveau à l’administration de votre département.';

/**
 * Replaces whatever password the account had by a one-time link to choose one (a new account, or a reset): the
 * old password stops working at once, the account's sessions end, and the administrator gets a link to hand
 * over, never a password. Runs inside the caller's write transaction; `unusableHash` is computed before it.
 */
export function issuePasswordLink(ctx: StaffContext, tx: Executor, userId: number, reason: PasswordLinkReason, unusableHash: string) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS);
  tx.update(users)
    .set({ passwordHash: unusableHash, passwordLinkHash: sha256(token), passwordLinkExpiresAt: expiresAt, passwordLinkReason: reason, passwordLinkCreatedAt: now, passwordLinkCreatedBy: ctx.actor.userId })
    .where(eq(users.id, userId))
    .run();
  tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  return { url: `${ctx.config.publicUrl}${PASSWORD_LINK_PATH}#${token}`, expiresAt: expiresAt.toISOString() };
}

/** A hash of random bytes nobody knows: verifying against it costs what a real one costs (no timing hint). */
export const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

function pendingLink(db: Executor, token: string, now: Date) {
  const row = db
    .select()
    .from(users)
    .where(and(eq(users.passwordLinkHash, sha256(token)), gt(users.passwordLinkExpiresAt, now)))
    .get();
  if (!row || row.disabledAt) throw new ServiceError('NOT_FOUND', EXPIRED);
  return row;
}

/**
 * What the person opening the link must know before choosing a password: which account, and why — a reset
 * says when and by whom, so someone who did not ask for it knows to call their department.
 */
export function describePasswordLink(ctx: AppContext, input: z.infer<typeof PasswordLinkInput>) {
  const user = pendingLink(ctx.db, input.token, ctx.now());
  const by = user.passwordLinkCreatedBy === null ? null : (ctx.db.select({ email: users.email }).from(users).where(eq(users.id, user.passwordLinkCreatedBy)).get()?.email ?? null);
  return {
    email: user.email,
    reason: user.passwordLinkReason ?? 'reinitialisation',
    issuedAt: (user.passwordLinkCreatedAt ?? ctx.now()).toISOString(),
    issuedBy: by,
    expiresAt: user.passwordLinkExpiresAt!.toISOString(),
  };
}

/** Sets the password the person chose; the link is spent, any session ends, and the change is audited. */
export async function choosePassword(ctx: AppContext, input: z.infer<typeof ChoosePasswordInput>) {
  const user = pendingLink(ctx.db, input.token, ctx.now());
  const problem = passwordProblem(input.password, { email: user.email });
  if (problem) throw badRequest(problem);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(
    (tx) => {
      // Checked again inside the write: two tabs using the same link, only the first wins.
      const current = pendingLink(tx, input.token, ctx.now());
      tx.update(users)
        .set({ passwordHash, passwordLinkHash: null, passwordLinkExpiresAt: null, passwordLinkReason: null, passwordLinkCreatedAt: null, passwordLinkCreatedBy: null })
        .where(eq(users.id, current.id))
        .run();
      tx.delete(sessions).where(eq(sessions.userId, current.id)).run();
      audit(ctx, {
        action: 'compte.mot_de_passe_choisi',
        target: `user:${current.id}`,
        actor: { userId: current.id },
        departmentId: accountDepartment(tx, current),
        associationId: current.associationId,
        details: { motif: current.passwordLinkReason ?? 'reinitialisation' },
        db: tx,
      });
      return { email: current.email };
    },
    { behavior: 'immediate' },
  );
}
