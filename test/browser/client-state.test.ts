import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

async function open(role: 'responsable_association' | 'admin' | 'evaluateur', path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const user = server.demo.logins.find((l) => l.role === role)!;
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  return { page, close: () => context.close() };
}

describe('server state in the staff client', () => {
  it('closing a mentorship refreshes the registry without a reload', async () => {
    const { page, close } = await open('responsable_association', '/mentorats?status=en_cours');
    const button = page.getByRole('button', { name: /^Clôturer le mentorat / }).first();
    await button.waitFor();
    const reference = (await button.getAttribute('aria-label'))!.replace('Clôturer le mentorat ', '');
    await button.click();
    await page.getByRole('button', { name: 'Clôturer et créer les liens' }).click();
    await page.getByRole('heading', { name: `Mentorat ${reference} clôturé : liens de questionnaire` }).waitFor();
    // The list was filtered on « En cours »: once refetched, the closed row has left it.
    await expect.poll(() => page.locator('tbody th[scope="row"]').allTextContents()).not.toContain(reference);
    await close();
  }, 120_000);

  it('keeps the audit log filter and page in the address; the back button returns to the previous view', async () => {
    const { page, close } = await open('admin', '/journal-audit');
    await page.locator('table').waitFor();
    await page.getByLabel('Action').selectOption('connexion.reussie');
    await expect.poll(() => page.url()).toMatch(/[?&]action=connexion\.reussie/);
    await expect.poll(() => page.locator('tbody tr').allTextContents()).not.toContainEqual(expect.stringMatching(/Déconnexion/));

    // A copied address reopens the same view.
    await page.reload();
    await expect.poll(() => page.getByLabel('Action').inputValue()).toBe('connexion.reussie');

    await page.goBack();
    await expect.poll(() => page.getByLabel('Action').inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe('');
    await close();
  }, 120_000);

  it('shows the server’s French message under the declaration field it concerns', async () => {
    const { page, close } = await open('responsable_association', '/declaration');
    const etp = page.getByLabel('ETP salariés');
    await etp.waitFor();
    await etp.fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const error = page.locator('#etpSalaries-erreur');
    await error.waitFor();
    expect((await error.textContent())!.length).toBeGreaterThan(5);
    expect(await etp.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toMatch(/\S/);

    await etp.fill('1,5');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByText(/^Brouillon enregistré le /).waitFor();
    expect(await page.locator('#etpSalaries-erreur').count()).toBe(0);
    await close();
  }, 120_000);
});
