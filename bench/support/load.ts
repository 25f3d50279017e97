import autocannon from 'autocannon';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase } from '../../db/open.ts';
import { seedOpenLinks, type OpenLink } from './seed.ts';
import { productionServer, ROOT, rssMb, startServer, type RunningServer } from './server.ts';

/** Respondent rate limiting protects real links from guessing; the whole load comes from 127.0.0.1, so it is raised. */
export const BENCH_SERVER_ENV = { LOG_LEVEL: 'warn', RATE_LIMIT_RESPONDENT_PER_IP: '1000000000', RATE_LIMIT_RESPONDENT_PER_LINK: '1000000000', RATE_LIMIT_LINK_OPEN_PER_IP: '1000000000' };

export interface SubmissionDb {
  dir: string;
  dbPath: string;
  links: OpenLink[];
  dispose(): void;
}

/** What the seeded file depends on: when one of these changes, the cached file is seeded again. */
const SEED_INPUTS = ['bench/support/seed.ts', 'server/mentorships/close.ts', 'server/questionnaires/issue-links.ts', 'server/questionnaires/versions.ts', 'db/seed/answers.ts'];

function seedKey(count: number, seed: number): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).sort()) hash.update(file);
  for (const file of SEED_INPUTS) if (existsSync(join(ROOT, file))) hash.update(readFileSync(join(ROOT, file)));
  return `${count}-${seed}-${hash.digest('hex').slice(0, 12)}`;
}

/**
 * A durable database (WAL, synchronous=FULL: the server's own settings) holding `count` open links, each a fresh
 * copy: links are seeded once through the domain's closeMentorship (minutes for tens of thousands), kept under
 * /tmp with their tokens and answers, keyed by the migrations and the seeding code, and copied for every run
 * (a run answers its links, so it never reuses a copy). `memory` and `submissions` share the same file.
 */
export function prepareSubmissionDb(count: number, seed = 8): SubmissionDb {
  const cache = join(tmpdir(), `impact-bench-links-${seedKey(count, seed)}`);
  if (!existsSync(`${cache}.json`)) {
    const started = Date.now();
    const building = `${cache}.${process.pid}.partial`;
    rmSync(building, { force: true });
    const database = openDatabase(building);
    const links = seedOpenLinks(database, { mentorships: Math.ceil(count / 2), seed });
    database.close();
    renameSync(building, `${cache}.db`);
    // The list last: its presence says the file is complete.
    writeFileSync(`${cache}.json`, JSON.stringify(links));
    console.log(`  ${links.length} liens ouverts préparés par closeMentorship en ${Math.round((Date.now() - started) / 1000)} s (gardés dans ${cache}.db)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'impact-bench-'));
  const dbPath = join(dir, 'bench.db');
  copyFileSync(`${cache}.db`, dbPath);
  const links = JSON.parse(readFileSync(`${cache}.json`, 'utf8')) as OpenLink[];
  return { dir, dbPath, links, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
  duration_s: number;
  /** 201: a new answer stored. A repeat of an already used link would be a cheap 200 or 409 and flatter the figure. */
  created: number;
}

/**
 * autocannon against the running server: every request is a real, new answer to the next open link, with that
 * link's respondent cookie, for the given duration, and each link at most once: the run stops early when the
 * links run out (a repeat with the same idempotency key would be a cheap 200 « déjà enregistré », not an answer).
 * `repeat: true` (warm-up only) starts over instead.
 */
export async function submissionLoad(
  url: string,
  links: OpenLink[],
  options: { connections: number; durationS: number; onTick?: () => void; repeat?: boolean },
): Promise<LoadResult> {
  let next = 0;
  const bodies = links.map((l, i) => JSON.stringify({ answers: l.answers, idempotencyKey: `bench-${i}-${l.publicId.slice(0, 8)}` }));
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    instance = autocannon({
      url,
      connections: options.connections,
      duration: options.durationS,
      ...(options.repeat ? {} : { amount: links.length }),
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = next++ % links.length;
            const link = links[i]!;
            return {
              ...req,
              method: 'POST',
              path: `/r/${link.publicId}/api/response`,
              headers: { 'content-type': 'application/json', cookie: `im_q_${link.publicId}=${link.token}` },
              body: bodies[i],
            };
          },
        },
      ],
    }, (error, result) => (error ? rejectRun(error) : resolveRun(result)));
  });
  const ticker = options.onTick ? setInterval(options.onTick, 100) : null;
  // With `amount`, autocannon ignores the duration: stop it ourselves when the duration is over.
  const deadline = options.repeat ? null : setTimeout(() => instance.stop(), options.durationS * 1000);
  const result = await finished;
  if (deadline) clearTimeout(deadline);
  if (ticker) clearInterval(ticker);
  return summarise(result);
}

export async function helloLoad(url: string, options: { connections: number; durationS: number }): Promise<LoadResult> {
  return summarise(await autocannon({ url, connections: options.connections, duration: options.durationS }));
}

function summarise(r: autocannon.Result): LoadResult {
  const total = r.requests.total;
  return {
    requests: total,
    rps: Math.round(total / Math.max(r.duration, 0.001)),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    duration_s: Math.round(r.duration * 10) / 10,
    created: (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats?.['201']?.count ?? 0,
  };
}

/** The production bundle (`npm start`), built once per bench process. */
let production: ReturnType<typeof productionServer> | null = null;
export function startBenchServer(dbPath: string): Promise<RunningServer> {
  production ??= productionServer();
  return startServer(production, { DB_PATH: dbPath, ...BENCH_SERVER_ENV });
}

export function startHelloServer(): Promise<RunningServer> {
  return startServer({ command: process.execPath, args: ['--import', 'tsx', join(ROOT, 'bench/support/hello.ts')], dispose: () => {} }, {});
}

export async function stop(server: RunningServer): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

export { rssMb };

export function machine() {
  return { nproc: cpus().length, cpu: cpus()[0]?.model ?? 'inconnu', ram_gb: Math.round(totalmem() / 1024 ** 3), node: process.version };
}

export function writeResult(name: string, data: Record<string, unknown>): string {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ ...data, machine: machine(), measured_at: new Date().toISOString() }, null, 2)}\n`);
  return file;
}
