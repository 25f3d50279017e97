import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { links } from '../../db/schema/index.ts';
import { phoneContext, useDemoBrowser, type DemoServer } from './support.ts';
import { answerAndNext, axeViolations, currentQuestion, foreignRequests, indicatorValueCount, linkRow, responseCount, start } from './questionnaire-steps.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

const youthLinks = () => server.demo.links.filter((l) => l.audience === 'youth');

describe('a young person on a phone', () => {
  it('answers the whole questionnaire one question per screen at 390×844, sees the thank-you page, and the answer is counted once', async () => {
    const youthLink = youthLinks()[0]!;
    const row = linkRow(server, youthLink.url);
    const before = responseCount(server);
    const { context, requests } = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(youthLink.url);
    // The token left the address at once: it now lives in a questionnaire-scoped cookie.
    expect(page.url()).toMatch(/\/r\/[A-Za-z0-9_-]{22}(#.*)?$/);
    expect(await page.locator('h1').first().textContent()).toContain('Ton avis');
    await start(page, page.url());

    const titles = new Set<string>();
    let steps = 0;
    for (; steps < 40; steps++) {
      // One question per screen, a progress bar, and a page title naming the step.
      expect(await page.locator('.sd-question[data-name]:visible').count()).toBe(1);
      expect(await page.locator('progress').getAttribute('value')).toBe(String(steps + 1));
      titles.add(await page.title());
      if ((await answerAndNext(page)) === 'complete') break;
    }
    expect(steps).toBeGreaterThan(3);
    expect(titles.size).toBe(steps + 1);
    expect([...titles][0]).toMatch(/^Question 1 sur \d+ — Ton avis sur ton mentorat/);

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain('Merci');
    // Screen readers hear "Envoyé" from the live region that was there before the answer arrived.
    expect(await page.getByRole('status').textContent()).toContain('Envoyé');
    expect(await page.getByText('Et maintenant ?').isVisible()).toBe(true);
    expect(await page.title()).toMatch(/^Réponses envoyées/);

    expect(responseCount(server)).toBe(before + 1);
    expect(server.database.db.select().from(links).where(eq(links.id, row.id)).get()!.state).toBe('repondu');
    // Nothing stays on the phone once the server has the answers.
    expect(await page.evaluate('Object.keys(localStorage).length')).toBe(0);
    expect(foreignRequests(requests, server.baseUrl)).toEqual([]);
    // The respondent bundle never loads the staff app's code or styles.
    expect(requests.filter((u) => /\/assets\/index-/.test(u))).toEqual([]);

    // Reloading the page after sending says, in French, that the questionnaire was already answered.
    await page.goto(page.url().replace(/#.*$/, ''));
    expect(await page.locator('h1').textContent()).toContain('déjà répondu');
    await context.close();
  });

  it('resumes after a reload at the same question with the same answers, and a partial answer never counts', async () => {
    const youthLink = youthLinks()[1]!;
    const row = linkRow(server, youthLink.url);
    const responsesBefore = responseCount(server);
    const valuesBefore = indicatorValueCount(server);
    const { context } = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(youthLink.url);
    await start(page, page.url());
    const first = await currentQuestion(page);
    await answerAndNext(page);
    await answerAndNext(page);
    const third = await currentQuestion(page);
    // The draft reaches the server without any "save" button.
    await expect
      .poll(() => (server.database.db.select().from(links).where(eq(links.id, row.id)).get()!.draftJson ?? {})['__question'], { timeout: 5_000 })
      .toBe(third);
    const draft = server.database.db.select().from(links).where(eq(links.id, row.id)).get()!.draftJson!;
    expect(draft[first!]).toBeDefined();
    // Saved, but not a response: reports (responses, indicator values) are untouched until "Envoyer".
    expect(responseCount(server)).toBe(responsesBefore);
    expect(indicatorValueCount(server)).toBe(valuesBefore);

    await page.reload();
    await page.locator('.sd-question[data-name]').first().waitFor();
    expect(await currentQuestion(page)).toBe(third);
    await page.getByRole('button', { name: 'Précédent' }).click();
    await page.getByRole('button', { name: 'Précédent' }).click();
    expect(await currentQuestion(page)).toBe(first);
    expect(await page.locator('.sd-question[data-name]:visible input:checked').count()).toBe(1);
    await context.close();
  });

  it('resumes on another phone from the server draft when the same link is opened there', async () => {
    const youthLink = youthLinks()[2]!;
    const first = await phoneContext(browser);
    const page = await first.context.newPage();
    await page.goto(youthLink.url);
    await start(page, page.url());
    const answered = await currentQuestion(page);
    await answerAndNext(page);
    const reached = await currentQuestion(page);
    const row = linkRow(server, youthLink.url);
    await expect.poll(() => (server.database.db.select().from(links).where(eq(links.id, row.id)).get()!.draftJson ?? {})['__question']).toBe(reached);
    await first.context.close();

    // A second phone: no localStorage, no cookie; the link is still open (nothing was sent), so it works again.
    const second = await phoneContext(browser);
    const other = await second.context.newPage();
    await other.goto(youthLink.url);
    expect(await other.locator('#commencer').textContent()).toBe('Reprendre');
    await other.locator('#commencer').click();
    await other.locator('.sd-question[data-name]').first().waitFor();
    expect(await currentQuestion(other)).toBe(reached);
    await other.getByRole('button', { name: 'Précédent' }).click();
    expect(await currentQuestion(other)).toBe(answered);
    expect(await other.locator('.sd-question[data-name]:visible input:checked').count()).toBe(1);
    await second.context.close();
  });

  it('keeps the answers when the network is lost at sending, retries by itself, and stores exactly one response', async () => {
    const youthLink = youthLinks()[3]!;
    const row = linkRow(server, youthLink.url);
    const { context, requests } = await phoneContext(browser, 320, 640);
    const page = await context.newPage();
    await page.goto(youthLink.url);
    await start(page, page.url());
    for (let i = 0; i < 40; i++) {
      if (await page.getByRole('button', { name: /Envoyer/ }).isVisible()) break;
      await answerAndNext(page);
    }
    await context.setOffline(true);
    expect(await answerAndNext(page)).toBe('complete');
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Pas de réseau : tes réponses sont gardées, on réessaie…');
    expect(responseCount(server, row.id)).toBe(0);
    const kept = (await page.evaluate(`Object.values(localStorage).join('')`)) as string;
    expect(kept).toContain('"pending":true');
    expect(await axeViolations(page)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('Merci');
    expect(responseCount(server, row.id)).toBe(1);

    // A duplicate attempt with the same idempotency key (a lost confirmation) gets the first result, not a second row.
    const key = /"idempotencyKey":"([^"]+)"/.exec(kept)![1]!;
    const retry = await page.evaluate(
      async ({ path, key }) => (await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers: {}, idempotencyKey: key }) })).status,
      { path: `${new URL(page.url()).pathname}/api/response`, key },
    );
    expect(retry).toBe(200);
    expect(responseCount(server, row.id)).toBe(1);
    expect(foreignRequests(requests, server.baseUrl)).toEqual([]);
    await context.close();
  });
});
