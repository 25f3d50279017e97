import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** drizzle-kit's bookkeeping table: kept so `drizzle-kit` and this runner agree on what was applied. */
const MIGRATIONS_TABLE = '__drizzle_migrations';

export class DatabaseOpenError extends Error {}

/** The database, its -wal/-shm and every copy hold data about young people: readable by the service account only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates the folder (and missing parents) as 0700; a folder that already exists is left as the operator set it. */
export function ensurePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates an empty file as 0600 if missing (SQLite then opens or fills it: it gives -wal and -shm the main file's
 * permissions), and brings an existing one back to 0600, whatever the umask.
 */
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** 0600 for the file and, when they exist, its -wal and -shm (a database created before this rule). */
export function restrictDatabaseFiles(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}

export interface OpenOptions {
  /** false: open only (read tools, tests of the opening itself). */
  migrate?: boolean;
  /** Another migrations folder (tests use one with a deliberately broken migration). */
  migrationsFolder?: string;
  /** Called with the path of the safety copy taken before migrating an existing database. */
  onBackup?: (path: string) => void;
}

/**
 * Opens the SQLite file with the durability settings an irreplaceable answer needs, checks that they took,
 * then applies pending migrations. Before touching an existing database that has pending migrations, a
 * consistent copy is written next to it; all pending migrations run in ONE immediate transaction, so a failed
 * migration leaves the file exactly as it was and the caller gets a French explanation.
 */
export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  const onDisk = path !== ':memory:' && path !== '' && !path.startsWith('file:');
  if (onDisk) {
    try {
      ensurePrivateDir(dirname(resolve(path)));
      ensurePrivateFile(path);
      restrictDatabaseFiles(path);
    } catch (error) {
      throw new DatabaseOpenError(`Impossible de créer la base de données ${path} avec des droits réservés au service : ${(error as Error).message}`);
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
  } catch (error) {
    throw new DatabaseOpenError(`Impossible d'ouvrir la base de données ${path} : ${(error as Error).message}`);
  }
  try {
    applyPragmas(sqlite);
    if (options.migrate !== false) runMigrations(sqlite, path, onDisk, options);
    const db = drizzle(sqlite, { schema });
    return { db, sqlite, close: () => closeDatabase(sqlite) };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Closing folds the WAL back into the main file so a copied or restored file is complete on its own. */
function closeDatabase(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // another connection holds a reader: SQLite checkpoints later, nothing is lost
  }
  sqlite.close();
}

export function applyPragmas(sqlite: Database.Database): void {
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    // e.g. "file is not a database": say so in French rather than let a raw SQLite code reach the operator
    throw new DatabaseOpenError(`Le fichier n'est pas une base SQLite utilisable : ${(error as Error).message}`);
  }
  const checks: [string, unknown, unknown][] = [
    ['synchronous', sqlite.pragma('synchronous', { simple: true }), 2],
    ['busy_timeout', sqlite.pragma('busy_timeout', { simple: true }), 5000],
    ['foreign_keys', sqlite.pragma('foreign_keys', { simple: true }), 1],
  ];
  const journal = sqlite.pragma('journal_mode', { simple: true });
  if (journal !== 'wal' && journal !== 'memory') checks.push(['journal_mode', journal, 'wal']);
  for (const [name, actual, expected] of checks) {
    if (actual !== expected) throw new DatabaseOpenError(`PRAGMA ${name} vaut ${String(actual)} au lieu de ${String(expected)}`);
  }
}

type Migration = ReturnType<typeof readMigrationFiles>[number] & { tag: string };

function readMigrations(folder: string): Migration[] {
  let files: ReturnType<typeof readMigrationFiles>;
  let tags: string[];
  try {
    files = readMigrationFiles({ migrationsFolder: folder });
    tags = (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries.map((e) => e.tag);
  } catch (error) {
    throw new DatabaseOpenError(`Les fichiers de migration sont introuvables ou illisibles dans ${folder} : ${(error as Error).message}`);
  }
  return files.map((m, i) => ({ ...m, tag: tags[i] ?? `#${i}` }));
}

function lastAppliedMillis(sqlite: Database.Database): number | null {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(MIGRATIONS_TABLE);
  if (!table) return null;
  const row = sqlite.prepare(`SELECT created_at AS at FROM "${MIGRATIONS_TABLE}" ORDER BY created_at DESC LIMIT 1`).get() as { at: number | string } | undefined;
  return row ? Number(row.at) : null;
}

const pendingAfter = (migrations: Migration[], last: number | null) => migrations.filter((m) => last === null || last < m.folderMillis);

function hasUserTables(sqlite: Database.Database): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1`).get() !== undefined;
}

function runMigrations(sqlite: Database.Database, path: string, onDisk: boolean, options: OpenOptions): void {
  const migrations = readMigrations(options.migrationsFolder ?? MIGRATIONS_FOLDER);
  // Fast path for every ordinary start: nothing pending, nothing written.
  if (pendingAfter(migrations, lastAppliedMillis(sqlite)).length === 0) return;

  let backupPath: string | null = null;
  if (onDisk && hasUserTables(sqlite)) {
    backupPath = backupBeforeMigration(sqlite, path);
    options.onBackup?.(backupPath);
  }

  let current = null as Migration | null;
  try {
    // IMMEDIATE: two processes starting together cannot both decide to apply the same migration.
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      sqlite.exec(`CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
      const insert = sqlite.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("hash", "created_at") VALUES (?, ?)`);
      for (const migration of pendingAfter(migrations, lastAppliedMillis(sqlite))) {
        current = migration;
        for (const statement of migration.sql) if (statement.trim()) sqlite.exec(statement);
        insert.run(migration.hash, migration.folderMillis);
      }
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  } catch (error) {
    const what = current ? `La migration « ${current.tag} » a échoué` : 'Les migrations n’ont pas pu être appliquées';
    const copy = backupPath ? ` Une copie de sécurité prise avant la migration se trouve dans ${backupPath}.` : '';
    throw new DatabaseOpenError(
      `${what} : ${(error as Error).message}. Aucune modification n’a été enregistrée : la base est restée dans son état précédent.${copy} Le serveur ne démarre pas ; corrigez la migration puis relancez.`,
    );
  }
}

/** `<base>.avant-migration-<horodatage>.db`, next to the database. VACUUM INTO writes a consistent copy synchronously. */
export function backupBeforeMigration(sqlite: Database.Database, path: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(resolve(path)), `${basename(path)}.avant-migration-${stamp}.db`);
  for (let n = 2; existsSync(target); n++) target = join(dirname(resolve(path)), `${basename(path)}.avant-migration-${stamp}-${n}.db`);
  try {
    // VACUUM INTO accepts an empty target file: created first as 0600, the copy is never readable by others.
    ensurePrivateFile(target);
    sqlite.prepare('VACUUM INTO ?').run(target);
    if (statSync(target).size === 0) throw new Error('copie vide');
  } catch (error) {
    throw new DatabaseOpenError(`La copie de sécurité avant migration n’a pas pu être écrite (${target}) : ${(error as Error).message}. Migration annulée, la base n’a pas été modifiée.`);
  }
  return target;
}

/** A transaction handle; domain functions that run inside the caller's transaction accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
