/**
 * Crash test (`npm run test:crash`): the real server runs as a child process on a real SQLite file while this
 * process submits answers over HTTP; the server is killed with SIGKILL at random moments and restarted each
 * time. At the end: every acknowledged (2xx) answer must be in the database, exactly once, and the file must
 * pass `PRAGMA integrity_check`. Last line: `acknowledged=N lost=L duplicates=D integrity=ok|failed`.
 *
 * CRASH_KILLS (default 200) sets the number of kills; CRASH_SEED the PRNG seed for kill moments.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../db/open.ts';
import { seedOpenLinks, type OpenLink } from '../../bench/support/seed.ts';
import { bundledServer, startServer, type RunningServer } from '../../bench/support/server.ts';
import { seededRandom } from '../../db/seed/random.ts';

const kills = Math.max(1, Number(process.env.CRASH_KILLS ?? 200));
const random = seededRandom(Number(process.env.CRASH_SEED ?? 8));
const CONCURRENCY = 6;
/** Up to this long between the server saying it listens and the kill (some kills land within the first ms). */
const MAX_UPTIME_MS = 800;

const dir = mkdtempSync(join(tmpdir(), 'impact-crash-'));
const dbPath = join(dir, 'crash.db');
const log = (line: string) => console.log(line);

interface Attempt {
  link: OpenLink;
  key: string;
  tries: number;
}

const started = Date.now();
const seeding = openDatabase(dbPath);
// Enough open links that submissions never run out, however fast the server answers between kills.
const links = seedOpenLinks(seeding, { mentorships: Math.max(300, kills * 15) });
seeding.close();
log(`base ${dbPath} : ${links.length} liens ouverts créés en ${((Date.now() - started) / 1000).toFixed(1)} s`);

const fresh: Attempt[] = links.map((link) => ({ link, key: randomBytes(12).toString('base64url'), tries: 0 }));
const retries: Attempt[] = [];
const acknowledged = new Map<string, { key: string; status: number }>();
const unexpected: string[] = [];
let current: RunningServer | null = null;
let stopDriving = false;
let submitted = 0;
let connectionFailures = 0;

async function submit(server: RunningServer, attempt: Attempt): Promise<number> {
  const res = await fetch(`${server.url}/r/${attempt.link.publicId}/api/response`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `im_q_${attempt.link.publicId}=${attempt.link.token}` },
    body: JSON.stringify({ answers: attempt.link.answers, idempotencyKey: attempt.key }),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/** One client: retries first (same idempotency key, same answers), then new links; waits while the server is down. */
async function worker(): Promise<void> {
  while (!stopDriving) {
    const server = current;
    if (!server) {
      await sleep(5);
      continue;
    }
    const attempt = retries.shift() ?? fresh.shift();
    if (!attempt) {
      await sleep(20);
      continue;
    }
    attempt.tries++;
    submitted++;
    try {
      const status = await submit(server, attempt);
      if (status === 201 || status === 200) acknowledged.set(attempt.link.publicId, { key: attempt.key, status });
      else if (status === 503 || status === 429) retries.push(attempt);
      else unexpected.push(`${status} pour un lien (essai ${attempt.tries})`);
    } catch {
      // Killed mid-request or refused: the client does not know whether it was stored, so it retries later.
      connectionFailures++;
      retries.push(attempt);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const cmd = await bundledServer();
// The per-IP respondent limit protects real links; here every request comes from 127.0.0.1.
const env = { DB_PATH: dbPath, LOG_LEVEL: 'error', RATE_LIMIT_RESPONDENT_PER_IP: '100000000' };
const workers = Array.from({ length: CONCURRENCY }, () => worker());
const startTimes: number[] = [];
try {
  for (let k = 1; k <= kills; k++) {
    const t0 = performance.now();
    current = await startServer(cmd, env);
    startTimes.push(performance.now() - t0);
    await sleep(random.next() < 0.1 ? random.int(0, 5) : random.int(0, MAX_UPTIME_MS));
    const server = current;
    current = null;
    server.child.kill('SIGKILL');
    await server.exited;
    if (k % 20 === 0 || k === kills) log(`${k}/${kills} arrêts brutaux, ${acknowledged.size} réponses accusées, ${retries.length} à renvoyer`);
  }
  // Last life: every answer left unacknowledged is sent again with its key, then a clean stop.
  current = await startServer(cmd, env);
  const deadline = Date.now() + 60_000;
  while (retries.length > 0 && Date.now() < deadline) await sleep(20);
  stopDriving = true;
  await Promise.all(workers);
  const last = current;
  current = null;
  last.child.kill('SIGTERM');
  const code = await last.exited;
  if (code !== 0) unexpected.push(`arrêt propre final : code ${code}`);
} finally {
  stopDriving = true;
  cmd.dispose();
}

// Verification, on the file as the server left it.
const sqlite = new Database(dbPath, { readonly: true });
const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
const foreignKeys = sqlite.pragma('foreign_key_check') as unknown[];
const stored = new Map(
  (sqlite.prepare(`SELECT l.public_id AS publicId, l.state AS state, r.idempotency_key AS key FROM responses r JOIN links l ON l.id = r.link_id`).all() as { publicId: string; state: string; key: string | null }[]).map((r) => [r.publicId, r]),
);
const { extra } = sqlite.prepare(`SELECT count(*) - count(DISTINCT link_id) AS extra FROM responses`).get() as { extra: number };
const { halfDone } = sqlite
  .prepare(`SELECT (SELECT count(*) FROM links WHERE state = 'repondu' AND id NOT IN (SELECT link_id FROM responses)) + (SELECT count(*) FROM responses r JOIN links l ON l.id = r.link_id WHERE l.state = 'ouvert') AS halfDone`)
  .get() as { halfDone: number };
const { orphanValues } = sqlite.prepare(`SELECT count(*) AS orphanValues FROM indicator_values WHERE response_id NOT IN (SELECT id FROM responses)`).get() as { orphanValues: number };
sqlite.close();

let lost = 0;
let foreign = 0;
for (const [publicId, ack] of acknowledged) {
  const row = stored.get(publicId);
  if (!row || row.state !== 'repondu') lost++;
  else if (row.key !== ack.key) foreign++;
}
// A stored response nobody acknowledged is fine (killed after COMMIT, before the answer left): its retry got 200.
const duplicates = extra + foreign;
const integrityOk = integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0 && halfDone === 0 && orphanValues === 0;
const avgStart = startTimes.reduce((s, t) => s + t, 0) / startTimes.length;

log(`durée ${((Date.now() - started) / 1000).toFixed(0)} s ; démarrage moyen du serveur ${avgStart.toFixed(0)} ms ; ${submitted} envois dont ${connectionFailures} coupés par un arrêt brutal`);
log(`réponses en base ${stored.size} ; incohérences lien/réponse ${halfDone} ; valeurs orphelines ${orphanValues} ; clés étrangères ${foreignKeys.length}`);
if (unexpected.length > 0) log(`réponses inattendues (${unexpected.length}) : ${[...new Set(unexpected)].slice(0, 5).join(' ; ')}`);
rmSync(dir, { recursive: true, force: true });
const ok = lost === 0 && duplicates === 0 && integrityOk && unexpected.length === 0;
log(`acknowledged=${acknowledged.size} lost=${lost} duplicates=${duplicates} integrity=${integrityOk ? 'ok' : 'failed'}`);
process.exit(ok ? 0 : 1);
