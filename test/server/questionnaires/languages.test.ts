import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { eq } from 'drizzle-orm';
import { links, responses } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';
import { plausibleAnswers } from '../../../db/seed/answers.ts';
import { seededRandom } from '../../../db/seed/random.ts';

let t: TestApp;

beforeEach(() => {
  t = testApp();
});
afterEach(() => t.dispose());

async function closeMentorship() {
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
  const mentorship = makeMentorship(t.db, { departmentId: department.id, associationId: association.id });
  const staff = await t.loginAs(lead);
  const closed = await staff.post(`/api/mentorships/${mentorship.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
  return closed.body.links as { audience: 'youth' | 'mentor'; url: string }[];
}

/** Opens a link like a phone whose browser language is `acceptLanguage`. */
async function open(url: string, acceptLanguage: string) {
  const phone = request.agent(t.app);
  const opened = await phone.get(`/q/${url.split('/q/')[1]}`).set('Accept-Language', acceptLanguage);
  const page = opened.headers.location as string;
  // The first page shown decides the link's language when nobody chose one.
  const first = await phone.get(page).set('Accept-Language', acceptLanguage);
  return { phone, page, first: first.text };
}

const embedded = (html: string) => JSON.parse(/<script type="application\/json" id="im-donnees">(.*?)<\/script>/s.exec(html)![1]!);

describe('respondent languages', () => {
  it('serves the phone language, keeps it on the link, and sends the questionnaire in that language only', async () => {
    const youth = (await closeMentorship()).find((l) => l.audience === 'youth')!;
    const { first: html } = await open(youth.url, 'ar-TN,ar;q=0.9,fr;q=0.5');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('>ابدأ</a>');
    expect(html).toContain('قبل أن تبدأ');
    const data = embedded(html);
    expect(data.language).toBe('ar');
    expect(data.survey.locale).toBe('ar');
    expect(JSON.stringify(data.survey)).not.toContain('Avant le mentorat');
    expect(data.text.start).toBe('ابدأ');
    expect(t.db.select().from(links).where(eq(links.audience, 'youth')).get()!.language).toBe('ar');

    // Another phone (French) opening the same link keeps Arabic; an explicit choice changes it for the link.
    const other = await open(youth.url, 'fr-FR');
    expect((await other.phone.get(other.page).set('Accept-Language', 'fr-FR')).text).toContain('<html lang="ar" dir="rtl">');
    expect((await other.phone.get(`${other.page}?langue=prs`)).text).toContain('<html lang="fa-AF" dir="rtl">');
    expect(t.db.select().from(links).where(eq(links.audience, 'youth')).get()!.language).toBe('prs');

    // The answers are codes whatever the language; the response records the language.
    const survey = (await other.phone.get(`${other.page}/api/questionnaire`)).body.survey;
    const sent = await other.phone.post(`${other.page}/api/response`).send({ answers: plausibleAnswers(survey, seededRandom(5)) });
    expect(sent.status).toBe(201);
    expect(t.db.select().from(responses).get()!.language).toBe('prs');
    // The end page follows the link's language too.
    expect((await other.phone.get(other.page)).text).toContain('<html lang="fa-AF" dir="rtl">');
  });

  it('an unknown language code shows French, with no error and nothing else changed', async () => {
    const youth = (await closeMentorship()).find((l) => l.audience === 'youth')!;
    const { phone, page } = await open(youth.url, 'en-GB');
    expect((await phone.get(page)).text).toContain('<html lang="en" dir="ltr">');
    for (const code of ['xx', 'fr-falc', '<script>', 'AR']) {
      const res = await phone.get(`${page}?langue=${encodeURIComponent(code)}`);
      expect(res.status, code).toBe(200);
      expect(res.text, code).toContain('<html lang="fr" dir="ltr">');
    }
    expect((await phone.get(`${page}?langue=${'x'.repeat(500)}`)).status).toBe(400);
  });

  it('the mentor questionnaire is in French or English only', async () => {
    const mentor = (await closeMentorship()).find((l) => l.audience === 'mentor')!;
    const { first: html } = await open(mentor.url, 'en-US');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('End-of-mentoring questionnaire');
    expect(html).not.toContain('>العربية<');
    expect(embedded(html).languages.map((l: { code: string }) => l.code)).toEqual(['fr', 'en']);
    const arabic = await open(mentor.url, 'ar');
    expect((await arabic.phone.get(`${arabic.page}?langue=ar`)).text).toContain('<html lang="fr" dir="ltr">');
  });

  it('the accessibility statement and the unavailable page follow the language', async () => {
    const statement = await request(t.app).get('/accessibilite?langue=ps');
    expect(statement.status).toBe(200);
    expect(statement.text).toContain('<html lang="ps" dir="rtl">');
    expect(statement.text).toContain('د لاسرسي بیانیه');
    expect((await request(t.app).get('/accessibilite').set('Accept-Language', 'en')).text).toContain('Accessibility statement');
    expect((await request(t.app).get('/accessibilite?langue=zz')).text).toContain('Déclaration d’accessibilité');
    const unavailable = await request(t.app).get(`/q/${'x'.repeat(43)}`).set('Accept-Language', 'ar');
    expect(unavailable.status).toBe(404);
    expect(unavailable.text).toContain('هذا الرابط غير متاح');
  });
});
