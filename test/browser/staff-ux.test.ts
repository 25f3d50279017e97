import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

async function login(page: Page, path: string, role: 'responsable_association' | 'admin' | 'evaluateur') {
  const user = server.demo.logins.find((l) => l.role === role)!;
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function laptop(role: 'responsable_association' | 'admin' | 'evaluateur', path: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  const page = await context.newPage();
  await login(page, path, role);
  return { context, page };
}

/** Whether the keyboard focus is inside the element, and the element's top is on screen. */
// Browser-side code is passed as text: the tests are compiled without the DOM types, like the other browser tests.
const focusedAndVisible = (page: Page, selector: string) =>
  page.evaluate(`(() => {
    const panel = document.querySelector(${JSON.stringify(selector)});
    if (!panel) return { focused: false, top: null };
    return { focused: panel.contains(document.activeElement) && document.activeElement !== document.body, top: Math.round(panel.getBoundingClientRect().top) };
  })()`) as Promise<{ focused: boolean; top: number | null }>;

describe('steering table: forms, search, filters, density', () => {
  it('moves the focus to the form opened from a lower row, and brings it into view', async () => {
    const { context, page } = await laptop('responsable_association', '/mentorats');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const edit = page.getByRole('button', { name: /^Modifier le mentorat / }).nth(10);
    await edit.scrollIntoViewIfNeeded();
    await edit.click();
    await page.getByRole('heading', { name: /^Modifier le mentorat / }).waitFor();
    const edited = await focusedAndVisible(page, 'section[aria-labelledby="titre-formulaire"]');
    expect(edited.focused).toBe(true);
    expect(edited.top).toBeGreaterThanOrEqual(-1);
    expect(edited.top).toBeLessThan(768);
    expect(await page.evaluate('document.activeElement?.id')).toBe('champ-reference');
    await page.getByRole('button', { name: 'Annuler' }).click();

    const close = page.getByRole('button', { name: /^Clôturer le mentorat / }).last();
    await close.scrollIntoViewIfNeeded();
    await close.click();
    await page.getByRole('heading', { name: /^Clôturer le mentorat / }).waitFor();
    const closing = await focusedAndVisible(page, 'section[aria-labelledby="titre-cloture"]');
    expect(closing.focused).toBe(true);
    expect(closing.top).toBeGreaterThanOrEqual(-1);
    expect(closing.top).toBeLessThan(768);

    // A closure date before the start: the server's French message under the field, no browser bubble.
    await page.getByLabel('Date de fin').fill('2001-01-01');
    await page.getByRole('button', { name: 'Clôturer et créer les liens' }).click();
    const dateError = page.locator('#endedOn-erreur');
    await dateError.waitFor();
    expect(await dateError.textContent()).toMatch(/^La date de fin \(01\/01\/2001\) ne peut pas précéder le début du mentorat/);
    expect(await page.getByLabel('Date de fin').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  }, 120_000);

  it('fits many rows on a laptop screen, keeps filters in the address across a reload, finds part of a reference', async () => {
    const { context, page } = await laptop('responsable_association', '/mentorats');
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const heights = await rows.evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    const mean = heights.reduce((a, b) => a + b, 0) / heights.length;
    // 768 px high: about a dozen rows under the header and filters, not four.
    expect(mean).toBeLessThan(60);

    await page.getByLabel('Statut').selectOption('en_cours');
    await expect.poll(() => page.url()).toMatch(/[?&]status=en_cours/);
    await page.reload();
    await expect.poll(() => page.getByLabel('Statut').inputValue()).toBe('en_cours');
    expect(await page.getByRole('button', { name: 'Effacer les filtres' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: /Exporter en Excel/ }).getAttribute('href')).toMatch(/export\.xlsx\?.*status=en_cours/);

    const reference = (await page.locator('tbody th[scope="row"]').first().textContent())!.trim();
    const part = reference.slice(1, -1).toLowerCase();
    await page.getByLabel('Référence', { exact: true }).fill(part);
    await expect.poll(() => page.locator('tbody th[scope="row"]').allTextContents()).toContain(reference);
    await context.close();
  }, 120_000);

  it('shows the new reference after a rename', async () => {
    const { context, page } = await laptop('responsable_association', '/mentorats');
    await page.getByRole('button', { name: 'Ajouter un mentorat' }).click();
    await page.getByLabel('Référence (obligatoire)').fill('UX-OLD');
    await page.getByLabel('Date de début').fill('2026-01-05');
    await page.getByRole('button', { name: 'Ajouter le mentorat' }).click();
    await page.getByText('Le mentorat a été ajouté.').waitFor();
    await page.getByLabel('Référence', { exact: true }).fill('UX-OLD');
    await page.getByRole('button', { name: 'Modifier le mentorat UX-OLD' }).click();
    await page.getByLabel('Référence (obligatoire)').fill('UX-NEW');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await page.getByText('Le mentorat UX-OLD a été modifié : sa référence est désormais UX-NEW.').waitFor();
    await context.close();
  }, 120_000);
});

describe('messages a busy association worker understands', () => {
  it('tells an association why it cannot open the Cotech page', async () => {
    const { context, page } = await laptop('responsable_association', '/cotech');
    await page.getByRole('heading', { level: 1, name: 'Cotech' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'réservée' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/votre compte \(responsable reporting.*n’y a pas accès/);
    expect(await notice.textContent()).toMatch(/confirmez votre reporting dans la page « Reporting »/);
    await page.getByRole('link', { name: 'Aller à la page « Tableau de bord »' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await context.close();
  }, 60_000);

  it('names declaration fields in French, and clears « Déclaration soumise » when the year changes', async () => {
    const { context, page } = await laptop('responsable_association', '/declaration');
    const yearSelect = page.getByLabel('Année', { exact: true });
    await yearSelect.waitFor();
    const years = await yearSelect.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
    // A year whose declaration is still open, filled in completely through the API as the browser would send it.
    let open: string | null = null;
    for (const y of years) {
      const status = await page.evaluate(async (year) => {
        const body = {
          etpSalaries: 1.5, etpBenevoles: 4, financements: [{ sousProjet: 'mentorat', financeur: 'departement', montant: 1000 }],
          coutsAnnexes: { locaux: 0, communication: 0, transport: 0, developpement: 0 }, outils: ['CRM'],
          structuresContactees: 2, structuresRencontrees: 1, structuresContacteesListe: ['MECS A'], structuresRencontreesListe: ['MECS A'],
          reunionsDepartement: 1, actionsSensibilisation: 0, ateliersCollectifs: 0, projetsComplementaires: 0, evenements: 0,
        };
        return (await fetch(`/api/declarations/${year}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status;
      }, y);
      if (status === 200) {
        open = y;
        break;
      }
    }
    expect(open).not.toBeNull();
    const other = years.find((y) => y !== open)!;
    // Reloaded: the page reads the draft just written, not what it had cached.
    await page.reload();
    await yearSelect.selectOption(open!);
    const etp = page.getByLabel('ETP salariés');
    await expect.poll(() => etp.inputValue()).toBe('1,5');

    await etp.fill('beaucoup');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/ETP salariés/);
    expect(await page.locator('main').textContent()).not.toMatch(/etpSalaries|champ «/);

    await etp.fill('1,5');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Soumettre au département' }).click();
    await page.getByText('Déclaration soumise au département. Merci !').waitFor();
    await yearSelect.selectOption(other);
    await expect.poll(() => page.getByText('Déclaration soumise au département. Merci !').count()).toBe(0);
    await context.close();
  }, 90_000);

  it('writes the audit log in plain French, at Paris time', async () => {
    const { context, page } = await laptop('admin', '/journal-audit');
    const table = page.locator('table');
    await table.waitFor();
    const text = (await table.textContent())!;
    expect(text).toMatch(/\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}/);
    expect(text).not.toMatch(/UTC|mentorship:|user:\d|department:\d|crees :|inchanges :/);
    expect(text).toMatch(/Connexion/);
    await context.close();
  }, 60_000);

  it('names questionnaire versions by their date', async () => {
    const { context, page } = await laptop('admin', '/indicateurs');
    await page.getByRole('heading', { name: 'Versions des questionnaires' }).waitFor();
    const cells = page.locator('table').last().locator('tbody tr td:first-child');
    await expect.poll(() => cells.count()).toBeGreaterThan(0);
    for (const name of await cells.allTextContents()) expect(name).toMatch(/^Questionnaire (jeune|mentor) du \d{1,2} \S+ \d{4}( \(\d+\))?$/);
    await context.close();
  }, 60_000);

  it('confirms a mentor’s training date where it was typed, and searches mentors', async () => {
    const { context, page } = await laptop('responsable_association', '/mentors');
    const first = page.locator('tbody th[scope="row"]').first();
    await first.waitFor();
    const reference = (await first.textContent())!.replace('Corriger', '').trim();
    await page.getByLabel('Chercher une référence').fill(reference.slice(1).toLowerCase());
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    const date = page.getByLabel(`Date de formation de ${reference}`, { exact: true });
    await date.fill('2025-02-03');
    await date.blur();
    await page.locator('tbody').getByText('✓ Enregistrée').waitFor();
    await page.getByText(`Date de formation de ${reference} enregistrée : 03/02/2025.`).waitFor();
    // The add form comes first on the page.
    const formTop = await page.getByRole('form', { name: 'Ajouter un mentor' }).boundingBox();
    const tableTop = await page.locator('table').boundingBox();
    expect(formTop!.y).toBeLessThan(tableTop!.y);
    await context.close();
  }, 60_000);

  it('keeps the Cotech headings with what follows them when printed', async () => {
    const { context, page } = await laptop('evaluateur', '/cotech');
    await page.getByRole('heading', { name: /^Cotech — / }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const styles = (await page.evaluate(`[...document.querySelectorAll('.cotech h2, .cotech h3, .cotech h4')].map((h) => getComputedStyle(h).breakAfter)`)) as string[];
    expect(styles.length).toBeGreaterThan(3);
    expect(new Set(styles)).toEqual(new Set(['avoid']));
    const blocks = (await page.evaluate(`[...document.querySelectorAll('.cotech table, .cotech .association')].map((b) => getComputedStyle(b).breakInside)`)) as string[];
    expect(new Set(blocks)).toEqual(new Set(['avoid']));
    await context.close();
  }, 60_000);
});
