import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

describe('indicator selection page', () => {
  it('lets the evaluator choose key indicators, previews both questionnaires as a phone shows them, and saves', async () => {
    const evaluator = server.demo.logins.find((l) => l.role === 'evaluateur')!;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/indicateurs`);
    await page.getByLabel('Adresse e-mail').fill(evaluator.email);
    await page.getByLabel('Mot de passe').fill(evaluator.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicateurs et questionnaires' }).waitFor();
    await page.locator('.phone-frame .sd-question').first().waitFor();
    const youthQuestions = await page.locator('.phone-frame .sd-question').count();
    expect(youthQuestions).toBeGreaterThan(0);

    // Make "found an internship" a key indicator: its question appears in the youth preview at once.
    await page.getByLabel('Choix pour l’indicateur', { exact: false }).first().waitFor();
    const stage = page.locator('tr', { hasText: 'Jeunes ayant trouvé un stage grâce au mentorat' }).locator('select');
    await stage.selectOption('cle');
    await expect.poll(() => page.locator('.phone-frame [data-name="stage_trouve"]').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Mentor' }).click();
    await expect.poll(() => page.locator('.phone-frame [data-name^="mentor_"]').count()).toBeGreaterThan(0);

    // The default set has more than 5 key indicators: saving must be refused with a French message.
    await page.getByRole('button', { name: /Enregistrer la sélection/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/entre 4 et 5 indicateurs clés/);
    await context.close();
  });
});
