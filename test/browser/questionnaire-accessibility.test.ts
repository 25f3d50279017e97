import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { phoneContext, startDemoServer, useDemoBrowser, type DemoServer } from './support.ts';
import { answerAndNext, axeViolations, contrastProblems, foreignRequests } from './questionnaire-steps.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

const youthLinks = () => server.demo.links.filter((l) => l.audience === 'youth').map((l) => l.url);

/** RGAA 4.1 (WCAG 2.1 AA): no axe violation, no horizontal scroll (reflow), and a title naming the step. */
async function expectAccessible(page: Page, state: string, width: number) {
  expect(await axeViolations(page), `${state} à ${width} px`).toEqual([]);
  expect(await contrastProblems(page), `contraste : ${state} à ${width} px`).toEqual([]);
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(scrollWidth, `défilement horizontal : ${state} à ${width} px`).toBeLessThanOrEqual(width);
  expect(await page.title(), state).toMatch(/\S+ — .*Impact Mentorat$/);
  expect(await page.getAttribute('html', 'lang')).toBe('fr');
}

const VIEWPORTS = [
  { name: 'portrait 320', width: 320, height: 568 },
  { name: 'portrait 390', width: 390, height: 844 },
  { name: 'paysage 844', width: 844, height: 390 },
];

describe.each(VIEWPORTS.map((v, index) => ({ ...v, index })))('every step and state is accessible ($name)', ({ width, height, index }) => {
  it('welcome, each question, thank-you, already answered', async () => {
    const { context, requests } = await phoneContext(browser, width, height);
    const page = await context.newPage();
    await page.goto(youthLinks()[index * 2]!);
    await expectAccessible(page, 'accueil', width);
    await page.locator('#commencer').click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    for (let step = 0; step < 40; step++) {
      await expectAccessible(page, `question ${step + 1}`, width);
      // Every choice is a target of 44 px at least (WCAG 2.5.5, RGAA 13.x good practice for phones).
      const heights = await page.locator('.sd-question[data-name]:visible .sd-selectbase__label').evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().height));
      expect(heights.every((h) => h >= 44), `cibles : ${heights.join(', ')}`).toBe(true);
      if ((await answerAndNext(page)) === 'complete') break;
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain('Merci');
    await expectAccessible(page, 'remerciement', width);
    await page.goto(page.url().replace(/#.*$/, ''));
    expect(await page.locator('h1').textContent()).toContain('déjà répondu');
    await expectAccessible(page, 'déjà répondu', width);
    expect(foreignRequests(requests, server.baseUrl)).toEqual([]);
    await context.close();
    // axe on every step of a 15-question questionnaire: ~30 s on a loaded 2-core machine.
  }, 120_000);

  it('declined, unavailable link, accessibility statement', async () => {
    const { context } = await phoneContext(browser, width, height);
    const page = await context.newPage();
    await page.goto(youthLinks()[index * 2 + 1]!);
    await page.getByRole('button', { name: 'Je ne veux pas répondre' }).click();
    await page.waitForURL(/\/refus$/);
    expect(await page.locator('h1').textContent()).toBe('C’est noté');
    await expectAccessible(page, 'refus', width);
    await page.goto(`${server.baseUrl}/q/${'x'.repeat(43)}`);
    expect(await page.locator('h1').textContent()).toContain('n’est pas disponible');
    await expectAccessible(page, 'lien indisponible', width);
    await page.getByRole('link', { name: /Accessibilité/ }).click();
    expect(await page.locator('h1').textContent()).toBe('Déclaration d’accessibilité');
    for (const heading of ['État de conformité', 'Contenus non accessibles', 'Établissement de cette déclaration', 'Voies de recours']) {
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    }
    await expectAccessible(page, 'déclaration d’accessibilité', width);
    await context.close();
  });
});

describe('states that need a server answer', () => {
  it('a refused submission is identified, says how to fix it, and brings the respondent back to the answers', async () => {
    const { context } = await phoneContext(browser, 320, 568);
    const page = await context.newPage();
    // The demo has six youth links; this one is answered in the first viewport, so open it in a fresh demo state.
    const local = await startDemoServer();
    try {
      await page.route('**/api/response', (route) =>
        route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'La réponse à « Commentaire » est trop longue.' } }) }),
      );
      await page.goto(local.demo.links.find((l) => l.audience === 'youth')!.url);
      await page.locator('#commencer').click();
      await page.locator('.sd-question[data-name]').first().waitFor();
      for (let step = 0; step < 40; step++) if ((await answerAndNext(page)) === 'complete') break;
      await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('trop longue');
      expect(await page.getByRole('status').textContent()).toContain('Vérifie tes réponses');
      expect(await page.locator('.sd-question[data-name]').count()).toBe(1);
      await expectAccessible(page, 'envoi refusé', 320);
      // At 200 % zoom on the same phone (160 CSS px... too narrow for anyone): checked at 390 px / 200 % = 195 px.
      await page.setViewportSize({ width: 195, height: 422 });
      const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      expect(scrollWidth).toBeLessThanOrEqual(195);
    } finally {
      await context.close();
      await local.close();
    }
  });
});
