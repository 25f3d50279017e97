import type { Logger } from 'pino';
import type Database from 'better-sqlite3';
import type { Db } from '../db/open.ts';
import type { Config } from './config.ts';
import type { UserRole } from '../db/schema/index.ts';

/** What every domain function gets: the database, the clock and the settings. */
export interface AppContext {
  db: Db;
  sqlite: Database.Database;
  config: Config;
  logger: Logger;
  now: () => Date;
}

/** The acting staff member; department and association always come from the session, never from the request. */
export interface Actor {
  userId: number;
  role: UserRole;
  departmentId: number;
  /** Set for an association's reporting lead; null for department staff. */
  associationId: number | null;
}

export interface StaffContext extends AppContext {
  actor: Actor;
}
