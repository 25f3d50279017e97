import { rateLimit, type Options } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { audit } from '../audit/audit.ts';

const TOO_MANY_LOGINS = 'Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.';
const TOO_MANY_REQUESTS = 'Trop de demandes en peu de temps. Patientez quelques minutes puis réessayez.';

const common: Partial<Options> = {
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  // The answer goes through the single error handler, so it is French and in the usual shape (JSON or HTML page).
  handler: (_req, _res, next, options) => next(new ServiceError('RATE_LIMITED', String(options.message))),
};

function loginEmail(req: Request): string | null {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.length > 0 && email.length <= 254 ? email.trim().toLowerCase() : null;
}

/**
 * Audits a blocked login once per window and key (the first refused attempt): a flood of blocked requests must
 * not become a flood of writes.
 */
function onLoginBlocked(ctx: AppContext, req: Request, scope: 'compte' | 'adresse'): void {
  const info = (req as unknown as Record<string, { used: number; limit: number } | undefined>)[scope === 'compte' ? 'rateLimitAccount' : 'rateLimit'];
  if (info && info.used !== info.limit + 1) return;
  const email = loginEmail(req);
  const user = email ? ctx.db.select({ id: users.id, departmentId: users.departmentId, associationId: users.associationId }).from(users).where(eq(users.email, email)).get() : undefined;
  audit(ctx, {
    action: 'connexion.bloquee',
    target: user ? `user:${user.id}` : null,
    actor: user ? { userId: user.id, departmentId: user.departmentId ?? undefined, associationId: user.associationId } : undefined,
    departmentId: user?.departmentId ?? null,
    associationId: user?.associationId ?? null,
    details: { limite: scope },
  });
}

/**
 * Login limits: failed attempts per client address and per account (a distributed guess on one account is slowed
 * as much as one address trying many accounts). Successful logins are not counted.
 */
export function loginRateLimiters(ctx: AppContext): RequestHandler[] {
  const { loginPerIp, loginPerAccount, loginWindowMs } = ctx.config.rateLimits;
  const perIp = rateLimit({
    ...common,
    windowMs: loginWindowMs,
    limit: loginPerIp,
    skipSuccessfulRequests: true,
    message: TOO_MANY_LOGINS,
    handler: (req, _res, next) => {
      onLoginBlocked(ctx, req, 'adresse');
      next(new ServiceError('RATE_LIMITED', TOO_MANY_LOGINS));
    },
  });
  const perAccount = rateLimit({
    ...common,
    windowMs: loginWindowMs,
    limit: loginPerAccount,
    skipSuccessfulRequests: true,
    identifier: 'compte',
    requestPropertyName: 'rateLimitAccount',
    keyGenerator: (req) => `compte:${loginEmail(req)}`,
    skip: (req) => loginEmail(req) === null,
    message: TOO_MANY_LOGINS,
    handler: (req, _res, next) => {
      onLoginBlocked(ctx, req, 'compte');
      next(new ServiceError('RATE_LIMITED', TOO_MANY_LOGINS));
    },
  });
  return [perIp, perAccount];
}

/** Questionnaire link limits per client address: generous (a youth home or a school shares one address). */
export function linkRateLimiters(ctx: AppContext): { open: RequestHandler; respondent: RequestHandler } {
  const { linkOpenPerIp, respondentPerIp, linkWindowMs } = ctx.config.rateLimits;
  return {
    open: rateLimit({ ...common, windowMs: linkWindowMs, limit: linkOpenPerIp, message: TOO_MANY_REQUESTS }),
    respondent: rateLimit({ ...common, windowMs: linkWindowMs, limit: respondentPerIp, message: TOO_MANY_REQUESTS }),
  };
}
