import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createApp } from '../../server/app.ts';
import { testConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { seedDemo } from '../../db/seed/demo-data.ts';
import { testDatabase } from '../support/db.ts';
import { CLIENT_DIST } from '../../server/questionnaires/pages.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium introuvable (${CHROMIUM_PATH}) : apt-get install -y chromium`);
  if (!existsSync(`${CLIENT_DIST}/questionnaire.html`)) throw new Error('Client non construit : lancez `npm run build` (npm test le fait).');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A real HTTP server on a random loopback port, serving the built client over a seeded demo database. */
export async function startDemoServer() {
  const database = testDatabase();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = testConfig({ publicUrl: baseUrl, port });
  const ctx = { db: database.db, sqlite: database.sqlite, config, logger: createLogger('silent'), now: () => new Date() };
  const demo = await seedDemo(database, { config, logger: ctx.logger, openLinks: { youth: 6, mentor: 3 } });
  server.on('request', createApp(ctx));
  return {
    baseUrl,
    demo,
    ctx,
    database,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      database.dispose();
    },
  };
}

/**
 * A phone-sized context (390×844) that records every request, to prove nothing leaves for another origin. `locale` is
 * the phone's language (sent as Accept-Language: the questionnaire's default language).
 */
export async function phoneContext(browser: Browser, width = 390, height = 844, locale = 'fr-FR'): Promise<{ context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  return { context, requests };
}

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** One demo server and one Chromium per test file, both stopped after it; `onStarted` receives them. */
export function useDemoBrowser(onStarted: (started: { server: DemoServer; browser: Browser }) => void): void {
  let started: { server: DemoServer; browser: Browser } | null = null;
  beforeAll(async () => {
    const server = await startDemoServer();
    started = { server, browser: await launchChromium().catch(async (error) => { await server.close(); throw error; }) };
    onStarted(started);
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.close();
  });
}
