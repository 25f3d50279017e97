import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { count, eq } from 'drizzle-orm';
import { responses, links } from '../../db/schema/index.ts';
import { launchChromium, phoneContext, startDemoServer } from './support.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Answers every visible question of the current page the way a thumb would: the first choice offered. */
async function answerPage(page: Page) {
  const groups = page.locator('.sd-question[data-name]:visible');
  const total = await groups.count();
  for (let i = 0; i < total; i++) {
    const question = groups.nth(i);
    const radio = question.locator('input[type="radio"]');
    if ((await radio.count()) > 0) {
      await question.locator('.sd-item__control-label, .sd-item label').first().click();
      continue;
    }
    const checkbox = question.locator('input[type="checkbox"]');
    if ((await checkbox.count()) > 0) await question.locator('.sd-item__control-label, .sd-item label').first().click();
  }
}

describe('a young person on a phone', () => {
  it('opens the demo link, answers the whole questionnaire, sees the thank-you page, and the answer is counted', async () => {
    const youthLink = server.demo.links.find((l) => l.audience === 'youth')!;
    const before = server.database.db.select({ n: count() }).from(responses).get()!.n;
    const { context, requests } = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(youthLink.url);
    // The token left the address at once: it now lives in a questionnaire-scoped cookie.
    expect(page.url()).toMatch(/\/r\/[A-Za-z0-9_-]{22}(#.*)?$/);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Ton avis');
    await page.getByRole('link', { name: 'Commencer' }).click();
    await page.locator('.sd-question').first().waitFor();

    for (let step = 0; step < 20; step++) {
      await answerPage(page);
      const complete = page.locator('input.sd-navigation__complete-btn, button.sd-navigation__complete-btn, [id="sv-nav-complete"] input, [id="sv-nav-complete"] button');
      if (await complete.first().isVisible().catch(() => false)) {
        await complete.first().click();
        break;
      }
      await page.locator('input.sd-navigation__next-btn, button.sd-navigation__next-btn, [id="sv-nav-next"] input, [id="sv-nav-next"] button').first().click();
    }
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Merci' }).count(), { timeout: 10_000 }).toBe(1);

    const after = server.database.db.select({ n: count() }).from(responses).get()!.n;
    expect(after).toBe(before + 1);
    const used = server.database.db.select({ n: count() }).from(links).where(eq(links.state, 'repondu')).get()!.n;
    expect(used).toBeGreaterThan(0);
    const origin = new URL(server.baseUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);

    // Reloading the page after sending says, in French, that the questionnaire was already answered.
    await page.goto(page.url().replace(/#.*$/, ''));
    await expect.poll(() => page.locator('h1').textContent()).toContain('déjà répondu');
    await context.close();
  });
});
