import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from '../../db/open.ts';
import type { AppContext } from '../context.ts';
import { registerUserCreateCommand } from './user-create.ts';
import { registerPurgeCommand } from './purge.ts';
import { registerRecompute } from './recompute.ts';
import { registerRemindersCommand } from './reminders.ts';
import { registerBackupCommand } from './backup.ts';
import { registerRestoreCommand } from './restore.ts';

/** Opens the configured database for one command and closes it afterwards, whatever happens. */
export async function withContext<T>(fn: (ctx: AppContext) => Promise<T> | T): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config.dbPath);
  try {
    return await fn({ db: database.db, sqlite: database.sqlite, config, logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), now: () => new Date() });
  } finally {
    database.close();
  }
}

/** Each feature registers its commands here (one line per module). */
export function registerCommands(program: Command): void {
  registerRecompute(program);
  registerUserCreateCommand(program);
  registerPurgeCommand(program);
  program.command('version').description('Affiche la version').action(() => console.log('impact-mentorat 0.1.0'));
  registerRemindersCommand(program);
  registerBackupCommand(program);
  registerRestoreCommand(program);
}
