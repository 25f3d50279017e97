/**
 * Youth questionnaire benchmark: is the questionnaire fast on a cheap phone and a weak mobile network?
 *
 * 1. Builds the client (into its own temporary IMPACT_CLIENT_DIST) and, in the same run, the bare reference page
 *    of bench/bare-page/ (the same questionnaire JSON rendered with survey-react-ui and React only).
 * 2. Serves the real application over a freshly seeded demo database (temporary SQLite file), and the bare page
 *    from a plain static server that gzips on the fly (level 6, what a default nginx/compression set-up does).
 *    Plain HTTP on the loopback (Chromium offers brotli there as over HTTPS; a self-signed certificate would
 *    disable its HTTP cache and spoil the repeat visit).
 * 3. In Chromium:
 *    (a) bytes transferred (CDP `encodedDataLength`, headers included) for every request until the first question
 *        can be answered: the youth route (link → welcome → "Commencer" → first question) and the bare page;
 *    (b) with CDP "Slow 3G" (400 ms latency, 400 kbit/s down and up) and a 4× CPU slowdown: time until the welcome
 *        text is visible (first contentful paint), until the first question can be answered (a choice visible on
 *        screen: the page's plain question, then SurveyJS's; "Commencer" is tapped as soon as the welcome shows), until
 *        SurveyJS's own question is there (`*_surveyjs_ms`), and the same on a repeat visit (resume:
 *        the same phone comes back to its link; assets come from the HTTP cache). Times are from navigation start,
 *        median of RUNS runs (3; BENCH_RUNS), each on a fresh phone (browser context) and a fresh link, with min and
 *        max. The bare page is visited twice on its own fresh phone in each run: `repeat_ratio` = our repeat visit /
 *        the bare page's repeat visit (goal ≤ 0.9), a figure the machine's load moves far less than the absolute one.
 * Writes bench/results/youth.json and prints the figures.
 *
 * Run: npm run bench:youth   (BENCH_RUNS=5 for more runs)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { QUICK, RUNS, spread } from './support/stats.ts';
import { settle } from './support/settle.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'fr-FR' };
const GOALS = { bytes_ratio: 0.9, welcome_ms: 2000, first_question_ms: 12_000, repeat_first_question_ms: 2000, repeat_ratio: 0.9 };

const work = mkdtempSync(join(tmpdir(), 'impact-bench-youth-'));
const clientDist = join(work, 'client');
const bareDist = join(work, 'bare');
// The server reads the client folder when its modules load: set it before importing them.
process.env.IMPACT_CLIENT_DIST = clientDist;

function build() {
  const vite = join(root, 'node_modules/.bin/vite');
  const started = Date.now();
  execFileSync(vite, ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, IMPACT_CLIENT_DIST: clientDist } });
  execFileSync(vite, ['build', '--config', 'bench/bare-page/vite.config.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, BENCH_BARE_DIST: bareDist } });
  console.log(`Builds: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

/** The bare page's server: static files, gzip level 6 on the fly, hashed assets cached like ours. */
function bareServer(): Server {
  const gzipped = new Map<string, Buffer>();
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(bareDist, path === '/' ? 'index.html' : path);
    let body: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
    headers['Cache-Control'] = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && TYPES[extname(file)]) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 6 }));
      body = gzipped.get(file)!;
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) }).end(body);
  });
}

/**
 * Records, inside the page, when the welcome heading appears, when the first question can be answered (a choice or a
 * text field visible on screen: the page's plain question, shown by CSS as soon as "Commencer" is tapped, or
 * SurveyJS's), and when SurveyJS's own question is there (ms from navigation start). With `tap`, it also taps
 * "Commencer"/"Reprendre" in the first frame where it is painted: the figure then measures the page, not the test
 * driver's round trips to a throttled renderer. Showing a fragment's target mutates no node: frames are polled too.
 */
