import { z } from 'zod';

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DB_PATH: z.string().min(1).default('data/impact.db'),
  /** Address printed in questionnaire links; defaults to the local server. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().optional(),
  /** Rate limits (requests per window). Generous defaults; benchmarks on loopback raise them. */
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  RATE_LIMIT_LINK_OPEN_PER_IP: z.coerce.number().int().min(1).default(100),
  RATE_LIMIT_RESPONDENT_PER_IP: z.coerce.number().int().min(1).default(1000),
  RATE_LIMIT_RESPONDENT_PER_LINK: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_LINK_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Number of reverse proxies in front of the app (for the client address used by rate limits); 0 = none. */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dbPath: string;
  publicUrl: string;
  logLevel: string;
  smtpUrl: string | undefined;
  /** Secure, __Host- prefixed cookies and HSTS: only behind HTTPS in production. */
  secureCookies: boolean;
  rateLimits: RateLimits;
  trustProxy: number;
}

export interface RateLimits {
  /** Login attempts per client address per window. */
  loginPerIp: number;
  /** Failed login attempts per (account, client address) before each further one waits, 1 s then doubling up to the window. */
  loginPerAccount: number;
  loginWindowMs: number;
  /** Openings of /q/<token> per client address per window (a youth home shares one address). */
  linkOpenPerIp: number;
  /** Requests under /r/ (pages, drafts, answers) per client address per window. */
  respondentPerIp: number;
  /** Requests under /r/<publicId> per questionnaire per window (one phone answering sends a few dozen). */
  respondentPerLink: number;
  linkWindowMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration invalide : ${detail}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dbPath: c.DB_PATH,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    logLevel: c.LOG_LEVEL,
    smtpUrl: c.SMTP_URL,
    secureCookies: c.NODE_ENV === 'production',
    rateLimits: {
      loginPerIp: c.RATE_LIMIT_LOGIN_PER_IP,
      loginPerAccount: c.RATE_LIMIT_LOGIN_PER_ACCOUNT,
      loginWindowMs: c.RATE_LIMIT_LOGIN_WINDOW_MINUTES * 60_000,
      linkOpenPerIp: c.RATE_LIMIT_LINK_OPEN_PER_IP,
      respondentPerIp: c.RATE_LIMIT_RESPONDENT_PER_IP,
      respondentPerLink: c.RATE_LIMIT_RESPONDENT_PER_LINK,
      linkWindowMs: c.RATE_LIMIT_LINK_WINDOW_MINUTES * 60_000,
    },
    trustProxy: c.TRUST_PROXY,
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  // Tests log in many times from one address: limits are high unless a test sets its own.
  const base = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_LOGIN_PER_IP: '10000',
    RATE_LIMIT_LOGIN_PER_ACCOUNT: '10000',
    RATE_LIMIT_LINK_OPEN_PER_IP: '10000',
    RATE_LIMIT_RESPONDENT_PER_IP: '100000',
    RATE_LIMIT_RESPONDENT_PER_LINK: '100000',
  });
  return { ...base, ...overrides };
}
