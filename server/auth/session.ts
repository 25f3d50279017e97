import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { RequestHandler, Response } from 'express';
import { sessions, users } from '../../db/schema/index.ts';
import { workingDepartment } from '../users/ownership.ts';
import type { Actor, AppContext } from '../context.ts';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;

export function sessionCookieName(secure: boolean): string {
  // __Host- forbids Domain and requires Secure and Path=/: only usable over HTTPS.
  return secure ? '__Host-im_session' : 'im_session';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const sessionIdHash = sha256;

export function createSession(ctx: AppContext, userId: number, departmentId: number): string {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  ctx.db.insert(sessions).values({ idHash: sha256(token), userId, departmentId, createdAt: now, lastSeenAt: now }).run();
  return token;
}

export function destroySession(ctx: AppContext, token: string): void {
  ctx.db.delete(sessions).where(eq(sessions.idHash, sha256(token))).run();
}

/** Resolves the cookie to an actor, enforcing idle and absolute timeouts on the server side. */
export function resolveSession(ctx: AppContext, token: string): Actor | null {
  const idHash = sha256(token);
  const row = ctx.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
    .get();
  if (!row) return null;
  const now = ctx.now().getTime();
  const expired =
    now - row.session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS || now - row.session.createdAt.getTime() > ABSOLUTE_TIMEOUT_MS;
  // An account acts only in the department that owns it (a lead: while its association is a partner there).
  const departmentGone = workingDepartment(ctx.db, row.user) !== row.session.departmentId;
  if (expired || row.user.disabledAt || departmentGone) {
    ctx.db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
    return null;
  }
  // Touch at most once a minute: a write per request would serialise reads behind the WAL writer.
  if (now - row.session.lastSeenAt.getTime() > 60_000) {
    ctx.db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.idHash, idHash)).run();
  }
  return {
    userId: row.user.id,
    role: row.user.role,
    departmentId: row.session.departmentId,
    associationId: row.user.role === 'responsable_association' ? row.user.associationId : null,
  };
}

/** The department a user acts in at login: the one that owns the account (server/users/ownership.ts). */
export function defaultDepartmentFor(ctx: AppContext, user: { role: string; departmentId: number | null; associationId: number | null }): number | null {
  return workingDepartment(ctx.db, user);
}

export function sessionMiddleware(ctx: AppContext): RequestHandler {
  const name = sessionCookieName(ctx.config.secureCookies);
  return (req, res, next) => {
    const token = req.cookies?.[name];
    if (typeof token === 'string' && token.length > 0 && token.length < 200) {
      const actor = resolveSession(ctx, token);
      if (actor) res.locals.actor = actor;
      else clearSessionCookie(res, ctx.config.secureCookies);
    }
    next();
  };
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(sessionCookieName(secure), token, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: ABSOLUTE_TIMEOUT_MS });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(sessionCookieName(secure), { httpOnly: true, secure, sameSite: 'lax', path: '/' });
}
