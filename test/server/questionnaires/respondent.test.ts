import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { indicatorValues, links, responses } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';
import { plausibleAnswers } from '../../../db/seed/answers.ts';
import { seededRandom } from '../../../db/seed/random.ts';

let t: TestApp;

beforeEach(() => {
  t = testApp();
});
afterEach(() => t.dispose());

const rows = (table: typeof responses | typeof indicatorValues) => t.db.select({ n: count() }).from(table).get()!.n;

/** Closes a mentorship and opens its youth link like a phone would: the agent keeps the questionnaire cookie. */
async function openYouthLink() {
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
  const mentorship = makeMentorship(t.db, { departmentId: department.id, associationId: association.id });
  const staff = await t.loginAs(lead);
  const closed = await staff.post(`/api/mentorships/${mentorship.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
  const url: string = closed.body.links.find((l: { audience: string }) => l.audience === 'youth').url;
  const token = url.split('/q/')[1]!;
  const phone = request.agent(t.app);
  const opened = await phone.get(`/q/${token}`);
  const page = opened.headers.location as string;
  const survey = (await phone.get(`${page}/api/questionnaire`)).body.survey;
  return { phone, page, token, survey };
}

describe('partial answers (drafts)', () => {
  it('are saved with the question on screen, served back in the page for resuming, and never counted', async () => {
    const { phone, page, survey } = await openYouthLink();
    const all = plausibleAnswers(survey, seededRandom(3));
    const [firstName, firstValue] = Object.entries(all)[0]!;
    const saved = await phone.put(`${page}/api/draft`).send({ answers: { [firstName]: firstValue }, currentPage: 1, currentQuestion: 'question_suivante' });
    expect(saved.status).toBe(200);

    const html = await phone.get(page);
    expect(html.text).toContain('>Reprendre</a>');
    expect(html.text).toContain('Tu as déjà commencé');
    const embedded = JSON.parse(/<script type="application\/json" id="im-donnees">(.*?)<\/script>/s.exec(html.text)![1]!);
    expect(embedded.draft).toEqual({ [firstName]: firstValue, __page: 1, __question: 'question_suivante' });
    expect(embedded.survey.pages.length).toBeGreaterThan(0);

    // Reports read responses and indicator values only: a draft is neither.
    expect(rows(responses)).toBe(0);
    expect(rows(indicatorValues)).toBe(0);

    // Without the questionnaire cookie (or the link's token), the draft is nobody's business.
    expect((await request(t.app).get(`${page}/api/questionnaire`)).status).toBe(404);
  });

  it('reopening the link on another phone resumes from the server draft', async () => {
    const { phone, page, token, survey } = await openYouthLink();
    const answers = Object.fromEntries(Object.entries(plausibleAnswers(survey, seededRandom(4))).slice(0, 2));
    await phone.put(`${page}/api/draft`).send({ answers, currentQuestion: 'q2' }).expect(200);
    const other = request.agent(t.app);
    const opened = await other.get(`/q/${token}`);
    expect(opened.status).toBe(303);
    const definition = await other.get(`${opened.headers.location}/api/questionnaire`);
    expect(definition.body.draft).toEqual({ ...answers, __question: 'q2' });
  });

  it('refuses a malformed draft in French and keeps the previous one', async () => {
    const { phone, page } = await openYouthLink();
    await phone.put(`${page}/api/draft`).send({ answers: {}, currentQuestion: 'q1' }).expect(200);
    for (const body of [{ answers: {}, currentQuestion: '<script>' }, { answers: {}, inconnu: 1 }, { answers: { question_qui_nexiste_pas: 1 } }]) {
      const res = await phone.put(`${page}/api/draft`).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).toMatch(/[a-zé]/);
    }
    const definition = await phone.get(`${page}/api/questionnaire`);
    expect(definition.body.draft).toEqual({ __question: 'q1' });
  });

  it('is dropped once the answers are sent, and a retry with the same key never creates a second response', async () => {
    const { phone, page, survey } = await openYouthLink();
    const answers = plausibleAnswers(survey, seededRandom(5));
    await phone.put(`${page}/api/draft`).send({ answers, currentQuestion: 'commentaire' }).expect(200);
    const key = 'cle-idempotence-telephone-01';
    expect((await phone.post(`${page}/api/response`).send({ answers, idempotencyKey: key })).status).toBe(201);
    expect((await phone.post(`${page}/api/response`).send({ answers, idempotencyKey: key })).status).toBe(200);
    expect((await phone.post(`${page}/api/response`).send({ answers, idempotencyKey: 'une-autre-cle-0001' })).status).toBe(409);
    expect(rows(responses)).toBe(1);
    expect(t.db.select().from(links).where(eq(links.audience, 'youth')).get()!.draftJson).toBeNull();
    expect((await phone.put(`${page}/api/draft`).send({ answers: {} })).status).toBe(409);
  });
});

describe('respondent pages', () => {
  it('are compressed when the phone accepts it, never cached, and end pages wipe what the phone kept', async () => {
    const { phone, page, survey } = await openYouthLink();
    const br = await phone.get(page).set('Accept-Encoding', 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(String(br.headers.vary)).toMatch(/Accept-Encoding/);
    const plain = await phone.get(page).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toContain('Avant de commencer');

    await phone.post(`${page}/api/response`).send({ answers: plausibleAnswers(survey, seededRandom(6)) }).expect(201);
    const done = await phone.get(page);
    expect(done.text).toContain('déjà répondu');
    expect(done.text).toContain('Tu n’as plus rien à faire');
  });

  it('publish an accessibility statement with the RGAA sections', async () => {
    const res = await request(t.app).get('/accessibilite');
    expect(res.status).toBe(200);
    for (const part of ['État de conformité', 'partiellement conformes', 'RGAA', 'Contenus non accessibles', 'Établissement de cette déclaration', 'Retour d’information et contact', 'Voies de recours', 'Défenseur des droits']) {
      expect(res.text, part).toContain(part);
    }
  });
});
