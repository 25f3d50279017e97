import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseOpenError, MIGRATIONS_FOLDER, openDatabase } from '../../db/open.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'impact-open-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the real migrations plus one extra migration whose second statement fails. */
function migrationsWithExtra(sql: string, tag = '9999_extra'): string {
  const folder = join(dir, 'migrations');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
  const last = journal.entries[journal.entries.length - 1]!;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), sql);
  return folder;
}

const backupsIn = (folder: string) => readdirSync(folder).filter((f) => f.includes('.avant-migration-'));
const tables = (sqlite: Database.Database) =>
  (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('openDatabase', () => {
  it('sets and keeps WAL, synchronous=FULL, busy_timeout ≥ 5000 ms and foreign keys', () => {
    const opened = openDatabase(join(dir, 'a.db'));
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => opened.sqlite.prepare('INSERT INTO links (public_id, token_hash, mentorship_id, audience, questionnaire_version_id, state, expires_at, created_at) VALUES (?,?,?,?,?,?,?,?)').run('p', 'h', 999, 'youth', 999, 'ouvert', 1, 1)).toThrow(/FOREIGN KEY/);
    opened.close();
  });

  it('refuses a file that is not a database, in French', () => {
    const path = join(dir, 'pas-une-base.db');
    writeFileSync(path, 'ceci n’est pas une base SQLite, mais un fichier texte assez long pour être lu'.repeat(20));
    expect(() => openDatabase(path)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(path)).toThrow(/n'est pas une base SQLite/);
  });

  it('takes no backup for a brand-new database, nor when nothing is pending', () => {
    openDatabase(join(dir, 'neuve.db')).close();
    openDatabase(join(dir, 'neuve.db')).close();
    expect(backupsIn(dir)).toEqual([]);
  });

  it('backs an existing database up, next to it with a timestamp, before applying a pending migration', () => {
    const path = join(dir, 'impact.db');
    const first = openDatabase(path);
    first.sqlite.prepare(`INSERT INTO associations (name, created_at) VALUES ('Avant migration', 1)`).run();
    first.close();
    const backups: string[] = [];
    const second = openDatabase(path, { migrationsFolder: migrationsWithExtra('CREATE TABLE `extra` (`id` integer PRIMARY KEY);'), onBackup: (p) => backups.push(p) });
    expect(tables(second.sqlite)).toContain('extra');
    second.close();
    expect(backupsIn(dir)).toHaveLength(1);
    expect(backupsIn(dir)[0]).toMatch(/^impact\.db\.avant-migration-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/);
    expect(backups).toEqual([join(dir, backupsIn(dir)[0]!)]);
    const copy = new Database(backups[0]!, { readonly: true });
    expect(tables(copy)).not.toContain('extra');
    expect(copy.prepare('SELECT name FROM associations').pluck().all()).toEqual(['Avant migration']);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('refuses to open when a migration fails, says why in French, and leaves the database as it was', () => {
    const path = join(dir, 'impact.db');
    const first = openDatabase(path);
    first.sqlite.prepare(`INSERT INTO associations (name, created_at) VALUES ('Intacte', 1)`).run();
    const before = { tables: tables(first.sqlite), applied: first.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() };
    first.close();
    const broken = migrationsWithExtra(
      "CREATE TABLE `extra` (`id` integer PRIMARY KEY);\n--> statement-breakpoint\nINSERT INTO associations (name, created_at) VALUES ('pendant', 2);\n--> statement-breakpoint\nALTER TABLE `table_inexistante` ADD `x` integer;",
      '9999_casse',
    );
    let error: unknown;
    try {
      openDatabase(path, { migrationsFolder: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toMatch(/La migration « 9999_casse » a échoué/);
    expect((error as Error).message).toMatch(/état précédent/);
    expect((error as Error).message).toMatch(/ne démarre pas/);

    const after = openDatabase(path, { migrate: false });
    expect(tables(after.sqlite)).toEqual(before.tables);
    expect(after.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(before.applied);
    expect(after.sqlite.prepare('SELECT name FROM associations').pluck().all()).toEqual(['Intacte']);
    expect(after.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
    // The safety copy was taken before the attempt, and the message names it.
    expect(backupsIn(dir)).toHaveLength(1);
    expect((error as Error).message).toContain(backupsIn(dir)[0]);
  });

  it('applies a migration once: a second opening of the same file finds nothing pending', () => {
    const path = join(dir, 'partagee.db');
    openDatabase(path).close();
    const folder = migrationsWithExtra('CREATE TABLE `extra` (`id` integer PRIMARY KEY);');
    const a = openDatabase(path, { migrationsFolder: folder });
    const b = openDatabase(path, { migrationsFolder: folder });
    expect(b.sqlite.prepare(`SELECT count(*) FROM __drizzle_migrations`).pluck().get()).toBe(a.sqlite.prepare(`SELECT count(*) FROM __drizzle_migrations`).pluck().get());
    a.close();
    b.close();
  });
});
