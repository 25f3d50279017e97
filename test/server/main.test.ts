import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { seedOpenLinks } from '../../bench/support/seed.ts';
import { ROOT, startServer, tsxServer } from '../../bench/support/server.ts';

// The real entry point (server/main.ts), spawned as `npm start` would, minus tsx's wrapper process.
const entry = tsxServer();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'impact-main-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(entry.command, entry.args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('server/main.ts', () => {
  it('on SIGTERM stops accepting, finishes the request in progress, closes the database and exits 0', async () => {
    const path = join(dir, 'impact.db');
    const seeded = openDatabase(path);
    const [link] = seedOpenLinks(seeded, { mentorships: 1 });
    seeded.close();
    const server = await startServer(entry, { DB_PATH: path, LOG_LEVEL: 'silent' });

    // A submission whose body arrives slowly: the server has the request in hand when SIGTERM comes.
    const body = Buffer.from(JSON.stringify({ answers: link!.answers, idempotencyKey: 'arret-propre-1' }));
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method: 'POST', path: `/r/${link!.publicId}/api/response`, headers: { 'content-type': 'application/json', 'content-length': body.length, cookie: `im_q_${link!.publicId}=${link!.token}` } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 20));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => {
          // Refused: a new connection after the signal.
          const late = request({ host: '127.0.0.1', port: server.port, path: '/api/health' });
          late.on('error', (e) => lateError.push(e));
          late.on('response', () => lateError.push(new Error('accepted')));
          late.end();
          setTimeout(() => req.end(body.subarray(20)), 300);
        }, 200);
      }, 300);
    });
    const lateError: Error[] = [];
    const result = await answer;
    expect(result.status).toBe(201);
    expect(JSON.parse(result.body).status).toBe('enregistre');
    expect(await server.exited).toBe(0);
    expect(lateError.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ECONNREFUSED']);
    // Closed properly: the WAL was folded back into the file, and the answer is there.
    expect(!existsSync(`${path}-wal`) || statSync(`${path}-wal`).size === 0).toBe(true);
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1);
    check.close();
  });

  it('refuses to start when a migration fails: French message, exit code 1, database left as it was, copy taken', async () => {
    // A file made by something else: the first migration's CREATE TABLE collides with an existing table.
    const path = join(dir, 'impact.db');
    const foreign = new Database(path);
    foreign.exec(`CREATE TABLE departments (id integer primary key, nom text); INSERT INTO departments (nom) VALUES ('existant');`);
    foreign.close();
    const { code, output } = await runToExit({ DB_PATH: path });
    expect(code).toBe(1);
    expect(output).toMatch(/Erreur au démarrage : La migration « 0000_[a-z_]+ » a échoué/);
    expect(output).toMatch(/la base est restée dans son état précédent/);
    expect(output).toMatch(/Le serveur ne démarre pas/);
    const check = new Database(path, { readonly: true });
    expect(check.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()).toEqual(['departments']);
    expect(check.prepare('SELECT nom FROM departments').pluck().all()).toEqual(['existant']);
    check.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('impact.db.avant-migration-'))).toHaveLength(1);
  });

  it('refuses to start on a file that is not a database', async () => {
    const path = join(dir, 'impact.db');
    writeFileSync(path, 'x'.repeat(4096));
    const { code, output } = await runToExit({ DB_PATH: path });
    expect(code).toBe(1);
    expect(output).toMatch(/Erreur au démarrage : .*n'est pas une base SQLite/);
  });
});
