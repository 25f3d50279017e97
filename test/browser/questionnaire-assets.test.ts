import { describe, expect, it } from 'vitest';
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { CLIENT_DIST } from '../../server/questionnaires/pages.ts';
import { phoneContext, useDemoBrowser, type DemoServer } from './support.ts';
import { answerAndNext, axeViolations, currentQuestion, linkRow, start } from './questionnaire-steps.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

interface ChunkModules {
  [file: string]: { imports: string[]; modules: string[] };
}

/** Files the questionnaire page loads: its entry chunk and every chunk it imports, transitively. */
function questionnaireChunks(): { chunks: string[]; modules: string[] } {
  const manifest = JSON.parse(readFileSync(join(CLIENT_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const graph = JSON.parse(readFileSync(join(CLIENT_DIST, '.vite/chunk-modules.json'), 'utf8')) as ChunkModules;
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    graph[file]?.imports.forEach(visit);
  };
  visit(manifest['questionnaire.html']!.file);
  return { chunks: [...seen], modules: [...seen].flatMap((f) => graph[f]?.modules ?? []) };
}

/** The server copy of a link's partial answers (with `__question`, where the respondent stopped). */
const draftOf = (server: DemoServer, link: string): Record<string, unknown> | null => linkRow(server, link).draftJson ?? null;

async function welcomeUrl(index: number) {
  const link = server.demo.links.filter((l) => l.audience === 'youth')[index]!.url;
  const opened = await raw(link);
  return server.baseUrl + String(opened.headers.location);
}

describe('the questionnaire bundle', () => {
  it('never contains staff code, vega or staff styles', () => {
    const { chunks, modules } = questionnaireChunks();
    expect(modules.some((m) => m.includes('client/src/questionnaire/main.tsx'))).toBe(true);
    expect(modules.some((m) => m.includes('node_modules/survey-core/'))).toBe(true);
    expect(modules.filter((m) => m.includes('client/src/staff/') || /node_modules\/vega/.test(m) || m.endsWith('staff.css'))).toEqual([]);
    expect(chunks.filter((f) => /\/index-/.test(f))).toEqual([]);
  });

  it('is served precompressed (brotli, else gzip) with immutable caching, and decompresses to the built file', async () => {
    const { chunks } = questionnaireChunks();
    // The biggest chunk (survey-core): the one that matters on a slow network.
    const file = chunks.map((f) => ({ f, size: readFileSync(join(CLIENT_DIST, f)).length })).sort((a, b) => b.size - a.size)[0]!.f;
    const original = readFileSync(join(CLIENT_DIST, file));
    const br = await raw(`${server.baseUrl}/${file}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(String(br.headers['content-type'])).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await raw(`${server.baseUrl}/${file}`, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await raw(`${server.baseUrl}/${file}`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });
});

describe('the welcome screen', () => {
  it('arrives compressed, never cached, with the bundle preloaded and the stylesheet after the welcome text', async () => {
    const url = await welcomeUrl(0);
    const cookieLess = await raw(url, { 'Accept-Encoding': 'br' });
    expect(cookieLess.status).toBe(404); // the cookie is what identifies the respondent

    const { context } = await phoneContext(browser);
    const page = await context.newPage();
    const response = await page.goto(server.demo.links.filter((l) => l.audience === 'youth')[0]!.url);
    expect(response!.headers()['content-encoding']).toBe('br');
    expect(response!.headers()['cache-control']).toBe('no-store');
    const html = (await response!.text()) as string;
    const head = html.slice(0, html.indexOf('</head>'));
    const { chunks } = questionnaireChunks();
    for (const chunk of chunks.slice(1)) expect(head).toContain(`<link rel="modulepreload" crossorigin href="/${chunk}">`);
    expect(head).toContain(`<script type="module" crossorigin src="/${chunks[0]}">`);
    expect(head).not.toMatch(/rel="stylesheet"/);
    expect(html.indexOf('rel="stylesheet"')).toBeGreaterThan(html.indexOf('id="accueil"'));
    // The questionnaire itself travels in the page: no extra round trip before the first question.
    expect(html).toContain('<script type="application/json" id="im-donnees">');
    await context.close();
  });

  it('is readable and lets the respondent decline without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 568 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(server.demo.links.filter((l) => l.audience === 'youth')[1]!.url);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ton avis sur ton mentorat');
    expect(await page.getByText('Avant de commencer').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Commencer' }).isVisible()).toBe(true);
    // "Commencer" shows the first question (plain HTML), and says that answering needs JavaScript.
    await page.getByRole('link', { name: 'Commencer' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Question 1 sur \d+/);
    expect(await page.getByRole('radio').count()).toBeGreaterThan(1);
    expect(await page.locator('#im-apercu noscript').count()).toBe(1);
    await page.goBack();
    await page.getByRole('button', { name: 'Je ne veux pas répondre' }).click();
    expect(await page.locator('h1').textContent()).toBe('C’est noté');
    await context.close();
  });

  it('uses system fonts and never asks another origin for anything', async () => {
    const { context, requests } = await phoneContext(browser, 320, 568);
    const page = await context.newPage();
    await page.goto(server.demo.links.filter((l) => l.audience === 'youth')[2]!.url);
    await page.locator('#commencer').click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    const fonts = (await page.evaluate(`[...document.fonts].map((f) => f.family)`)) as string[];
    expect(fonts).toEqual([]);
    const families = (await page.evaluate(`[...document.querySelectorAll('h1, .sd-question__title, .sd-item__control-label, button')].map((e) => getComputedStyle(e).fontFamily)`)) as string[];
    expect(families.filter((f) => !f.startsWith('system-ui'))).toEqual([]);
    const origin = new URL(server.baseUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
    await context.close();
  });

  it('shows the question at once when "Reprendre" is tapped before the script ran, and SurveyJS keeps the answer given there', async () => {
    // A respondent answers the first question and goes on to the second, then leaves.
    const link = server.demo.links.filter((l) => l.audience === 'youth')[4]!.url;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'fr-FR', serviceWorkers: 'block' });
    const page = await context.newPage();
    await start(page, link);
    const resumeUrl = page.url().replace(/#.*$/, '');
    const first = await currentQuestion(page);
    await answerAndNext(page);
    const second = (await currentQuestion(page))!;
    expect(second).not.toBe(first);
    const secondTitle = (await page.locator('.sd-question[data-name]:visible .sd-question__title').textContent())!.trim();
    await expect.poll(() => draftOf(server, link), { timeout: 10_000 }).toMatchObject({ __question: second });

    // Back on a slow phone: the questionnaire's script is held until the test lets it go.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/assets\/questionnaire-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    // (Not waiting for "load", nor DOMContentLoaded: both wait for the held script.)
    await page.goto(resumeUrl, { waitUntil: 'commit' });
    await page.getByRole('link', { name: 'Reprendre' }).click();
    // The plain question where the respondent stopped: step, title, choices; answerable; accessible.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Question 2 sur \d+/);
    expect(await page.locator('#im-apercu legend, #im-apercu .im-apercu-titre').textContent()).toBe(secondTitle);
    expect(await axeViolations(page)).toEqual([]);
    const choice = page.locator('#im-apercu .im-choix').nth(1);
    const value = await choice.locator('input').getAttribute('value');
    await choice.click();
    expect(await choice.locator('input').isChecked()).toBe(true);

    // The script arrives: SurveyJS shows the same question with that answer, and saves it.
    const saved = page.waitForRequest((r) => r.url().endsWith('/api/draft') && r.method() === 'PUT' && r.postDataJSON()?.answers?.[second] === value, { timeout: 15_000 });
    release();
    await page.locator('.sd-question[data-name]').first().waitFor();
    expect(await currentQuestion(page)).toBe(second);
    expect(await page.locator(`.sd-question[data-name="${second}"] input[value="${value}"]`).isChecked()).toBe(true);
    expect(await page.locator('#im-apercu').count()).toBe(0);
    await saved;
    await context.close();
  });

  it('installs a service worker that keeps only the hashed questionnaire files for the next visit', async () => {
    const { context } = await phoneContext(browser, 390, 844);
    const page = await context.newPage();
    await page.goto(server.demo.links.filter((l) => l.audience === 'youth')[3]!.url);
    await page.evaluate('navigator.serviceWorker.ready');
    const cached = (await page.evaluate(`(async () => {
      const urls = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls.sort();
    })()`)) as string[];
    const { chunks } = questionnaireChunks();
    for (const chunk of chunks) expect(cached).toContain(`/${chunk}`);
    // Nothing but hashed public files: no page, no answer, no token.
    expect(cached.filter((u) => !/^\/assets\/[\w.-]+-[\w-]{8}\.(js|css)$/.test(u))).toEqual([]);
    await context.close();
  });
});
