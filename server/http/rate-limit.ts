import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { Request, RequestHandler } from 'express';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import type { AppContext } from '../context.ts';
import { ServiceError } from '../errors.ts';
import { audit } from '../audit/audit.ts';
import { accountDepartment } from '../users/ownership.ts';

const TOO_MANY_LOGINS = 'Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.';
const TOO_MANY_REQUESTS = 'Trop de demandes en peu de temps. Patientez quelques minutes puis réessayez.';

const common: Partial<Options> = {
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  // The answer goes through the single error handler, so it is French and in the usual shape (JSON or HTML page).
  handler: (_req, _res, next, options) => next(new ServiceError('RATE_LIMITED', String(options.message))),
};

/** The longest address a login may carry (RFC 5321); longer is refused before anything else looks at it. */
export const MAX_EMAIL_LENGTH = 254;
/** Raw values are cut off far below the JSON body limit: nothing is normalised from a megabyte of spaces. */
const MAX_RAW_EMAIL_LENGTH = 1024;
const EMAIL_TOO_LONG = `L’adresse e-mail ne doit pas dépasser ${MAX_EMAIL_LENGTH} caractères.`;

/**
 * The address exactly as the login compares it (trimmed, lower case, like LoginInput): the limiter and the login
 * must agree on whose account it is, or padding the address would slip past the limiter.
 */
export function normaliseLoginEmail(value: unknown): string | null {
  return typeof value === 'string' && value.length <= MAX_RAW_EMAIL_LENGTH ? value.trim().toLowerCase() : null;
}

function loginEmail(req: Request): string | null {
  const email = normaliseLoginEmail((req.body as { email?: unknown } | undefined)?.email);
  return email && email.length <= MAX_EMAIL_LENGTH ? email : null;
}

/** Refuses (400, French) an address too long once normalised, before any limiter counts it or any lookup runs. */
function loginEmailLength(): RequestHandler {
  return (req, _res, next) => {
    const raw = (req.body as { email?: unknown } | undefined)?.email;
    if (typeof raw !== 'string') return next();
    const email = normaliseLoginEmail(raw);
    if (email === null || email.length > MAX_EMAIL_LENGTH) return next(new ServiceError('BAD_REQUEST', EMAIL_TOO_LONG));
    next();
  };
}

function auditBlocked(ctx: AppContext, email: string | null, scope: 'compte' | 'adresse'): void {
  const user = email ? ctx.db.select({ id: users.id, role: users.role, departmentId: users.departmentId, associationId: users.associationId }).from(users).where(eq(users.email, email)).get() : undefined;
  const departmentId = user ? accountDepartment(ctx.db, user) : null;
  audit(ctx, {
    action: 'connexion.bloquee',
    target: user ? `user:${user.id}` : null,
    actor: user ? { userId: user.id, departmentId: departmentId ?? undefined, associationId: user.associationId } : undefined,
    departmentId,
    associationId: user?.associationId ?? null,
    details: { limite: scope },
  });
}

/**
 * Audits an address blocked by the global limit once per window (its first refused attempt): a flood of blocked
 * requests must not become a flood of writes.
 */
function onIpBlocked(ctx: AppContext, req: Request): void {
  const info = (req as unknown as Record<string, { used: number; limit: number } | undefined>).rateLimit;
  if (info && info.used !== info.limit + 1) return;
  auditBlocked(ctx, loginEmail(req), 'adresse');
}

interface Backoff {
  failures: number;
  lastFailure: number;
  blockedUntil: number;
}

/** The first wait once the free attempts are spent; each further failure doubles it, up to the window. */
const FIRST_DELAY_MS = 1_000;
/** Entries kept in memory at most: an attacker cycling addresses cannot grow the map without bound. */
const MAX_BACKOFF_ENTRIES = 50_000;

/**
 * Failed logins per (account, client address): after `free` failures, each further attempt from that address
 * must wait, 1 s then doubling up to `maxDelayMs`; a success clears it. Another address (the real person at
 * work, at home) is not slowed: nobody can lock someone else's account by failing on purpose. Counters live in
 * memory only (no address is written to disk) and are forgotten a window after the last failure.
 */
