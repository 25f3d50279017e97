import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { links, responses } from '../../db/schema/index.ts';
import { phoneContext, useDemoBrowser, type DemoServer } from './support.ts';
import { answerAndNext, axeViolations, contrastProblems, currentQuestion, foreignRequests, linkRow } from './questionnaire-steps.ts';

let browser: Browser;
let server: DemoServer;

useDemoBrowser((started) => ({ server, browser } = started));

const youthLinks = () => server.demo.links.filter((l) => l.audience === 'youth');

/** A 390×844 phone whose browser language is `locale` (sent as Accept-Language); `speech` injects a stubbed speechSynthesis. */
async function phone(locale: string, speech?: { voices: string[] }) {
  const { context, requests } = await phoneContext(browser, 390, 844, locale);
  if (speech) {
    await context.addInitScript((voices: string[]) => {
      const log = { spoken: [] as { text: string; lang: string; voice: string | null }[], cancels: 0 };
      (globalThis as unknown as { __speech: typeof log }).__speech = log;
      class Utterance {
        text: string;
        lang = '';
        voice: { lang: string; name: string } | null = null;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(text: string) {
          this.text = text;
        }
      }
      const synth = {
        getVoices: () => voices.map((lang) => ({ lang, name: `voix ${lang}`, default: false, localService: true, voiceURI: lang })),
        speak: (u: Utterance) => log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang ?? null }),
        cancel: () => {
          log.cancels += 1;
        },
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      };
      Object.defineProperty(globalThis, 'speechSynthesis', { value: synth, configurable: true });
      Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    }, speech.voices);
  }
  return { context, requests };
}

async function expectAccessible(page: Page, state: string) {
  expect(await axeViolations(page), state).toEqual([]);
  expect(await contrastProblems(page), `contraste : ${state}`).toEqual([]);
  const scrollWidth = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  expect(scrollWidth, `défilement horizontal : ${state}`).toBeLessThanOrEqual(390);
}

const answerAndGo = (page: Page, next: string, send: string) => answerAndNext(page, { next, send });

const spoken = (page: Page) => page.evaluate('window.__speech') as Promise<{ spoken: { text: string; lang: string; voice: string | null }[]; cancels: number }>;

