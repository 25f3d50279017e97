import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

describe('value chain: associations compared in funnels', () => {
  it('draws the funnel charts with their tables, associations in alphabetical order, nothing for a lead', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const evaluator = server.demo.logins.find((l) => l.role === 'evaluateur')!;
    await page.goto(`${server.baseUrl}/chaine-de-valeur`);
    await page.getByLabel('Adresse e-mail').fill(evaluator.email);
    await page.getByLabel('Mot de passe').fill(evaluator.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 2, name: /Comparer les associations sans les classer/ }).waitFor();
    // At least one key share has its funnel drawn (vega SVG with the limit curves and points).
    await expect.poll(() => page.locator('[data-funnel] .chart-canvas svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const drawn = page.locator('[data-funnel]').filter({ has: page.locator('.chart-canvas svg') }).first();
    expect(await drawn.locator('.chart-canvas svg path').count()).toBeGreaterThan(2);
    expect(await drawn.getByText(/Valeur du département/).count()).toBe(1);
    // Its table: one row per association, alphabetical, with a position or the reason it is not placed.
    const rows = drawn.locator('table tbody tr');
    expect(await rows.count()).toBe(3);
    const names = await rows.locator('th').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    for (const text of await rows.locator('td:last-child').allTextContents()) {
      expect(text).toMatch(/Dans les limites|Au-dessus|En dessous|Non placée|Aucune donnée/);
    }
    // The Taux de réponse page shows who is missing from the answers, with the definitions in plain French.
    await page.getByRole('link', { name: 'Taux de réponse' }).click();
    await page.getByRole('heading', { level: 2, name: /Qui ne répond pas/ }).waitFor();
    await page.getByText(/Taux de réponse = questionnaires envoyés ÷ liens émis/).waitFor();
    await page.getByTestId('non-reponse-youth-sexe').waitFor();
    expect(await page.getByTestId('non-reponse-youth-sexe').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('non-reponse-mentor-categorie').locator('tbody tr').count()).toBe(3);
    await context.close();

    // An association lead reads its own figures: no comparison with the others.
    const leadContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'fr-FR' });
    const leadPage = await leadContext.newPage();
    const lead = server.demo.logins.find((l) => l.role === 'responsable_association')!;
    await leadPage.goto(`${server.baseUrl}/chaine-de-valeur`);
    await leadPage.getByLabel('Adresse e-mail').fill(lead.email);
    await leadPage.getByLabel('Mot de passe').fill(lead.password);
    await leadPage.getByRole('button', { name: 'Se connecter' }).click();
    await leadPage.getByRole('heading', { level: 2, name: 'Impact', exact: true }).waitFor();
    expect(await leadPage.getByRole('heading', { name: /Comparer les associations/ }).count()).toBe(0);
    await leadContext.close();
  });
});