export class LoginBackoff {
  private readonly entries = new Map<string, Backoff>();
  constructor(
    private readonly free: number,
    private readonly maxDelayMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds to wait before this key may try again (0: now). */
  waitFor(key: string): number {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.blockedUntil - this.now()) : 0;
  }

  /** Records a failure; true when it starts the waits (audited once, not at each attempt). */
  fail(key: string): boolean {
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry && now - entry.lastFailure > this.maxDelayMs && entry.blockedUntil <= now) entry = undefined;
    if (!entry) {
      this.prune(now);
      entry = { failures: 0, lastFailure: now, blockedUntil: 0 };
    }
    entry.failures += 1;
    entry.lastFailure = now;
    const over = entry.failures - this.free;
    if (over >= 0) entry.blockedUntil = now + Math.min(this.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 30));
    // Re-inserted so the map's order is the order of last failure (the oldest go first when pruning).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return over === 0;
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size < MAX_BACKOFF_ENTRIES && (now - entry.lastFailure <= this.maxDelayMs || entry.blockedUntil > now)) break;
      this.entries.delete(key);
    }
  }
}

/**
 * Login limits: a global cap of failed attempts per client address (one address trying many accounts), and a
 * backoff per (account, address) (one address guessing one account) that never locks the account for others.
 * Successful logins are not counted.
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
      onIpBlocked(ctx, req);
      next(new ServiceError('RATE_LIMITED', TOO_MANY_LOGINS));
    },
  });
  const backoff = new LoginBackoff(loginPerAccount, loginWindowMs, () => ctx.now().getTime());
  const perAccountAndIp: RequestHandler = (req, res, next) => {
    const email = loginEmail(req);
    if (email === null) return next();
    const key = `${email}\n${clientKey(req.ip ?? '')}`;
    const wait = backoff.waitFor(key);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      res.set('Retry-After', String(seconds));
      return next(new ServiceError('RATE_LIMITED', `Trop de tentatives de connexion pour ce compte depuis cet appareil. Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`));
    }
    res.on('finish', () => {
      if (res.statusCode === 200) backoff.succeed(key);
      else if (res.statusCode === 401 && backoff.fail(key)) auditBlocked(ctx, email, 'compte');
    });
    next();
  };
  return [loginEmailLength(), perIp, perAccountAndIp];
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
 * One instance counts for both doors of the answer path (the respondent router and the fast lane), so a request
 * is counted once, whichever door it took.
 */
export class RespondentLimits {
  private readonly open: WindowCounter;
  private readonly perIp: WindowCounter;
  private readonly perLink: WindowCounter;

  constructor(limits: AppContext['config']['rateLimits']) {
    this.open = new WindowCounter(limits.linkOpenPerIp, limits.linkWindowMs);
    this.perIp = new WindowCounter(limits.respondentPerIp, limits.linkWindowMs);
    this.perLink = new WindowCounter(limits.respondentPerLink, limits.linkWindowMs);
  }

  /** Counts the request; null when it may go on, else the refusal (429, French) with its Retry-After in seconds. */
  refusal(clientAddress: string, path: string): { error: ServiceError; retryAfterSeconds: number } | null {
    const key = clientKey(clientAddress);
    let refusedBy: WindowCounter | null = null;
    if (path.startsWith('/q/')) {
      if (!this.open.hit(key)) refusedBy = this.open;
    } else if (!this.perIp.hit(key)) {
      refusedBy = this.perIp;
    } else {
      const publicId = PUBLIC_ID_IN_PATH.exec(path)?.[1];
      if (publicId && !this.perLink.hit(publicId)) refusedBy = this.perLink;
    }
    return refusedBy && { error: new ServiceError('RATE_LIMITED', TOO_MANY_REQUESTS), retryAfterSeconds: refusedBy.retryAfterSeconds() };
  }
}

export function respondentRateLimiter(ctx: AppContext, limits = new RespondentLimits(ctx.config.rateLimits)): RequestHandler {
  // Without a proxy the socket's address is the client's; req.ip would parse X-Forwarded-For only to ignore it.
  const direct = ctx.config.trustProxy === 0;
  return (req, res, next) => {
    const refused = limits.refusal((direct ? req.socket.remoteAddress : req.ip) ?? '', req.path);
    if (!refused) return next();
    res.setHeader('Retry-After', String(refused.retryAfterSeconds));
    next(refused.error);
  };
}
