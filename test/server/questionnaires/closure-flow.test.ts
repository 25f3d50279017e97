import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { departments, indicatorValues, links, mentorships, responses } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';
import { plausibleAnswers } from '../../../db/seed/answers.ts';
import { seededRandom } from '../../../db/seed/random.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof setup>>;

async function setup(t: TestApp) {
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
  const evaluator = await makeUser(t.db, { role: 'evaluateur', departmentId: department.id });
  const mentorship = makeMentorship(t.db, { departmentId: department.id, associationId: association.id });
  return { department, association, lead, evaluator, mentorship };
}

beforeEach(async () => {
  t = testApp();
  world = await setup(t);
});
afterEach(() => t.dispose());

const countRows = (t: TestApp, table: typeof responses | typeof indicatorValues | typeof links) => t.db.select({ n: count() }).from(table).get()!.n;

async function closeAndOpen(t: TestApp) {
  const lead = await t.loginAs(world.lead);
  const closed = await lead.post(`/api/mentorships/${world.mentorship.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
  expect(closed.status).toBe(201);
  const youthUrl: string = closed.body.links.find((l: { audience: string }) => l.audience === 'youth').url;
  const token = youthUrl.split('/q/')[1]!;
  const respondent = request.agent(t.app);
  const opened = await respondent.get(`/q/${token}`);
  expect(opened.status).toBe(303);
  const location = opened.headers.location as string;
  expect(location).toMatch(/^\/r\/[A-Za-z0-9_-]{22}$/);
  expect(location).not.toContain(token);
  return { closed, token, respondent, page: location };
}

describe('closing a mentorship', () => {
  it('issues one youth and one mentor single-use link, shown once, stored only as hashes', async () => {
    const { closed, token } = await closeAndOpen(t);
    expect(closed.body.links.map((l: { audience: string }) => l.audience).sort()).toEqual(['mentor', 'youth']);
    for (const link of closed.body.links) expect(link.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = t.db.select().from(links).all();
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain(token);
    const row = t.db.select().from(mentorships).where(eq(mentorships.id, world.mentorship.id)).get()!;
    expect(row.status).toBe('objectif_atteint');
    expect(row.endedOn).toBe('2026-06-01');
  });

  it('refuses to close twice, in French, and issues no new link', async () => {
    await closeAndOpen(t);
    const lead = await t.loginAs(world.lead);
    const again = await lead.post(`/api/mentorships/${world.mentorship.id}/close`).send({ endedOn: '2026-06-02', status: 'cloture' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/déjà clôturé/);
    expect(countRows(t, links)).toBe(2);
  });

  it('rejects bad input with a French 4xx and changes nothing', async () => {
    const lead = await t.loginAs(world.lead);
    const cases = [
      { body: { endedOn: '2026-13-45', status: 'cloture' }, status: 400 },
      { body: { endedOn: '2026-06-01', status: 'perdu' }, status: 400 },
      { body: { endedOn: '2026-06-01', status: 'cloture', inconnu: 1 }, status: 400 },
      { body: { endedOn: '2025-01-01', status: 'cloture' }, status: 400 }, // before the start
      { body: { endedOn: '2030-01-01', status: 'cloture' }, status: 400 }, // in the future
    ];
    for (const c of cases) {
      const res = await lead.post(`/api/mentorships/${world.mentorship.id}/close`).send(c.body);
      expect(res.status, JSON.stringify(c.body)).toBe(c.status);
      expect(res.body.error.message).toMatch(/[a-zé]/);
      expect(res.body.error.code).toBeTruthy();
    }
    const broken = await lead.post(`/api/mentorships/${world.mentorship.id}/close`).set('Content-Type', 'application/json').send('{"endedOn": ');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/JSON valide/);
    const notFound = await lead.post('/api/mentorships/999999/close').send({ endedOn: '2026-06-01', status: 'cloture' });
    expect(notFound.status).toBe(404);
    const badId = await lead.post('/api/mentorships/abc/close').send({ endedOn: '2026-06-01', status: 'cloture' });
    expect(badId.status).toBe(400);
    expect(countRows(t, links)).toBe(0);
    expect(t.db.select().from(mentorships).get()!.status).toBe('en_cours');
  });

  it('lets only the association lead close, never the department evaluator', async () => {
    const evaluator = await t.loginAs(world.evaluator);
    const res = await evaluator.post(`/api/mentorships/${world.mentorship.id}/close`).send({ endedOn: '2026-06-01', status: 'cloture' });
    expect(res.status).toBe(403);
    expect(countRows(t, links)).toBe(0);
  });
});

describe('answering a questionnaire', () => {
  it('serves the welcome page without the token, validates, stores once and counts the answer', async () => {
    const { respondent, page, token } = await closeAndOpen(t);
    const html = await respondent.get(page);
    expect(html.status).toBe(200);
    expect(html.text).toContain('lang="fr"');
    expect(html.text).toContain('Commencer');
    expect(html.text).not.toContain(token);

    const definition = await respondent.get(`${page}/api/questionnaire`);
    expect(definition.status).toBe(200);
    expect(definition.body.audience).toBe('youth');
    expect(definition.body.survey.pages.length).toBeGreaterThan(0);

    const invalid = await respondent.post(`${page}/api/response`).send({ answers: { question_qui_nexiste_pas: 'x' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/question/);
    expect(countRows(t, responses)).toBe(0);

    const answers = plausibleAnswers(definition.body.survey, seededRandom(1));
    const sent = await respondent.post(`${page}/api/response`).send({ answers, idempotencyKey: 'cle-essai-0001' });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('enregistre');
    expect(countRows(t, responses)).toBe(1);
    expect(countRows(t, indicatorValues)).toBeGreaterThan(0);

    const retry = await respondent.post(`${page}/api/response`).send({ answers, idempotencyKey: 'cle-essai-0001' });
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('deja_enregistre');
    const other = await respondent.post(`${page}/api/response`).send({ answers });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/déjà répondu/);
    expect(countRows(t, responses)).toBe(1);

    const reopened = await respondent.get(page);
    expect(reopened.text).toContain('déjà répondu');
    const reused = await request(t.app).get(`/q/${token}`);
    expect(reused.status).toBe(404);
    expect(reused.text).toContain('n’est pas ou plus valide');
  });

  it('answers an unknown, malformed or expired link with the same neutral French page', async () => {
    const malformed = await request(t.app).get('/q/pas-un-jeton');
    const unknown = await request(t.app).get(`/q/${'A'.repeat(43)}`);
    const { token } = await closeAndOpen(t);
    t.setNow(new Date('2026-12-31T00:00:00Z'));
    const expired = await request(t.app).get(`/q/${token}`);
    for (const res of [malformed, unknown, expired]) {
      expect(res.status).toBe(404);
      expect(res.text).toContain('Ce lien n’est pas disponible');
      expect(res.text).not.toMatch(/Error|at .*\.ts/);
    }
    expect(malformed.text).toBe(unknown.text);
    expect(unknown.text).toBe(expired.text);
  });

  it('refuses the questionnaire API without the questionnaire cookie', async () => {
    const { page } = await closeAndOpen(t);
    const stranger = await request(t.app).get(`${page}/api/questionnaire`);
    expect(stranger.status).toBe(404);
    const post = await request(t.app).post(`${page}/api/response`).send({ answers: {} });
    expect(post.status).toBe(404);
    expect(countRows(t, responses)).toBe(0);
  });

  it('counts the answer in the evaluator report for the closure year', async () => {
    const { respondent, page } = await closeAndOpen(t);
    const definition = await respondent.get(`${page}/api/questionnaire`);
    await respondent.post(`${page}/api/response`).send({ answers: plausibleAnswers(definition.body.survey, seededRandom(2)) }).expect(201);
    const evaluator = await t.loginAs(world.evaluator);
    // One mentorship is below the default small-cell threshold: the report hides it...
    const hidden = await evaluator.get('/api/reports/value-chain?year=2026');
    expect(hidden.status).toBe(200);
    expect(hidden.body.mentorshipsClosed).toEqual({ suppressed: true });
    expect(hidden.body.answers.youth.answered).toEqual({ suppressed: true });
    // ...and with a threshold of 1 (nothing hidden) the answer is counted for its closure year.
    t.db.update(departments).set({ suppressionThreshold: 1 }).run();
    const report = await evaluator.get('/api/reports/value-chain?year=2026');
    expect(report.status).toBe(200);
    expect(report.body.mentorshipsClosed).toBe(1);
    expect(report.body.answers.youth.answered + report.body.answers.mentor.answered).toBe(1);
    const previous = await evaluator.get('/api/reports/value-chain?year=2025');
    expect(previous.body.answers.youth.answered + previous.body.answers.mentor.answered).toBe(0);
  });
});
