import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { departmentAssociations, users } from '../../db/schema/index.ts';
import { makeDepartment } from '../support/factories.ts';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;
useDemoBrowser((started) => ({ server, browser } = started));

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

describe('password reset by the department’s administrator', () => {
  it('gives the admin a one-time link, never a password; the person is told who reset it, chooses a password and logs in', async () => {
    const admin = server.demo.logins.find((l) => l.role === 'admin')!;
    const evaluator = server.demo.logins.find((l) => l.role === 'evaluateur')!;
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/comptes`);
    await logIn(page, admin.email, admin.password);
    await page.getByRole('button', { name: `Réinitialiser le mot de passe de ${evaluator.email}` }).click();
    const panel = page.getByRole('region', { name: `Lien à transmettre à ${evaluator.email}` });
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/Aucun mot de passe ne vous est communiqué/);
    const link = (await panel.locator('code').textContent())!;
    expect(link).toMatch(/\/mot-de-passe#[A-Za-z0-9_-]{43}$/);

    // The person, in another browser: the old password no longer works, the link tells them what happened.
    const theirs = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const own = await theirs.newPage();
    await own.goto(server.baseUrl);
    await logIn(own, evaluator.email, evaluator.password);
    await own.getByRole('alert').waitFor();
    expect(await own.getByRole('alert').textContent()).toMatch(/incorrect/);
    await own.goto(link);
    const status = own.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`réinitialisé le .* par ${admin.email.replace(/[.]/g, '\\.')}`));
    expect(own.url()).not.toContain('#');
    await own.getByLabel(/Nouveau mot de passe/).fill('motdepasse123');
    await own.getByLabel(/une seconde fois/).fill('motdepasse123');
    await own.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await expect.poll(() => own.getByRole('alert').textContent()).toMatch(/trop courant/);
    await own.getByLabel(/Nouveau mot de passe/).fill('une phrase que je suis seule à connaître');
    await own.getByLabel(/une seconde fois/).fill('une phrase que je suis seule à connaître');
    await own.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await own.getByRole('button', { name: 'Se connecter' }).click();
    await logIn(own, evaluator.email, 'une phrase que je suis seule à connaître');
    await own.getByRole('button', { name: /Se déconnecter|Déconnexion/ }).waitFor();
    await theirs.close();
    await context.close();
  });
});

describe('an association working with two departments', () => {
  it('keeps its lead in the department that owns the account: no department choice, only that department’s rows', async () => {
    const lead = server.demo.logins.find((l) => l.role === 'responsable_association')!;
    const { associationId } = server.database.db.select({ associationId: users.associationId }).from(users).where(eq(users.email, lead.email)).get()!;
    // A later department (higher id) partners with the association: the account stays with the demo department.
    const { department } = makeDepartment(server.database.db, { name: 'Département voisin' });
    server.database.db.insert(departmentAssociations).values({ departmentId: department.id, associationId: associationId!, createdAt: new Date() }).run();

    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/mentorats`);
    await logIn(page, lead.email, lead.password);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('button', { name: 'Continuer' }).count()).toBe(0);
    expect(await page.locator('select#departement-actif').count()).toBe(0);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });
});
