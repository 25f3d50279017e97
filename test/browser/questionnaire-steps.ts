import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { count, eq } from 'drizzle-orm';
import { indicatorValues, links, responses } from '../../db/schema/index.ts';
import { hashToken } from '../../server/questionnaires/tokens.ts';
import type { startDemoServer } from './support.ts';

type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;

/** The question on screen (one per screen): its SurveyJS name. */
export const currentQuestion = (page: Page) => page.locator('.sd-question[data-name]:visible').first().getAttribute('data-name');

export async function start(page: Page, url: string) {
  await page.goto(url);
  await page.locator('#commencer').click();
  await page.locator('.sd-question[data-name]').first().waitFor();
}

/**
 * Answers the question on screen the way a thumb would (first choice, or a short text) and goes on; `buttons` names
 * "Suivant" and "Envoyer" in the questionnaire's language.
 */
export async function answerAndNext(page: Page, buttons: { next: string; send: string | RegExp } = { next: 'Suivant', send: /Envoyer/ }): Promise<'next' | 'complete'> {
  const question = page.locator('.sd-question[data-name]:visible').first();
  if ((await question.locator('input[type="radio"], input[type="checkbox"]').count()) > 0) {
    await question.locator('.sd-selectbase__label').first().click();
  } else if ((await question.locator('textarea').count()) > 0) {
    await question.locator('textarea').fill('Merci pour tout.');
  }
  const complete = page.getByRole('button', { name: buttons.send });
  if (await complete.isVisible()) {
    await complete.click();
    return 'complete';
  }
  const before = await currentQuestion(page);
  await page.getByRole('button', { name: buttons.next, exact: true }).click();
  await page.waitForFunction(`document.querySelector('.sd-question[data-name]')?.getAttribute('data-name') !== ${JSON.stringify(before)}`);
  return 'next';
}

/** Runs axe-core with the RGAA-relevant WCAG 2.1 A/AA tags and returns the violations, readable in a failure. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export function linkRow(server: DemoServer, url: string) {
  const token = url.slice(url.lastIndexOf('/') + 1);
  return server.database.db.select().from(links).where(eq(links.tokenHash, hashToken(token))).get()!;
}

export function responseCount(server: DemoServer, linkId?: number) {
  const q = server.database.db.select({ n: count() }).from(responses);
  return (linkId === undefined ? q : q.where(eq(responses.linkId, linkId))).get()!.n;
}

export const indicatorValueCount = (server: DemoServer) => server.database.db.select({ n: count() }).from(indicatorValues).get()!.n;

export const foreignRequests = (requests: string[], baseUrl: string) =>
  requests.filter((u) => !u.startsWith(new URL(baseUrl).origin) && !u.startsWith('data:') && !u.startsWith('blob:'));

/**
 * Text contrast checked by hand where axe gives up: SurveyJS draws its frames with pseudo-elements, so axe reports
 * its question titles and choices as "incomplete" instead of checking them. Each visible text's colour is compared
 * with the first opaque background behind it (colours resolved through a canvas, whatever their CSS syntax).
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgba = (css) => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = css; ctx.fillRect(0, 0, 1, 1); const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
    const lum = ([r, g, b]) => { const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
    const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor); if (c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
    const problems = [];
    for (const el of document.querySelectorAll('body *')) {
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).join('');
      if (!text || el.closest('[hidden], .im-visually-hidden, script, style, noscript')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      const fgRaw = rgba(style.color);
      const bg = background(el);
      const fg = fgRaw.slice(0, 3).map((v, i) => v * fgRaw[3] + bg[i] * (1 - fgRaw[3]));
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(text.slice(0, 40) + ' : ' + ratio.toFixed(2) + ':1');
    }
    return problems;
  })()`)) as string[];
}
