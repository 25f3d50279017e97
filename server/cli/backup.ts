import type { Command } from 'commander';
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { ensurePrivateDir, ensurePrivateFile, restrictDatabaseFiles } from '../../db/open.ts';
import { dirname, resolve } from 'node:path';
import { withContext } from './index.ts';

export interface BackupReport {
  path: string;
  bytes: number;
  responses: number;
}

/**
 * Online copy with SQLite's backup API (better-sqlite3 `.backup()`): the server may keep writing meanwhile, the
 * copy is one consistent snapshot. It is written under a temporary name, reopened and integrity-checked, and only
 * then given its final name, so a file bearing the requested name is always a verified backup.
 */
export async function backupDatabase(sqlite: Database.Database, target: string): Promise<BackupReport> {
  const path = resolve(target);
  if (existsSync(path)) throw new Error(`Le fichier ${path} existe déjà : choisissez un autre nom (une sauvegarde n’en écrase jamais une autre).`);
  ensurePrivateDir(dirname(path));
  const partial = `${path}.partiel`;
  rmSync(partial, { force: true });
  try {
    // Created 0600 before SQLite writes into it: a backup is as private as the database.
    ensurePrivateFile(partial);
    await sqlite.backup(partial);
    restrictDatabaseFiles(partial);
    const check = verifyDatabaseFile(partial);
    renameSync(partial, path);
    return { path, bytes: statSync(path).size, responses: check.responses };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Opens a copy read-only and checks it: SQLite's integrity check, foreign keys, and that it is one of ours. */
export function verifyDatabaseFile(path: string): { responses: number; lastMigration: number | null } {
  if (!existsSync(path)) throw new Error(`Le fichier ${path} est introuvable.`);
  let copy: Database.Database;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`Le fichier ${path} ne s’ouvre pas comme une base SQLite : ${(error as Error).message}`);
  }
  try {
    let messages: string[];
    try {
      messages = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      throw new Error(`Le fichier ${path} n’est pas une base SQLite lisible : ${(error as Error).message}`);
    }
    if (messages.length !== 1 || messages[0] !== 'ok') throw new Error(`La copie ${path} est abîmée (PRAGMA integrity_check : ${messages.slice(0, 3).join(' ; ')}).`);
    if ((copy.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`La copie ${path} contient des références cassées (PRAGMA foreign_key_check).`);
    const tables = new Set(copy.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    if (!tables.has('responses') || !tables.has('__drizzle_migrations')) throw new Error(`Le fichier ${path} n’est pas une base Impact Mentorat.`);
    const lastMigration = copy.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null;
    return { responses: copy.prepare('SELECT count(*) FROM responses').pluck().get() as number, lastMigration: lastMigration === null ? null : Number(lastMigration) };
  } finally {
    copy.close();
  }
}

/** `npm run cli -- backup <fichier>`: safe while the server runs. */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Sauvegarde à chaud de la base (API de sauvegarde de SQLite), puis vérification de la copie')
    .argument('<fichier>', 'fichier de sauvegarde à écrire (ne doit pas exister)')
    .action(async (file: string) => {
      const report = await withContext((ctx) => backupDatabase(ctx.sqlite, file));
      console.log(`Sauvegarde écrite et vérifiée (intégrité ok) : ${report.path} — ${(report.bytes / 1024 / 1024).toFixed(1)} Mo, ${report.responses} réponse(s).`);
    });
}
