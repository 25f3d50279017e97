import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { seedOpenLinks, type OpenLink } from '../../bench/support/seed.ts';
import { backupDatabase, verifyDatabaseFile } from '../../server/cli/backup.ts';
import { databaseInUse, restoreDatabase } from '../../server/cli/restore.ts';
import { findOpenLinkByToken, submitResponse } from '../../server/questionnaires/respond.ts';
import { testConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { ROOT } from '../../bench/support/server.ts';

let dir: string;
let dbPath: string;
let database: OpenedDatabase;
let links: OpenLink[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'impact-backup-'));
  dbPath = join(dir, 'impact.db');
  database = openDatabase(dbPath);
  links = seedOpenLinks(database, { mentorships: 3 });
});
afterEach(() => {
  if (database.sqlite.open) database.close();
  rmSync(dir, { recursive: true, force: true });
});

function answer(db: OpenedDatabase, link: OpenLink) {
  const ctx = { db: db.db, sqlite: db.sqlite, config: testConfig(), logger: createLogger('silent'), now: () => new Date() };
  submitResponse(ctx, findOpenLinkByToken(ctx, link.token)!, { answers: link.answers });
}
const countResponses = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM responses').pluck().get();
  } finally {
    db.close();
  }
};

describe('backup and restore', () => {
  it('restore drill: answers, backup while open, more answers, restore → the backed-up state is back, the other kept aside', async () => {
    answer(database, links[0]!);
    answer(database, links[1]!);
    const backup = await backupDatabase(database.sqlite, join(dir, 'sauvegardes', 'impact-2026-11-26.db'));
    expect(backup.responses).toBe(2);
    expect(verifyDatabaseFile(backup.path).responses).toBe(2);

    answer(database, links[2]!);
    answer(database, links[3]!);
    expect(databaseInUse(dbPath)).toBe(true);
    await expect(restoreDatabase(dbPath, backup.path)).rejects.toThrow(/arrêtez le serveur/);
    expect(countResponses(dbPath)).toBe(4);
    database.close();

    const report = await restoreDatabase(dbPath, backup.path, { now: new Date('2026-11-26T22:00:00Z') });
    expect(report.responses).toBe(2);
    expect(countResponses(dbPath)).toBe(2);
    expect(report.safetyCopy).toBe(join(dir, 'impact.db.avant-restauration-2026-11-26T22-00-00-000Z.db'));
    expect(countResponses(report.safetyCopy!)).toBe(4);
    const reopened = openDatabase(dbPath);
    expect(reopened.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.sqlite.prepare(`SELECT count(*) FROM links WHERE state = 'ouvert'`).pluck().get()).toBe(links.length - 2);
    reopened.close();
  });

  it('never overwrites an existing file and leaves no half-written backup behind', async () => {
    writeFileSync(join(dir, 'deja-la.db'), 'autre chose');
    await expect(backupDatabase(database.sqlite, join(dir, 'deja-la.db'))).rejects.toThrow(/existe déjà/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partiel'))).toEqual([]);
  });

  it('refuses to restore a damaged or foreign file, and leaves the current database untouched', async () => {
    answer(database, links[0]!);
    database.close();
    writeFileSync(join(dir, 'abime.db'), Buffer.alloc(8192, 7));
    await expect(restoreDatabase(dbPath, join(dir, 'abime.db'))).rejects.toThrow(/base SQLite/);
    const foreign = new Database(join(dir, 'autre.db'));
    foreign.exec('CREATE TABLE notes (x)');
    foreign.close();
    await expect(restoreDatabase(dbPath, join(dir, 'autre.db'))).rejects.toThrow(/n’est pas une base Impact Mentorat/);
    await expect(restoreDatabase(dbPath, join(dir, 'absent.db'))).rejects.toThrow(/introuvable/);
    expect(countResponses(dbPath)).toBe(1);
    expect(readdirSync(dir).some((f) => f.includes('avant-restauration'))).toBe(false);
  });

  it('works from the command line: npm run cli -- backup <fichier> / restore <fichier>', async () => {
    answer(database, links[0]!);
    database.close();
    const run = promisify(execFile);
    const env = { ...process.env, DB_PATH: dbPath, LOG_LEVEL: 'silent' };
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: ROOT, env });
    const saved = await cli('backup', join(dir, 'cli.db'));
    expect(saved.stdout).toMatch(/Sauvegarde écrite et vérifiée \(intégrité ok\) : .*cli\.db — .* 1 réponse/);
    rmSync(dbPath);
    for (const s of ['-wal', '-shm']) rmSync(dbPath + s, { force: true });
    const restored = await cli('restore', join(dir, 'cli.db'));
    expect(restored.stdout).toMatch(/Sauvegarde restaurée et vérifiée/);
    expect(existsSync(dbPath)).toBe(true);
    expect(countResponses(dbPath)).toBe(1);
  });
});
