import type { Command } from 'commander';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, openSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { ensurePrivateFile, openDatabase } from '../../db/open.ts';
import { verifyDatabaseFile } from './backup.ts';

export interface RestoreReport {
  restored: string;
  safetyCopy: string | null;
  responses: number;
}

/**
 * True when another process (a running server) has the database open. In WAL mode every open connection keeps
 * a shared lock, so an exclusive lock cannot be had while the server runs.
 */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  const probe = new Database(path, { timeout: 0, fileMustExist: true });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY') || (error as { code?: string }).code?.startsWith('SQLITE_LOCKED')) return true;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Replaces the database with a verified backup. Refuses while the server runs (stop it first); keeps a copy of
 * the current database next to it (`<base>.avant-restauration-<horodatage>.db`); swaps files by rename so that a
 * crash midway leaves either the old or the new file; then opens the result, which applies any migration the
 * backup predates, and checks it again.
 */
export async function restoreDatabase(dbPath: string, source: string, options: { now?: Date } = {}): Promise<RestoreReport> {
  const target = resolve(dbPath);
  const from = resolve(source);
  if (from === target) throw new Error('La sauvegarde et la base en service sont le même fichier.');
  const checked = verifyDatabaseFile(from);
  if (databaseInUse(target)) {
    throw new Error(`La base ${target} est ouverte par un autre processus : arrêtez le serveur (systemctl stop impact-mentorat, ou Ctrl+C) avant de restaurer.`);
  }
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');

  let safetyCopy: string | null = null;
  if (existsSync(target)) {
    safetyCopy = join(dirname(target), `${basename(target)}.avant-restauration-${stamp}.db`);
    const live = new Database(target, { fileMustExist: true });
    try {
      ensurePrivateFile(safetyCopy);
      await live.backup(safetyCopy);
    } finally {
      live.close();
    }
  }

  const incoming = `${target}.restauration`;
  copyFileSync(from, incoming);
  // copyFile keeps the source's mode: the restored database is brought back to 0600 whatever the backup had.
  ensurePrivateFile(incoming);
  const fd = openSync(incoming, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  // The old WAL belongs to the old file: it must not be replayed onto the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  const dirFd = openSync(dirname(target), 'r');
  fsyncSync(dirFd);
  closeSync(dirFd);

  const reopened = openDatabase(target);
  reopened.close();
  const after = verifyDatabaseFile(target);
  if (after.responses !== checked.responses) throw new Error('La base restaurée ne contient pas le même nombre de réponses que la sauvegarde.');
  return { restored: target, safetyCopy, responses: after.responses };
}

/** `npm run cli -- restore <fichier>`: server stopped first; the current base is kept aside, never deleted. */
export function registerRestoreCommand(program: Command): void {
  program
    .command('restore')
    .description('Restaure une sauvegarde vérifiée (arrêtez d’abord le serveur ; la base actuelle est mise de côté)')
    .argument('<fichier>', 'sauvegarde écrite par la commande backup')
    .action(async (file: string) => {
      const config = loadConfig();
      const report = await restoreDatabase(config.dbPath, file);
      if (report.safetyCopy) console.log(`Base précédente mise de côté : ${report.safetyCopy}`);
      console.log(`Sauvegarde restaurée et vérifiée (intégrité ok) : ${report.restored} — ${report.responses} réponse(s). Vous pouvez redémarrer le serveur.`);
    });
}