const marksScript = (tap: boolean) => `(() => {
  const marks = (window.__benchMarks = {});
  let tapped = false;
  const FIELDS = 'input[type="radio"], input[type="checkbox"], textarea';
  const visible = (el) => (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const check = () => {
    if (marks.welcome === undefined && document.querySelector('#accueil h1')) marks.welcome = performance.now();
    const start = document.getElementById('commencer');
    if (${tap} && start && !tapped) {
      tapped = true;
      requestAnimationFrame(() => setTimeout(() => { marks.tap = performance.now(); start.click(); }, 0));
    }
    const fields = [...document.querySelectorAll('.sd-question, .im-apercu')].flatMap((q) => [...q.querySelectorAll(FIELDS)]);
    if (marks.question === undefined && fields.some(visible)) marks.question = performance.now();
    if (marks.surveyjs === undefined && document.querySelector('.sd-question input[type="radio"], .sd-question input[type="checkbox"], .sd-question textarea')) marks.surveyjs = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  const frame = () => { check(); if (marks.question === undefined) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})();`;

interface Visit {
  /** The page's address at the end (`/r/<publicId>` after the link's redirect). */
  url: string;
  bytes: number;
  requests: number;
  /** Where the time went: HTML received, bundle evaluated, tap, model built, question rendered (ms). */
  breakdown: Record<string, number>;
  welcomeMs: number | null;
  questionMs: number;
  /** When SurveyJS's question was there (the questionnaire fully working: "Suivant", read-aloud, saving). */
  surveyjsMs: number;
}

async function visit(context: BrowserContext, url: string, options: { throttle: boolean; clickStart: boolean; answerFirst?: boolean }): Promise<Visit> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (options.throttle) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  }
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await page.addInitScript(marksScript(options.clickStart));
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('.sd-question input, .sd-question textarea').first().waitFor({ state: 'attached', timeout: 120_000 });
  const marks = (await page.evaluate('window.__benchMarks')) as { welcome?: number; question: number; surveyjs: number };
  // First contentful paint: the moment text is on screen (the welcome, sent as HTML with inline CSS).
  const fcp = (await page.evaluate(`(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime ?? null`)) as number | null;
  const breakdown = (await page.evaluate(`(() => {
    const out = { html: Math.round(performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0), tap: Math.round(window.__benchMarks.tap ?? 0) };
    for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('im:')) out[m.name.slice(3)] = Math.round(m.startTime);
    return out;
  })()`)) as Record<string, number>;
  const pageUrl = page.url().replace(/#.*$/, '');
  if (options.answerFirst) {
    // The respondent answers the first question and leaves: the repeat visit is then a real resume ("Reprendre").
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/draft') && r.request().method() === 'PUT' && r.ok(), { timeout: 60_000 });
    await page.locator('.sd-selectbase__label').first().click();
    await saved;
    // ...after the page has settled: its service worker had time to keep the files (a phone has minutes, not ms).
    await page.evaluate(`Promise.race([navigator.serviceWorker ? navigator.serviceWorker.ready : null, new Promise((r) => setTimeout(r, 20000))]).then(() => true)`);
  }
  // Let the last in-flight requests (if any) finish counting before the CDP session goes away.
  await page.waitForTimeout(200);
  await cdp.detach();
  await page.close();
  return { url: pageUrl, bytes, requests, breakdown, welcomeMs: options.clickStart ? Math.round(Math.max(fcp ?? marks.welcome ?? 0, marks.welcome ?? 0)) : null, questionMs: Math.round(marks.question), surveyjsMs: Math.round(marks.surveyjs) };
}


