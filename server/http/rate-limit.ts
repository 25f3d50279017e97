import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
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

/**
 * Hits per key in a fixed window shared by every key (as express-rate-limit's memory store counts), kept in a plain
 * Map: well under a microsecond per request, where the library's async store and header formatting cost several on
 * the respondents' hot path. At most `maxKeys` keys: past that, the oldest key is forgotten, so a flood of made-up
 * keys cannot grow the memory (per-address limits run before per-link ones, so one client cannot flush its own count).
 */
export class WindowCounter {
  private counts = new Map<string, number>();
  private resetAt: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.resetAt = clock() + windowMs;
  }

  /** Counts a hit; false once the key went over its limit in the current window. */
  hit(key: string): boolean {
    const now = this.clock();
    if (now >= this.resetAt) {
      this.counts.clear();
      this.resetAt = now + this.windowMs;
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    if (count === 1 && this.counts.size >= this.maxKeys) this.counts.delete(this.counts.keys().next().value!);
    this.counts.set(key, count);
    return count <= this.limit;
  }

  /** Seconds until the current window ends (the Retry-After of a refusal). */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.resetAt - this.clock()) / 1000));
  }

  get size(): number {
    return this.counts.size;
  }
}

/** An IPv6 client is counted by its /56 (what it can easily rotate within), an IPv4-mapped one as IPv4. */
function clientKey(ip: string): string {
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  return ip.includes(':') ? ipKeyGenerator(ip) : ip;
}

const PUBLIC_ID_IN_PATH = /^\/r\/([A-Za-z0-9_-]{22})(?:\/|$)/;

/**
 * Questionnaire link limits: openings of /q/<token> per client address, requests under /r/ per client address
 * (generous: a youth home or a school shares one address) and per questionnaire (public id). Guessing a token or a
 * public id is hopeless anyway (256 and 128 random bits); the limits keep one client, or one link, from flooding.
 */
export function respondentRateLimiter(ctx: AppContext): RequestHandler {
  const { linkOpenPerIp, respondentPerIp, respondentPerLink, linkWindowMs } = ctx.config.rateLimits;
  const open = new WindowCounter(linkOpenPerIp, linkWindowMs);
  const perIp = new WindowCounter(respondentPerIp, linkWindowMs);
  const perLink = new WindowCounter(respondentPerLink, linkWindowMs);
  // Without a proxy the socket's address is the client's; req.ip would parse X-Forwarded-For only to ignore it.
  const direct = ctx.config.trustProxy === 0;
  return (req, res, next) => {
    const key = clientKey((direct ? req.socket.remoteAddress : req.ip) ?? '');
    const path = req.path;
    let refusedBy: WindowCounter | null = null;
    if (path.startsWith('/q/')) {
      if (!open.hit(key)) refusedBy = open;
    } else if (!perIp.hit(key)) {
      refusedBy = perIp;
    } else {
      const publicId = PUBLIC_ID_IN_PATH.exec(path)?.[1];
      if (publicId && !perLink.hit(publicId)) refusedBy = perLink;
    }
    if (!refusedBy) return next();
    res.setHeader('Retry-After', String(refusedBy.retryAfterSeconds()));
    next(new ServiceError('RATE_LIMITED', TOO_MANY_REQUESTS));
  };
}
