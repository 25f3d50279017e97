import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open.ts';
import { backupDatabase } from '../../server/cli/backup.ts';
import { restoreDatabase } from '../../server/cli/restore.ts';

let dir: string;
let previousUmask: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'impact-modes-'));
  // The most permissive usual umask: whatever the host's, nothing may come out readable by others.
  previousUmask = process.umask(0o000);
});
afterEach(() => {
  process.umask(previousUmask);
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('data files are private to the service account', () => {
  it('creates the data folder 0700 and the database, -wal and -shm 0600', () => {
    const path = join(dir, 'data', 'sous-dossier', 'impact.db');
    const opened = openDatabase(path);
    opened.sqlite.prepare('CREATE TABLE IF NOT EXISTS essai (x)').run();
    opened.sqlite.prepare('INSERT INTO essai VALUES (1)').run();
    expect(mode(join(dir, 'data'))).toBe(0o700);
    expect(mode(join(dir, 'data', 'sous-dossier'))).toBe(0o700);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file).toString(8), file).toBe('600');
    }
    opened.close();
  });

  it('brings an existing world-readable database back to 0600, and its migration safety copy is 0600', () => {
    const path = join(dir, 'ancienne.db');
    const old = new Database(path);
    old.prepare('CREATE TABLE ancienne (x)').run();
    old.close();
    chmodSync(path, 0o644);
    const copies: string[] = [];
    const opened = openDatabase(path, { onBackup: (copy) => copies.push(copy) });
    opened.close();
    expect(mode(path).toString(8)).toBe('600');
    expect(copies).toHaveLength(1);
    expect(mode(copies[0]!).toString(8)).toBe('600');
  });

  it('writes backups 0600 (in a new folder: 0700) and restores a world-readable backup as 0600', async () => {
    const path = join(dir, 'impact.db');
    const opened = openDatabase(path);
    const target = join(dir, 'sauvegardes', 'copie.db');
    await backupDatabase(opened.sqlite, target);
    opened.close();
    expect(mode(join(dir, 'sauvegardes'))).toBe(0o700);
    expect(mode(target).toString(8)).toBe('600');
    chmodSync(target, 0o644);
    const report = await restoreDatabase(path, target);
    expect(mode(path).toString(8)).toBe('600');
    expect(mode(report.safetyCopy!).toString(8)).toBe('600');
  });
});
