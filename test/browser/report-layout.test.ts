/**
 * Report pages at a common laptop width (1366 px): nothing wider than the window, no chart drawn over a table
 * or another chart, no "NaN" on an axis (issues 15.7, 17.2), and the steering committee's report prints (17.1).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;
useDemoBrowser((started) => ({ server, browser } = started));

async function open(path: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const evaluator = server.demo.logins.find((l) => l.role === 'evaluateur')!;
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(evaluator.email);
  await page.getByLabel('Mot de passe').fill(evaluator.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  return { context, page, errors };
}

// Runs in the page (the test's own tsconfig has no DOM types).
type Doc = { documentElement: { scrollWidth: number; clientWidth: number } };
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: Doc }).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
type PrintWindow = { __printCalls: number; print: () => void };

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Every pair of boxes among the selectors' elements: the area they share (drawn content included, via the SVG's own box). */
async function overlaps(page: Page, selector: string): Promise<string[]> {
  const boxes: { name: string; box: Box }[] = [];
  for (const el of await page.locator(selector).all()) {
    const box = await el.boundingBox();
    if (box && box.width > 0) boxes.push({ name: (await el.evaluate((e) => `${e.tagName.toLowerCase()}.${e.className}`)) + ` @${Math.round(box.x)},${Math.round(box.y)}`, box });
  }
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!.box, boxes[j]!.box) > 1) out.push(`${boxes[i]!.name} × ${boxes[j]!.name}`);
  return out;
}

describe('report layout at 1366 px', () => {
  it('Évolution: one compact table first, charts on demand, no overflow, no overlap, no NaN', async () => {
    const { context, page, errors } = await open('/evolution');
    await page.getByRole('heading', { level: 1, name: 'Évolution' }).waitFor();
    const table = page.locator('table.evolution-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(2);
    // The table comes before any chart, and the charts wait for a click.
    expect(await page.locator('.chart-canvas svg').count()).toBe(0);
    for (const summary of await page.locator('details.charts-on-demand > summary').all()) await summary.click();
    await expect.poll(() => page.locator('.chart-canvas svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await overlaps(page, '.chart-canvas svg, main table')).toEqual([]);
    // Axis labels are SVG text: none reads NaN.
    expect(await page.locator('main').evaluate((m) => m.textContent ?? '')).not.toMatch(/NaN/);
    expect(await page.locator('svg text').evaluateAll((ts) => ts.map((t) => t.textContent).filter((x) => /NaN/.test(x ?? '')))).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|NaN/i.test(e))).toEqual([]);
    await context.close();
  });

  it('value chain: the "Fins de mentorat" chart sits beside its tables, the data-quality panel and youth/mentor answers apart', async () => {
    const { context, page } = await open('/chaine-de-valeur');
    await page.getByRole('heading', { level: 1, name: 'Chaîne de valeur' }).waitFor();
    await page.getByTestId('qualite-donnees').waitFor();
    await expect.poll(() => page.locator('#resultats-distincts ~ * .chart-canvas svg, section[aria-labelledby="resultats-distincts"] .chart-canvas svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await overlaps(page, 'section[aria-labelledby="resultats-distincts"] .chart-canvas svg, section[aria-labelledby="resultats-distincts"] table')).toEqual([]);
    const answers = await page.getByTestId('reponses').textContent();
    expect(answers).toMatch(/réponses de jeunes/);
    expect(answers).toMatch(/réponses de mentors/);
    expect(await page.getByTestId('qualite-donnees').textContent()).toMatch(/Statut « Objectif atteint » \(l’indicateur\)/);
    expect(await page.locator('main').evaluate((m) => m.textContent ?? '')).not.toMatch(/NaN/);
    await context.close();
  });

  it('« Imprimer le rapport du comité de pilotage (PDF) » opens the report in a new tab that calls print itself', async () => {
    const { context, page, errors } = await open('/exports');
    // Record the print call instead of opening the system dialog (headless Chromium has none to show).
    await context.addInitScript(() => {
      const w = globalThis as unknown as PrintWindow;
      w.__printCalls = 0;
      w.print = () => {
        w.__printCalls++;
      };
    });
    await page.getByRole('button', { name: /Imprimer le rapport du comité de pilotage/ }).waitFor();
    const popup = context.waitForEvent('page');
    await page.getByRole('button', { name: /Imprimer le rapport du comité de pilotage/ }).click();
    const report = await popup;
    const reportErrors: string[] = [];
    report.on('console', (m) => {
      if (m.type() === 'error') reportErrors.push(m.text());
    });
    await report.waitForLoadState('load');
    expect(report.url()).toMatch(/\/api\/reports\/export\/print\?.*autoprint=1/);
    await expect.poll(() => report.evaluate(() => (globalThis as unknown as PrintWindow).__printCalls), { timeout: 10_000 }).toBe(1);
    await report.getByRole('heading', { level: 1, name: /Suivi du mentorat/ }).waitFor();
    expect(reportErrors.filter((e) => /Content Security Policy|frame/i.test(e))).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|frame-ancestors/i.test(e))).toEqual([]);
    await context.close();
  });
});