describe('the youth questionnaire in other languages', () => {
  it('is completed in Arabic, chosen from the phone language: right to left, every step accessible, the response records "ar"', async () => {
    const link = youthLinks()[0]!;
    const row = linkRow(server, link.url);
    const { context, requests } = await phone('ar-MA');
    const page = await context.newPage();
    await page.goto(link.url);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('h1').first().textContent()).toBe('رأيك في الإرشاد');
    expect(await page.locator('#commencer').textContent()).toBe('ابدأ');
    expect(await page.title()).toMatch(/^رأيك في الإرشاد — Impact Mentorat$/);
    await expectAccessible(page, 'accueil (ar)');
    await page.locator('#commencer').click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    for (let step = 0; step < 40; step++) {
      await expectAccessible(page, `question ${step + 1} (ar)`);
      expect(await page.locator('.im-step-count').textContent()).toMatch(/^السؤال \d+ من \d+$/);
      // Mirrored: the choices' radio is on the right of its label, the progress bar and "Next" follow the direction.
      const label = page.locator('.sd-question[data-name]:visible .sd-selectbase__label').first();
      if ((await label.count()) > 0) {
        const [box, text] = await Promise.all([label.locator('.sd-item__decorator').boundingBox(), label.locator('.sd-item__control-label').boundingBox()]);
        expect(box!.x, 'bouton radio à droite du texte').toBeGreaterThan(text!.x);
      }
      if ((await answerAndGo(page, 'التالي', 'إرسال أجوبتي')) === 'complete') break;
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain('شكرًا');
    await expectAccessible(page, 'remerciement (ar)');
    const response = server.database.db.select().from(responses).where(eq(responses.linkId, row.id)).get()!;
    expect(response.language).toBe('ar');
    // Answers are codes, the same whatever the language.
    expect(Object.values(response.answersJson).some((v) => v === 1 || v === 'oui' || v === 'presentiel' || v === 'plusieurs_par_semaine')).toBe(true);
    expect(foreignRequests(requests, server.baseUrl)).toEqual([]);
    // The end page too is in Arabic.
    await page.goto(page.url().replace(/#.*$/, ''));
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('لقد أجبت من قبل، شكرًا!');
    await expectAccessible(page, 'déjà répondu (ar)');
    await context.close();
  }, 120_000);

  it('is completed in Français facile chosen on the welcome page, before any JavaScript ran; every step accessible', async () => {
    const link = youthLinks()[1]!;
    const row = linkRow(server, link.url);
    const { context } = await phone('fr-FR');
    await context.route('**/*.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(link.url);
    await page.getByRole('link', { name: 'Français facile' }).click();
    await page.waitForURL(/langue=falc/);
    expect(await page.locator('.im-langues a[aria-current]').textContent()).toBe('Français facile');
    expect(await page.getByText('Tu choisis les questions. Tu peux passer une question.').isVisible()).toBe(true);
    await context.unroute('**/*.js');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectAccessible(page, 'accueil (falc)');
    await page.locator('#commencer').click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    for (let step = 0; step < 40; step++) {
      await expectAccessible(page, `question ${step + 1} (falc)`);
      if ((await answerAndGo(page, 'Suivant', 'Envoyer mes réponses')) === 'complete') break;
    }
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toContain('Merci');
    expect(await page.getByRole('heading', { name: 'Et après ?' }).isVisible()).toBe(true);
    await expectAccessible(page, 'remerciement (falc)');
    expect(server.database.db.select().from(responses).where(eq(responses.linkId, row.id)).get()!.language).toBe('falc');
    await context.close();
  }, 120_000);

  it('keeps the chosen language when the link is resumed on another phone; an unknown code shows French without error', async () => {
    const link = youthLinks()[2]!;
    const first = await phone('fr-FR');
    const page = await first.context.newPage();
    await page.goto(link.url);
    const base = page.url().replace(/[?#].*$/, '');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/langue=en/);
    await page.locator('#commencer').click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    expect(await page.getByRole('button', { name: 'Next', exact: true }).isVisible()).toBe(true);
    await answerAndGo(page, 'Next', 'Send my answers');
    const reached = await currentQuestion(page);
    const row = linkRow(server, link.url);
    await expect.poll(() => (server.database.db.select().from(links).where(eq(links.id, row.id)).get()!.draftJson ?? {})['__question']).toBe(reached);
    // The language can be changed on a question screen too: back to the same question, in Pashto.
    await page.getByRole('link', { name: 'پښتو' }).click();
    await page.waitForURL(/langue=ps#questionnaire$/);
    await page.locator('.sd-question[data-name]').first().waitFor();
    expect(await currentQuestion(page)).toBe(reached);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.getByRole('link', { name: 'English' }).click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    await first.context.close();

    const second = await phone('ar');
    const other = await second.context.newPage();
    await other.goto(link.url);
    expect(await other.getAttribute('html', 'lang')).toBe('en');
    expect(await other.locator('#commencer').textContent()).toBe('Continue');
    await other.locator('#commencer').click();
    await other.locator('.sd-question[data-name]').first().waitFor();
    expect(await currentQuestion(other)).toBe(reached);

    const unknown = await other.goto(`${base}?langue=klingon`);
    expect(unknown!.status()).toBe(200);
    expect(await other.getAttribute('html', 'lang')).toBe('fr');
    expect(await other.locator('#commencer').textContent()).toBe('Reprendre');
    await second.context.close();
  }, 60_000);

  it('reads the welcome and each question aloud with the phone voice, in the language, and stops on "Suivant"', async () => {
    const link = youthLinks()[3]!;
    const { context, requests } = await phone('fr-FR', { voices: ['fr-FR', 'en-GB'] });
    const page = await context.newPage();
    await page.goto(link.url);
    const before = requests.length;
    await page.getByRole('button', { name: 'Écouter' }).click();
    let log = await spoken(page);
    expect(log.spoken).toHaveLength(1);
    expect(log.spoken[0]!.lang).toBe('fr');
    expect(log.spoken[0]!.voice).toBe('fr-FR');
    expect(log.spoken[0]!.text).toContain('Ton avis sur ton mentorat');
    expect(log.spoken[0]!.text).toContain('Avant de commencer');
    expect(await page.getByRole('button', { name: 'Arrêter la lecture' }).getAttribute('aria-pressed')).toBe('true');

    await page.locator('#commencer').click();
    await page.locator('.sd-question[data-name]').first().waitFor();
    const question = page.locator('.sd-question[data-name]:visible').first();
    const title = (await question.locator('.sd-question__title').textContent())!.trim();
    const firstChoice = (await question.locator('.sd-item__control-label').first().textContent())!.trim();
    // Keyboard: the button is reachable and pressed with Enter.
    await page.getByRole('button', { name: 'Écouter' }).focus();
    await page.keyboard.press('Enter');
    log = await spoken(page);
    const read = log.spoken.at(-1)!.text;
    expect(read).toContain(title);
    expect(read).toContain(firstChoice);
    expect(read).toContain((await page.locator('.im-step-theme').textContent())!.trim());
    const cancels = log.cancels;
    await question.locator('.sd-selectbase__label').first().click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.waitForFunction(`document.querySelector('.sd-question[data-name]')?.getAttribute('data-name') !== ${JSON.stringify(await currentQuestion(page))}`).catch(() => undefined);
    expect((await spoken(page)).cancels).toBeGreaterThan(cancels);
    // The next screen can be read in turn.
    await page.getByRole('button', { name: 'Écouter' }).click();
    expect((await spoken(page)).spoken.at(-1)!.text).not.toBe(read);
    // Nothing was fetched for the speech.
    expect(requests.slice(before).filter((u) => /\.(mp3|ogg|wav|m4a)|speech|tts/i.test(u))).toEqual([]);
    expect(foreignRequests(requests, server.baseUrl)).toEqual([]);
    await context.close();
  });

  it('says so when the phone has no voice for the language (Pashto), instead of failing silently', async () => {
    const link = youthLinks()[4]!;
    const { context } = await phone('ps-AF', { voices: ['fr-FR', 'en-US'] });
    const page = await context.newPage();
    await page.goto(link.url);
    expect(await page.getAttribute('html', 'lang')).toBe('ps');
    const button = page.getByRole('button', { name: 'واورئ' });
    await expect.poll(() => button.getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByText('دا ټیلیفون د دې ژبې (پښتو) لپاره غږ نلري').isVisible()).toBe(true);
    await button.dispatchEvent('click');
    expect((await spoken(page)).spoken).toEqual([]);
    await expectAccessible(page, 'accueil sans voix (ps)');
    await context.close();
  });
});
