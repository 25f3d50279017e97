import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import request from 'supertest';
import { indicatorSelections, questionnaireVersions } from '../../../db/schema/index.ts';
import { DEFAULT_KEY_INDICATOR_IDS, DEFAULT_OPTIONAL_INDICATOR_IDS, indicators } from '../../../surveys/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';
import { plausibleAnswers } from '../../../db/seed/answers.ts';
import { seededRandom } from '../../../db/seed/random.ts';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.dispose());

async function department() {
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const evaluator = await makeUser(t.db, { role: 'evaluateur', departmentId: department.id });
  const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
  return { department, association, evaluator, lead };
}

const KEY = ['realisations.jeunes_accompagnes', 'resultats.objectif_atteint', 'impact.confiance', 'impact.notes'];

describe('indicator catalogue and selection', () => {
  it('serves the whole catalogue, one value-chain link per indicator', async () => {
    const d = await department();
    const agent = await t.loginAs(d.evaluator);
    const res = await agent.get('/api/indicators');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(indicators.length);
    for (const i of res.body) expect(['ressources', 'activites', 'realisations', 'resultats', 'impact']).toContain(i.link);
  });

  it('starts a new department on the seed defaults, then keeps its own choice per year', async () => {
    const d = await department();
    const agent = await t.loginAs(d.evaluator);
    const initial = await agent.get('/api/indicators/selection?year=2026');
    expect(initial.body).toMatchObject({ isDefault: true, keyIndicatorIds: [...DEFAULT_KEY_INDICATOR_IDS].sort(), optionalIndicatorIds: [...DEFAULT_OPTIONAL_INDICATOR_IDS].sort() });
    expect(initial.body.keyIndicatorIds.length).toBeLessThanOrEqual(5);
    const saved = await agent.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: KEY, optionalIndicatorIds: ['realisations.frequence'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ isDefault: false, keyIndicatorIds: [...KEY].sort(), optionalIndicatorIds: ['realisations.frequence'] });
    const otherYear = await agent.get('/api/indicators/selection?year=2025');
    expect(otherYear.body.isDefault).toBe(true);
  });

  it('refuses fewer than 4 or more than 5 key indicators, unknown ids, and association leads, changing nothing', async () => {
    const d = await department();
    const agent = await t.loginAs(d.evaluator);
    const tooFew = await agent.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: KEY.slice(0, 3) });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.error.message).toMatch(/entre 4 et 5 indicateurs clés/);
    const tooMany = await agent.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: [...KEY, 'impact.stage', 'resultats.clotures'] });
    expect(tooMany.status).toBe(400);
    const unknown = await agent.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: [...KEY.slice(0, 3), 'impact.bonheur'] });
    expect(unknown.status).toBe(400);
    const lead = await t.loginAs(d.lead);
    const forbidden = await lead.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: KEY });
    expect(forbidden.status).toBe(403);
    expect(t.db.select({ n: count() }).from(indicatorSelections).get()!.n).toBe(0);
  });
});

describe('questionnaire versions', () => {
  it('freezes the version in force at the first link, reuses it while unchanged, and makes a new one on change', async () => {
    const d = await department();
    const m1 = makeMentorship(t.db, { departmentId: d.department.id, associationId: d.association.id });
    const m2 = makeMentorship(t.db, { departmentId: d.department.id, associationId: d.association.id });
    const m3 = makeMentorship(t.db, { departmentId: d.department.id, associationId: d.association.id });
    const lead = await t.loginAs(d.lead);
    const first = await lead.post(`/api/mentorships/${m1.id}/close`).send({ endedOn: '2026-06-01', status: 'cloture', closureReason: 'dispo_mentor' });
    const second = await lead.post(`/api/mentorships/${m2.id}/close`).send({ endedOn: '2026-06-02', status: 'cloture', closureReason: 'dispo_mentor' });
    const youthVersion = (r: request.Response) => r.body.links.find((l: { audience: string }) => l.audience === 'youth').questionnaireVersionId;
    expect(youthVersion(second)).toBe(youthVersion(first));

    const evaluator = await t.loginAs(d.evaluator);
    const versions = await evaluator.get('/api/questionnaires/versions');
    expect(versions.body.every((v: { frozenAt: string | null }) => v.frozenAt !== null)).toBe(true);

    await evaluator.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: ['realisations.jeunes_accompagnes', 'resultats.objectif_atteint', 'impact.confiance', 'impact.stage'] }).expect(200);
    const third = await lead.post(`/api/mentorships/${m3.id}/close`).send({ endedOn: '2026-06-03', status: 'cloture', closureReason: 'dispo_mentor' });
    expect(youthVersion(third)).not.toBe(youthVersion(first));
    expect(t.db.select({ n: count() }).from(questionnaireVersions).get()!.n).toBe(4);

    const comparison = await evaluator.get(`/api/questionnaires/versions/compare?from=${youthVersion(first)}&to=${youthVersion(third)}`);
    expect(comparison.status).toBe(200);
    const byId = Object.fromEntries(comparison.body.map((c: { indicatorId: string }) => [c.indicatorId, c]));
    expect(byId['impact.confiance']).toMatchObject({ changed: false, inFrom: true, inTo: true });
    expect(byId['impact.stage']).toMatchObject({ inFrom: false, inTo: true });
    expect(byId['impact.notes']).toMatchObject({ inFrom: true, inTo: false });
  });

  it('keeps each response on the version it was served, even after the selection changed', async () => {
    const d = await department();
    const m1 = makeMentorship(t.db, { departmentId: d.department.id, associationId: d.association.id });
    const lead = await t.loginAs(d.lead);
    const closed = await lead.post(`/api/mentorships/${m1.id}/close`).send({ endedOn: '2026-06-01', status: 'cloture', closureReason: 'dispo_mentor' });
    const youth = closed.body.links.find((l: { audience: string }) => l.audience === 'youth');
    const evaluator = await t.loginAs(d.evaluator);
    await evaluator.put('/api/indicators/selection').send({ year: 2026, keyIndicatorIds: ['realisations.jeunes_accompagnes', 'resultats.clotures', 'impact.stage', 'impact.notes'] }).expect(200);
    const respondent = request.agent(t.app);
    const page = (await respondent.get(`/q/${youth.url.split('/q/')[1]}`)).headers.location;
    const served = await respondent.get(`${page}/api/questionnaire`);
    expect(served.body.versionId).toBe(youth.questionnaireVersionId);
    await respondent.post(`${page}/api/response`).send({ answers: plausibleAnswers(served.body.survey, seededRandom(3)) }).expect(201);
  });

  it('hides another department’s versions', async () => {
    const d1 = await department();
    const d2 = await department();
    const m = makeMentorship(t.db, { departmentId: d1.department.id, associationId: d1.association.id });
    const lead = await t.loginAs(d1.lead);
    const closed = await lead.post(`/api/mentorships/${m.id}/close`).send({ endedOn: '2026-06-01', status: 'cloture', closureReason: 'dispo_mentor' });
    const versionId = closed.body.links[0].questionnaireVersionId;
    const other = await t.loginAs(d2.evaluator);
    expect((await other.get(`/api/questionnaires/versions/${versionId}`)).status).toBe(404);
    expect((await other.get('/api/questionnaires/versions')).body).toEqual([]);
  });
});
