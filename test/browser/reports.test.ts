import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

async function loginAsEvaluator(page: Page, path: string) {
  const evaluator = server.demo.logins.find((l) => l.role === 'evaluateur')!;
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(evaluator.email);
  await page.getByLabel('Mot de passe').fill(evaluator.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('report pages', () => {
  it('draws the dashboard charts (vega, no eval) and the value chain', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') cspErrors.push(m.text());
    });
    await loginAsEvaluator(page, '/tableau-de-bord');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByTestId('en-cours').waitFor();
    // Seven distributions, each drawn as an SVG with bars.
    await expect.poll(() => page.locator('.chart-canvas svg').count(), { timeout: 15_000 }).toBe(7);
    expect(await page.locator('.chart-canvas svg path, .chart-canvas svg rect').count()).toBeGreaterThan(7);
    expect(await page.getByRole('button', { name: /Télécharger en PNG/ }).count()).toBe(7);
    // The PNG download works through the view's own export.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Télécharger en PNG/ }).first().click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);

    await page.getByRole('link', { name: 'Chaîne de valeur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chaîne de valeur' }).waitFor();
    for (const link of ['Ressources', 'Activités', 'Réalisations', 'Résultats', 'Impact']) {
      await page.getByRole('heading', { level: 2, name: link, exact: true }).waitFor();
    }
    await page.locator('[data-indicator="realisations.jeunes_accompagnes"] .vc-value').waitFor();
    expect(await page.locator('[data-indicator="realisations.jeunes_accompagnes"] .vc-value').textContent()).toMatch(/^\d/);
    await expect.poll(() => page.locator('.chart-canvas svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(cspErrors.filter((e) => /Content Security Policy|unsafe-eval/i.test(e))).toEqual([]);
    await context.close();
  });

  it('shows the year-over-year charts and the response rates', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await loginAsEvaluator(page, '/evolution');
    await page.getByRole('heading', { level: 1, name: 'Évolution' }).waitFor();
    // The table of key indicators comes first; the charts are drawn on demand.
    await page.locator('table.evolution-table').waitFor();
    for (const summary of await page.locator('details.charts-on-demand > summary').all()) await summary.click();
    await expect.poll(() => page.locator('.chart-canvas svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Taux de réponse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Taux de réponse' }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(2);
    await context.close();
  });
});
