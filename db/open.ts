import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema>;
export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DatabaseOpenError extends Error {}

/**
 * Opens the SQLite file with the durability settings an irreplaceable answer needs, checks that they took,
 * then applies pending migrations (drizzle runs them in one transaction: a failed migration leaves the file as it was).
 */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  try {
    applyPragmas(sqlite);
    const db = drizzle(sqlite, { schema });
    if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
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

/** A transaction handle; domain functions that run inside the caller's transaction accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
