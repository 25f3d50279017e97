import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app.ts';
import { testConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import type { AppContext } from '../../server/context.ts';
import { testDatabase } from './db.ts';

/** The real app factory on a real migrated SQLite file, with a clock the test can move. */
export function testApp(options: { now?: Date; config?: Partial<Config> } = {}) {
  const database = testDatabase();
  let now = options.now ?? new Date('2026-06-15T10:00:00Z');
  const ctx: AppContext = {
    db: database.db,
    sqlite: database.sqlite,
    config: testConfig({ publicUrl: 'http://localhost:3000', ...options.config }),
    logger: createLogger(process.env.TEST_LOG ?? 'silent'),
    now: () => now,
  };
  const app = createApp(ctx);
  return {
    app,
    ctx,
    db: database.db,
    sqlite: database.sqlite,
    database,
    setNow: (date: Date) => {
      now = date;
    },
    /** A supertest agent logged in as this user (keeps the session cookie). */
    async loginAs(user: { email: string; password: string }) {
      const agent = request.agent(app);
      const res = await agent.post('/api/session').send({ email: user.email, password: user.password });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
      return agent;
    },
    dispose: () => database.dispose(),
  };
}

export type TestApp = ReturnType<typeof testApp>;
export const anonymous = (app: Express) => request(app);
