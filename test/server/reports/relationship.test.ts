import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeMentorship } from '../../../server/mentorships/close.ts';
import { findOpenLinkByToken, submitResponse } from '../../../server/questionnaires/respond.ts';
import { impactOutcomes, splitByRelationship } from '../../../server/reports/relationship/compute.ts';
import type { IndicatorFact } from '../../../server/reports/facts.ts';
import type { StaffContext } from '../../../server/context.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';

const fact = (responseId: number, indicatorId: string, dimension: string, value: number | null): IndicatorFact => ({ responseId, mentorshipId: responseId, associationId: 1, year: 2026, audience: 'youth', indicatorId, dimension, value, valueText: null });

describe('impact by relationship band (pure)', () => {
  it('reads each young person once: progressed thanks to the mentoring, or not', () => {
    const values = [fact(1, 'impact.confiance', 'evolution', 2), fact(1, 'impact.confiance', 'grace_au_mentorat', 1), fact(2, 'impact.confiance', 'evolution', 1), fact(3, 'impact.confiance', 'evolution', 0), fact(4, 'impact.stage', 'trouve', 1), fact(5, 'impact.stage', 'trouve', null)];
    expect([...impactOutcomes(values, 'impact.confiance')]).toEqual([[1, true], [2, false], [3, false]]);
    expect([...impactOutcomes(values, 'impact.stage')]).toEqual([[4, true]]);
  });

  it('splits by band with the shares, and hides a band whose counts are small', () => {
    const values: IndicatorFact[] = [];
    let id = 0;
    const add = (score: number, yes: boolean, times: number) => {
      for (let i = 0; i < times; i++) {
        id++;
        values.push(fact(id, 'realisations.qualite_relation', 'score', score), fact(id, 'impact.confiance', 'evolution', yes ? 1 : 0));
        if (yes) values.push(fact(id, 'impact.confiance', 'grace_au_mentorat', 1));
      }
    };
    add(100, true, 24);
    add(100, false, 12);
    add(33.3, true, 11);
    add(33.3, false, 22);
    const confidence = splitByRelationship(values, 11).find((s) => s.indicatorId === 'impact.confiance')!;
    const [faible, moyenne, bonne] = confidence.rows;
    expect(bonne).toMatchObject({ key: 'bonne', answered: 36, yes: 24 });
    expect(bonne!.share).toBeCloseTo(2 / 3, 10);
    expect(faible).toMatchObject({ key: 'faible', answered: 33, yes: 11 });
    expect(faible!.share).toBeCloseTo(1 / 3, 10);
    expect(moyenne).toMatchObject({ key: 'moyenne', answered: 0, share: null });
    // Three young people in the middle band: hidden, and enough neighbours hidden that no difference gives them away.
    add(58.3, true, 2);
    add(58.3, false, 1);
    const small = splitByRelationship([...values], 11).find((s) => s.indicatorId === 'impact.confiance')!;
    expect(small.rows[1]).toMatchObject({ key: 'moyenne', answered: { suppressed: true }, share: { suppressed: true } });
    for (const row of small.rows) for (const c of [row.answered, row.yes]) if (typeof c === 'number') expect(c === 0 || c >= 11).toBe(true);
  });
});