async function main() {
  build();
  const { openDatabase } = await import('../db/open.ts');
  const { seedDemo } = await import('../db/seed/demo-data.ts');
  const { createApp } = await import('../server/app.ts');
  const { testConfig } = await import('../server/config.ts');
  const { createLogger } = await import('../server/logger.ts');
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../test/browser/support.ts');
  const { links, questionnaireVersions } = await import('../db/schema/index.ts');
  const { hashToken } = await import('../server/questionnaires/tokens.ts');
  const { eq } = await import('drizzle-orm');

  const database = openDatabase(join(work, 'demo.db'));
  const appServer = createServer();
  const baseUrl = await listen(appServer);
  const config = testConfig({ publicUrl: baseUrl, port: Number(new URL(baseUrl).port) });
  const logger = createLogger('silent');
  const ctx = { db: database.db, sqlite: database.sqlite, config, logger, now: () => new Date() };
  const demo = await seedDemo(database, { config, logger, openLinks: { youth: RUNS + 1, mentor: 1 } });
  appServer.on('request', createApp(ctx));
  const youthLinks = demo.links.filter((l) => l.audience === 'youth').map((l) => l.url);

  // The bare page renders exactly the questionnaire the first youth link serves.
  const token = youthLinks[0]!.slice(youthLinks[0]!.lastIndexOf('/') + 1);
  const link = database.db.select().from(links).where(eq(links.tokenHash, hashToken(token))).get()!;
  const version = database.db.select().from(questionnaireVersions).where(eq(questionnaireVersions.id, link.questionnaireVersionId)).get()!;
  mkdirSync(bareDist, { recursive: true });
  writeFileSync(join(bareDist, 'survey.json'), JSON.stringify(version.surveyJson));
  const bare = bareServer();
  const bareUrl = `${await listen(bare)}/index.html`;

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const phone = () => browser.newContext(PHONE);
  try {
    // (a) Bytes, unthrottled (the count does not depend on the speed).
    let context = await phone();
    const youthBytes = await visit(context, youthLinks[0]!, { throttle: false, clickStart: true });
    await context.close();
    context = await phone();
    const bareBytes = await visit(context, bareUrl, { throttle: false, clickStart: false });
    await context.close();

    // The absolute goal holds on an idle machine: let the client build and the seeding above fade first.
    const settled = await settle();
    console.log(`  attente d’une machine au repos : ${settled.waitedS} s (charge ${settled.load})`);
    const loadAtStart = loadavg()[0]!;
    // (b) Times on Slow 3G and a 4× slower CPU.
    const runs: Array<{ welcome: number; first: number; repeat: number; first_surveyjs: number; repeat_surveyjs: number; bare_first: number; bare_repeat: number; repeat_ratio: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      // A fresh phone per run, with a real (on-disk) browser profile as on a phone, not an incognito context:
      // its HTTP cache and compiled-code cache are what a returning respondent benefits from.
      const profile = mkdtempSync(join(work, 'profile-'));
      const persistent = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...PHONE });
      const first = await visit(persistent, youthLinks[run + 1] ?? youthLinks[0]!, { throttle: true, clickStart: true, answerFirst: true });
      const repeat = await visit(persistent, first.url, { throttle: true, clickStart: true });
      await persistent.close();

      // The bare page on the same emulated phone, first visit then repeat visit (its files from the HTTP cache):
      // the repeat visit's yardstick, measured in the same run so that the machine's load weighs on both alike.
      const bareProfile = mkdtempSync(join(work, 'profile-'));
      const bareContext = await chromium.launchPersistentContext(bareProfile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, ...PHONE });
      const bareFirst = await visit(bareContext, bareUrl, { throttle: true, clickStart: false });
      const bareRepeat = await visit(bareContext, bareUrl, { throttle: true, clickStart: false });
      await bareContext.close();
      runs.push({ welcome: first.welcomeMs!, first: first.questionMs, repeat: repeat.questionMs, first_surveyjs: first.surveyjsMs, repeat_surveyjs: repeat.surveyjsMs, bare_first: bareFirst.questionMs, bare_repeat: bareRepeat.questionMs, repeat_ratio: Math.round((repeat.questionMs / bareRepeat.questionMs) * 1000) / 1000 });
      console.log(`  run ${run + 1}: welcome ${first.welcomeMs} ms, first question ${first.questionMs} ms, repeat visit ${repeat.questionMs} ms (${repeat.requests} requests, ${repeat.bytes} B); SurveyJS ready ${first.surveyjsMs} / ${repeat.surveyjsMs} ms; bare page ${bareFirst.questionMs} ms, repeat ${bareRepeat.questionMs} ms; load ${loadavg()[0]!.toFixed(1)}`);
      console.log(`    first visit: ${JSON.stringify(first.breakdown)}\n    repeat:      ${JSON.stringify(repeat.breakdown)}`);
    }

    const results = {
      bytes_ratio: Math.round((youthBytes.bytes / bareBytes.bytes) * 1000) / 1000,
      ...spread('welcome_ms', runs.map((r) => r.welcome)),
      ...spread('first_question_ms', runs.map((r) => r.first)),
      ...spread('repeat_first_question_ms', runs.map((r) => r.repeat)),
      // Ours / the bare page's repeat visit, run by run (median, min, max): does not move with the machine's load.
      ...spread('repeat_ratio', runs.map((r) => r.repeat_ratio), 3),
      // When SurveyJS's question replaced the page's plain one (navigation, read-aloud, saving): first and repeat visit.
      ...spread('first_surveyjs_ms', runs.map((r) => r.first_surveyjs)),
      ...spread('repeat_surveyjs_ms', runs.map((r) => r.repeat_surveyjs)),
      youth_bytes: youthBytes.bytes,
      youth_requests: youthBytes.requests,
      bare_page_bytes: bareBytes.bytes,
      bare_page_requests: bareBytes.requests,
      ...spread('bare_page_first_question_ms', runs.map((r) => r.bare_first)),
      ...spread('bare_page_repeat_ms', runs.map((r) => r.bare_repeat)),
      runs,
      runs_count: RUNS,
      quick: QUICK,
      goals: GOALS,
      conditions: {
        network: 'CDP Network.emulateNetworkConditions: latency 400 ms, 400 kbit/s down and up',
        cpu: `CDP Emulation.setCPUThrottlingRate ${CPU_SLOWDOWN}×`,
        viewport: '390×844, mobile, DPR 2',
        bare_page: 'bench/bare-page (survey-core + survey-react-ui + react, fontless default CSS), gzip level 6',
        youth_page: 'server-rendered welcome, brotli 11 precompressed assets',
        transport: 'HTTP/1.1 on the loopback',
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
        // Other work on the machine slows the emulated phone too: recorded so that figures can be compared.
        load_average_1min: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(loadavg()[0]! * 10) / 10 },
        // Waited for the machine to be idle before the timed runs (see support/settle.ts).
        idle_wait_s: settled.waitedS,
      },
      measuredAt: new Date().toISOString(),
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/youth.json'), `${JSON.stringify(results, null, 2)}\n`);

    const verdict = (key: keyof typeof GOALS) => (results[key] <= GOALS[key] ? 'OK' : 'ÉCHEC');
    console.log('\nQuestionnaire jeune sur téléphone (Slow 3G, CPU 4×) :');
    console.log(`  octets transférés : ${results.youth_bytes} (questionnaire) / ${results.bare_page_bytes} (page nue) = ratio ${results.bytes_ratio}  [objectif ≤ ${GOALS.bytes_ratio}] ${verdict('bytes_ratio')}`);
    console.log(`  accueil visible            : ${results.welcome_ms} ms  [≤ ${GOALS.welcome_ms}] ${verdict('welcome_ms')}`);
    console.log(`  première question          : ${results.first_question_ms} ms  [≤ ${GOALS.first_question_ms}] ${verdict('first_question_ms')}  (page nue : ${results.bare_page_first_question_ms} ms)`);
    console.log(`  reprise (visite suivante)  : ${results.repeat_first_question_ms} ms (${results.repeat_first_question_ms_min}–${results.repeat_first_question_ms_max})  [≤ ${GOALS.repeat_first_question_ms} sur une machine au repos] ${verdict('repeat_first_question_ms')}  (page nue : ${results.bare_page_repeat_ms} ms)`);
    console.log(`  questionnaire SurveyJS prêt : ${results.first_surveyjs_ms} ms (première visite), ${results.repeat_surveyjs_ms} ms (reprise)`);
    console.log(`  reprise / page nue         : ${results.repeat_ratio} (${results.repeat_ratio_min}–${results.repeat_ratio_max})  [≤ ${GOALS.repeat_ratio}] ${verdict('repeat_ratio')}   (médianes de ${RUNS} passages)`);
    console.log('Résultats : bench/results/youth.json');
  } finally {
    await browser.close();
    appServer.closeAllConnections();
    bare.closeAllConnections();
    await new Promise<void>((done) => appServer.close(() => done()));
    await new Promise<void>((done) => bare.close(() => done()));
    database.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
