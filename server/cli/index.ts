import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openDatabase } from '../../db/open.ts';
import type { AppContext } from '../context.ts';

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
  program.command('version').description('Affiche la version').action(() => console.log('impact-mentorat 0.1.0'));
}
