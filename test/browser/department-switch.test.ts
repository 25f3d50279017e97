import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { departmentAssociations, users } from '../../db/schema/index.ts';
import { makeDepartment } from '../support/factories.ts';
import { useDemoBrowser, type DemoServer } from './support.ts';

let browser: Browser;
let server: DemoServer;
useDemoBrowser((started) => ({ server, browser } = started));

describe('an association working with two departments', () => {
  it('switches the department it acts in, and sees only that department’s rows', async () => {
    const lead = server.demo.logins.find((l) => l.role === 'responsable_association')!;
    const { associationId } = server.database.db.select({ associationId: users.associationId }).from(users).where(eq(users.email, lead.email)).get()!;
    const { department } = makeDepartment(server.database.db, { name: 'Département voisin' });
    server.database.db.insert(departmentAssociations).values({ departmentId: department.id, associationId: associationId!, createdAt: new Date() }).run();

    const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/mentorats`);
    await page.getByLabel('Adresse e-mail').fill(lead.email);
    await page.getByLabel('Mot de passe').fill(lead.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Two partner departments: the login asks where to work first.
    await page.getByRole('button', { name: 'Continuer' }).click();
    const select = page.locator('select#departement-actif');
    await select.waitFor();
    await page.locator('tbody tr').first().waitFor();
    const demoRows = await page.locator('tbody tr').count();
    expect(demoRows).toBeGreaterThan(0);

    await select.selectOption({ label: 'Département voisin' });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(0);
    await select.selectOption({ label: 'Département de démonstration' });
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    await context.close();
  });
});
