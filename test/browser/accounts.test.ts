import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { departmentAssociations, departments, users } from '../../db/schema/index.ts';
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
    expect(await page.locator('header select, header [role="combobox"]').count()).toBe(0);
    // The header names the account's department, as plain text.
    const own = server.database.db.select({ name: departments.name }).from(departments).where(eq(departments.id, server.demo.departmentId)).get()!;
    expect(await page.locator('header.topbar .brand').textContent()).toBe(`Impact Mentorat${own.name}`);
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('account creation', () => {
  it('creates a lead account with a one-time link, says under the field what is missing, and the link sets the password', async () => {
    const admin = server.demo.logins.find((l) => l.role === 'admin')!;
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/comptes`);
    await logIn(page, admin.email, admin.password);
    await page.getByRole('heading', { name: /^Comptes \(\d+\)$/ }).waitFor();
    const before = await page.locator('tbody tr').count();
    expect(before).toBeGreaterThan(0);

    // A lead without association: the form says so under the field, nothing is sent.
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('nouvelle.responsable@exemple.fr');
    await page.getByLabel('Rôle', { exact: true }).selectOption('responsable_association');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => page.locator('#compte-association-erreur').textContent()).toBe('Choisissez l’association de ce compte.');
    expect(await page.getByLabel('Association', { exact: true }).getAttribute('aria-describedby')).toBe('compte-association-erreur');
    // A malformed address: the server's French message comes back under the address.
    await page.getByLabel('Association', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Adresse e-mail', { exact: true }).fill('pas-une-adresse');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => page.locator('#compte-email-erreur').textContent()).toBe('Adresse e-mail invalide.');

    await page.getByLabel('Adresse e-mail', { exact: true }).fill('nouvelle.responsable@exemple.fr');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    const panel = page.getByRole('region', { name: 'Lien à transmettre à nouvelle.responsable@exemple.fr' });
    await panel.waitFor();
    expect(await page.locator('p.notice').textContent()).toBe('Le compte nouvelle.responsable@exemple.fr a été créé.');
    const link = (await panel.locator('code').textContent())!;
    expect(link).toMatch(/\/mot-de-passe#[A-Za-z0-9_-]{43}$/);
    // The list is fetched again with the new account; the form is empty for the next one, role kept.
    await expect.poll(() => page.locator('tbody tr').count()).toBe(before + 1);
    expect(await page.locator('tbody th', { hasText: 'nouvelle.responsable@exemple.fr' }).count()).toBe(1);
    expect(await page.getByLabel('Adresse e-mail', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Rôle', { exact: true }).inputValue()).toBe('responsable_association');

    // The new person chooses a password with the link; two different entries are refused under the second one.
    const theirs = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const own = await theirs.newPage();
    await own.goto(link);
    await expect.poll(() => own.getByRole('status').textContent()).toMatch(/Un compte nouvelle\.responsable@exemple\.fr a été créé pour vous le/);
    await own.getByLabel(/Nouveau mot de passe/).fill('une phrase que je suis seule à connaître');
    await own.getByLabel(/une seconde fois/).fill('une phrase que je suis seul à connaître');
    await own.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await expect.poll(() => own.locator('#confirmation-mot-de-passe-erreur').textContent()).toBe('Les deux mots de passe saisis sont différents.');
    await own.getByLabel(/une seconde fois/).fill('une phrase que je suis seule à connaître');
    await own.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await expect.poll(() => own.getByRole('status').textContent()).toBe('Votre mot de passe est enregistré pour nouvelle.responsable@exemple.fr. Le lien ne peut plus servir.');
    await own.getByRole('button', { name: 'Se connecter' }).click();
    await logIn(own, 'nouvelle.responsable@exemple.fr', 'une phrase que je suis seule à connaître');
    await own.getByRole('button', { name: 'Se déconnecter' }).waitFor();
    await theirs.close();
    await context.close();
  });
});
