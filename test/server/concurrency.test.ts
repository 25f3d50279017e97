import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '../support/app.ts';
import { openDatabase } from '../../db/open.ts';
import { seedOpenLinks, type OpenLink } from '../../bench/support/seed.ts';
import { groupCommit } from '../../server/questionnaires/group-commit.ts';
import { bundledServer, startServer, type RunningServer, type ServerCommand } from '../../bench/support/server.ts';

async function submit(base: string, link: OpenLink, idempotencyKey: string) {
  const res = await fetch(`${base}/r/${link.publicId}/api/response`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `im_q_${link.publicId}=${link.token}` },
    body: JSON.stringify({ answers: link.answers, idempotencyKey }),
  });
  return { status: res.status, body: (await res.json()) as { status?: string; submittedAt?: string; error?: { code: string; message: string } } };
}

function expectOneWinner(results: Awaited<ReturnType<typeof submit>>[]) {
  const statuses = results.map((r) => r.status).sort();
  expect(statuses).toEqual([201, ...Array(results.length - 1).fill(409)]);
  for (const r of results.filter((x) => x.status === 409)) {
    expect(r.body.error?.code).toBe('CONFLICT');
    expect(r.body.error?.message).toMatch(/déjà répondu/);
  }
  return results.findIndex((r) => r.status === 201);
}

describe('exactly one response per link, over a real HTTP server', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let links: OpenLink[];
  beforeAll(async () => {
    t = testApp({ now: new Date() });
    links = seedOpenLinks(t.database, { mentorships: 2 });
    server = createServer(t.app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    t.dispose();
  });

  it('10 simultaneous submissions of one link: one 201, nine French 409 « déjà répondu », one row', async () => {
    const link = links[0]!;
    const keys = Array.from({ length: 10 }, (_, i) => `cle-simultanee-${i}`);
    const results = await Promise.all(keys.map((k) => submit(base, link, k)));
    const winner = expectOneWinner(results);
    expect(t.sqlite.prepare('SELECT count(*) FROM responses r JOIN links l ON l.id = r.link_id WHERE l.public_id = ?').pluck().get(link.publicId)).toBe(1);
    expect(t.sqlite.prepare('SELECT state FROM links WHERE public_id = ?').pluck().get(link.publicId)).toBe('repondu');

    // The client that won retries (lost answer, double tap): same key, first result, still one row.
    const retries = await Promise.all([0, 1, 2].map(() => submit(base, link, keys[winner]!)));
    for (const r of retries) {
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'deja_enregistre', submittedAt: results[winner]!.body.submittedAt });
    }
    expect(t.sqlite.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1);
  });

  it('a retry with the same key before the first answer came back gets the same result, never a second row', async () => {
    const link = links[1]!;
    const results = await Promise.all(Array.from({ length: 10 }, () => submit(base, link, 'meme-cle-partout')));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.submittedAt)).size).toBe(1);
    expect(t.sqlite.prepare('SELECT count(*) FROM responses r JOIN links l ON l.id = r.link_id WHERE l.public_id = ?').pluck().get(link.publicId)).toBe(1);
  });
});

describe('two server processes on the same SQLite file (busy_timeout at work)', () => {
  let dir: string;
  let cmd: ServerCommand;
  let servers: RunningServer[] = [];
  let links: OpenLink[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'impact-concurrency-'));
    const database = openDatabase(join(dir, 'shared.db'));
    links = seedOpenLinks(database, { mentorships: 10 });
    database.close();
    cmd = await bundledServer();
    servers = await Promise.all([0, 1].map(() => startServer(cmd, { DB_PATH: join(dir, 'shared.db'), LOG_LEVEL: 'error' })));
  }, 90_000);
  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    cmd?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('20 links × 10 simultaneous submissions split across both processes: exactly one response each', async () => {
    const all = await Promise.all(
      links.map((link, li) => Promise.all(Array.from({ length: 10 }, (_, i) => submit(servers[i % 2]!.url, link, `cle-lien-${li}-${i}`)))),
    );
    for (const results of all) expectOneWinner(results);
    const check = new Database(join(dir, 'shared.db'), { readonly: true });
    expect(check.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(links.length);
    expect(check.prepare('SELECT count(DISTINCT link_id) FROM responses').pluck().get()).toBe(links.length);
    expect(check.prepare(`SELECT count(*) FROM links WHERE state = 'repondu'`).pluck().get()).toBe(links.length);
    check.close();
  });
});

describe('group commit (one durable COMMIT for the answers of one event-loop turn)', () => {
  it('shares one transaction, rolls a refused answer back alone, and resolves only once committed', async () => {
    const t = testApp();
    try {
      t.sqlite.exec('CREATE TABLE essai (x integer)');
      const insert = (x: number) => () => t.db.transaction((tx) => {
        tx.run(sql`INSERT INTO essai VALUES (${x})`);
        if (x === 2) throw new Error('refusée');
        return x;
      }, { behavior: 'immediate' });
      let committedWhenResolved = -1;
      const first = groupCommit(t.sqlite, insert(1)).then((v) => {
        committedWhenResolved = t.sqlite.inTransaction ? 0 : (t.sqlite.prepare('SELECT count(*) FROM essai').pluck().get() as number);
        return v;
      });
      const results = await Promise.allSettled([first, groupCommit(t.sqlite, insert(2)), groupCommit(t.sqlite, insert(3))]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(t.sqlite.prepare('SELECT x FROM essai ORDER BY x').pluck().all()).toEqual([1, 3]);
      expect(committedWhenResolved).toBe(2);
      expect(t.sqlite.inTransaction).toBe(false);
    } finally {
      t.dispose();
    }
  });
});
