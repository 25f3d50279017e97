import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { useDemoBrowser, type DemoServer } from './support.ts';
import { FIELD_LABELS } from '../../server/mentorships/rules.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

async function login(page: Page, path: string, role: 'responsable_association' | 'admin') {
  const user = server.demo.logins.find((l) => l.role === role)!;
  await page.goto(`${server.baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
}

describe('steering table pages', () => {
  it('imports an Excel file: preview, mapping an unknown column, names ignored, confirm', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Données');
    sheet.addRow(['Nom', 'Prénom', 'Numéro interne', 'Sexe', 'Né(e) le', 'Statut', 'Date de début']);
    sheet.addRow(['Martin', 'Léa', 'IMP-001', 'Femme', new Date(Date.UTC(2009, 3, 12)), 'En cours', '01/09/2026']);
    sheet.addRow(['Durand', 'Hugo', 'IMP-002', 'H', '03/05/2008', 'Candidature', null]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await login(page, '/import', 'responsable_association');
    await page.getByRole('heading', { level: 1, name: 'Import Excel' }).waitFor();
    await page.getByLabel('Fichier Excel (.xlsx, 5 Mo au plus)').setInputFiles({ name: 'suivi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByRole('heading', { name: 'Aperçu de l’import' }).waitFor();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/pas de colonne « Référence »/);
    expect(await page.getByText(/« Nom », « Prénom » \(noms et prénoms\) ont été ignorées/).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Confirmer l’import/ }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Champ pour la colonne « Numéro interne »').selectOption('reference');
    await expect.poll(() => page.getByRole('button', { name: /Confirmer l’import \(2 lignes/ }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: /Confirmer l’import/ }).click();
    await page.getByRole('heading', { name: 'Import terminé' }).waitFor();
    expect(await page.getByText(/2 mentorats ajoutés/).count()).toBe(1);
    await page.getByRole('button', { name: 'Voir les mentorats' }).click();
    await page.getByLabel('Référence', { exact: true }).fill('IMP-');
    await expect.poll(() => page.getByRole('row').count()).toBe(3);
    await context.close();
  }, 120_000);

  it('creates a mentorship with per-field French errors, and lets the admin retire a list value', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await login(page, '/mentorats', 'responsable_association');
    await page.getByRole('button', { name: 'Ajouter un mentorat' }).click();
    // The form names each field as the server's messages do (one list of labels for both).
    for (const field of ['sex', 'birthMonth', 'schoolLevel', 'placementType', 'territoryId', 'mentorReference', 'appliedOn', 'matchedOn', 'startedOn', 'status', 'objective', 'modality'] as const) {
      expect(await page.locator(`label[for="champ-${field}"]`).textContent(), field).toBe(FIELD_LABELS[field]);
    }
    await page.getByLabel('Référence (obligatoire)').fill('FORM-1');
    await page.getByLabel('Date de mise en relation').fill('2026-03-01');
    await page.getByLabel('Date de début').fill('2026-02-01');
    await page.getByRole('button', { name: 'Ajouter le mentorat' }).click();
    const error = page.locator('#champ-startedOn-erreur');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/ne peut pas précéder la mise en relation/);
    expect(await page.getByLabel('Date de début').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Date de début').fill('2026-03-10');
    await page.getByRole('button', { name: 'Ajouter le mentorat' }).click();
    await page.getByText('Le mentorat a été ajouté.').waitFor();
    await context.close();

    const adminContext = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const admin = await adminContext.newPage();
    await login(admin, '/parametres/listes', 'admin');
    await admin.getByRole('heading', { name: 'Types de placement' }).waitFor();
    const row = admin.locator('tr', { has: admin.locator('input[value="MNA"]') });
    await row.getByRole('button', { name: 'Retirer' }).click();
    await admin.getByText(/« MNA » est retirée/).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await adminContext.close();
  }, 120_000);

  it('re-issues a lost questionnaire link from the steering table, with its QR code', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await login(page, '/mentorats', 'responsable_association');
    page.on('dialog', (dialog) => void dialog.accept());
    const button = page.getByRole('button', { name: /Émettre un nouveau lien (jeune|mentor) pour le mentorat/ }).first();
    await button.waitFor();
    await button.click();
    // Either a new link (unanswered questionnaire) or a French refusal (already answered): never a silent failure.
    await expect
      .poll(async () => (await page.getByRole('heading', { name: /nouveau lien de questionnaire/ }).count()) + (await page.getByText(/déjà été rempli|ne pas répondre/).count()))
      .toBeGreaterThan(0);
    if ((await page.getByRole('heading', { name: /nouveau lien de questionnaire/ }).count()) > 0) {
      await expect.poll(() => page.locator('input[data-link]').first().inputValue()).toMatch(/\/q\/[A-Za-z0-9_-]{43}$/);
      expect(await page.locator('img.qr-code').count()).toBe(1);
    }
    await context.close();
  });
});