describe('relationship quality on a real SQLite (answers → indicator values → reports)', () => {
  let t: TestApp;
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  beforeAll(async () => {
    t = testApp({ now: new Date('2026-06-15T10:00:00Z') });
    const { department } = makeDepartment(t.db);
    const association = makeAssociation(t.db, [department.id]);
    const evaluatorUser = await makeUser(t.db, { role: 'evaluateur', departmentId: department.id });
    const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
    evaluator = await t.loginAs(evaluatorUser);
    const saved = await evaluator
      .put('/api/indicators/selection')
      .send({ year: 2026, keyIndicatorIds: ['realisations.jeunes_accompagnes', 'resultats.objectif_atteint', 'resultats.abandons', 'impact.confiance', 'impact.notes'], optionalIndicatorIds: ['realisations.qualite_relation'] });
    expect(saved.status).toBe(200);
    const staff: StaffContext = { ...t.ctx, actor: { userId: lead.id, role: 'responsable_association', departmentId: department.id, associationId: association.id } };
    const answer = (relation: number, yes: boolean) => ({
      relation_ecoute: relation,
      relation_parler: relation,
      relation_avancer: relation,
      relation_confiance: relation,
      ...(yes ? { confiance_avant: 2, confiance_aujourdhui: 4, confiance_grace: 'oui' } : { confiance_avant: 3, confiance_aujourdhui: 3 }),
    });
    const plan: [number, boolean, number][] = [
      [4, true, 24],
      [4, false, 12],
      [2, true, 11],
      [2, false, 22],
    ];
    for (const [relation, yes, times] of plan) {
      for (let i = 0; i < times; i++) {
        const m = makeMentorship(t.db, { departmentId: department.id, associationId: association.id, startedOn: '2025-10-01' });
        const closed = closeMentorship(staff, m.id, { endedOn: '2026-05-01', status: 'cloture', closureReason: 'fin_prevue' });
        const youth = closed.links.find((l) => l.audience === 'youth')!;
        const link = findOpenLinkByToken(t.ctx, youth.url.slice(youth.url.lastIndexOf('/') + 1))!;
        submitResponse(t.ctx, link, { answers: answer(relation, yes) });
      }
    }
  });
  afterAll(() => t.dispose());

  it('gives the impact shares by band (score 100 = bonne, 33.3 = faible)', async () => {
    const res = await evaluator.get('/api/reports/relationship?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.message).toBeNull();
    const confidence = res.body.splits.find((s: { indicatorId: string }) => s.indicatorId === 'impact.confiance');
    const byKey = Object.fromEntries(confidence.rows.map((r: { key: string }) => [r.key, r]));
    expect(byKey.bonne).toMatchObject({ answered: 36, yes: 24 });
    expect(byKey.bonne.share).toBeCloseTo(2 / 3, 10);
    expect(byKey.faible).toMatchObject({ answered: 33, yes: 11 });
    expect(byKey.moyenne).toMatchObject({ answered: 0, yes: 0, share: null });
  });

  it('shows the relationship-quality figure on the value chain: mean youth score and bands', async () => {
    const res = await evaluator.get('/api/reports/value-chain?year=2026');
    expect(res.status).toBe(200);
    const figure = res.body.links.flatMap((l: { figures: unknown[] }) => l.figures).find((f: { indicatorId: string }) => f.indicatorId === 'realisations.qualite_relation');
    // (36 × 100 + 33 × 33.3) / 69
    expect(figure.current.value).toBeCloseTo((36 * 100 + 33 * 33.3) / 69, 6);
    expect(figure.current.n).toBe(69);
    const bands = figure.breakdowns.find((b: { key: string }) => b.key === 'jeune').current.items.map((i: { key: string; count: unknown }) => [i.key, i.count]);
    expect(bands).toEqual([['faible', 33], ['moyenne', 0], ['bonne', 36]]);
  });

  it('is followed over the years in the evolution, association by association', async () => {
    const res = await evaluator.get('/api/reports/evolution?year=2026&indicator=realisations.qualite_relation');
    expect(res.status).toBe(200);
    expect(res.body.compared.indicatorId).toBe('realisations.qualite_relation');
    const point = res.body.compared.associations[0].points.find((p: { year: number }) => p.year === 2026);
    expect(point.measure.value).toBeCloseTo((36 * 100 + 33 * 33.3) / 69, 6);
  });

  it('explains a year without relationship answers, and refuses a bad year in French', async () => {
    const empty = await evaluator.get('/api/reports/relationship?year=2024');
    expect(empty.status).toBe(200);
    expect(empty.body.message).toMatch(/Aucun jeune n’a répondu/);
    const bad = await evaluator.get('/api/reports/relationship?year=1850');
    expect(bad.status).toBe(400);
  });
});
