import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ageAt, ageGroup, computeCotechFigures, toCell, type MentorshipFact } from '../../../server/cotech/compute.ts';
import { SUPPRESSED } from '../../../server/reports/suppression.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship, makeWorld } from '../../support/factories.ts';
import { departments } from '../../../db/schema/index.ts';

describe('small-count suppression helpers', () => {
  it('prints a hidden count as "< k" and never sends its value', () => {
    expect(toCell(0, 11)).toEqual({ value: 0, display: '0', suppressed: false });
    expect(toCell(SUPPRESSED, 11)).toEqual({ value: null, display: '< 11', suppressed: true });
    expect(toCell(1234, 11).display).toBe('1\u202f234');
  });

  it('computes the age at application from the birth month', () => {
    expect(ageAt('2010-03', '2026-02-28')).toBe(15);
    expect(ageAt('2010-03', '2026-03-01')).toBe(16);
    expect(ageAt(null, '2026-03-01')).toBeNull();
    expect(ageGroup(16)).toBe('15 à 17 ans');
    expect(ageGroup(19)).toBe('18 à 21 ans');
  });
});

describe('Cotech figures on a hand-made table', () => {
  const period = { start: '2026-10-01', end: '2026-10-31' };
  const row = (o: Partial<MentorshipFact>): MentorshipFact => ({
    associationId: 1,
    status: 'en_cours',
    appliedOn: '2026-05-01',
    startedOn: '2026-06-01',
    endedOn: null,
    birthMonth: '2010-01',
    placementType: 'MECS_ASSO',
    ...o,
  });
  const mentorships = [
    ...Array.from({ length: 6 }, () => row({})), // in progress, started before
    row({ startedOn: '2026-10-05' }), // started in the period, in progress
    row({ status: 'cloture', endedOn: '2026-10-20' }), // closed in the period
    row({ status: 'cloture', endedOn: '2026-09-20' }), // closed before: not in progress
    row({ status: 'candidature', appliedOn: '2026-10-10', startedOn: null, birthMonth: '2009-12', placementType: 'MNA' }),
    row({ status: 'candidature', appliedOn: '2026-10-11', startedOn: null, birthMonth: '2014-02', placementType: 'MNA' }),
    ...Array.from({ length: 12 }, () => row({ associationId: 2 })),
  ];
  const result = computeCotechFigures({
    period,
    threshold: 3,
    associations: [
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
    ],
    mentorships,
    placements: [
      { code: 'MECS_ASSO', label: 'MECS associatives' },
      { code: 'MNA', label: 'MNA' },
    ],
  });

  it('counts in progress at the end, started and closed in the period, suppressing small counts', () => {
    const a = result.associations[0]!.chiffres;
    expect(a.enCours.display).toBe('7');
    expect(a.commences.display).toBe('< 3');
    expect(a.commences.value).toBeNull();
    expect(a.clotures.display).toBe('< 3');
    expect(result.associations[1]!.chiffres.enCours.display).toBe('12');
    expect(result.ensemble.enCours.display).toBe('19');
  });

  it('breaks the referred profiles down by age group and placement type, suppressed likewise', () => {
    const profils = result.associations[0]!.profils;
    // Two age groups « < 3 » hold at least one application each: a total « < 3 » would say it is 2. It reads
    // « masqué », which states no size (protection/ledger.ts).
    expect(profils.total.display).toBe('masqué');
    expect(profils.total.value).toBeNull();
    expect(profils.parPlacement.find((p) => p.code === 'MNA')!.cell.display).toBe('masqué');
    expect(profils.parAge.find((g) => g.group === '15 à 17 ans')!.cell.display).toMatch(/^(< 3|masqué)$/);
    expect(profils.parAge.find((g) => g.group === '15 à 17 ans')!.cell.value).toBeNull();
    expect(profils.parAge.find((g) => g.group === 'Moins de 11 ans')!.cell.display).toBe('0');
    expect(JSON.stringify(profils)).not.toMatch(/"value":[12]\b/);
  });
});

describe('GET /api/cotech', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    t = testApp({ now: new Date('2026-11-26T10:00:00Z') });
    world = await makeWorld(t.db);
  });
  afterEach(() => t.dispose());

  it('gives the agenda of the last period due, with suppressed figures and the associations’ texts', async () => {
    const [d1, d2] = world;
    t.db.update(departments).set({ suppressionThreshold: 5 }).where(eq(departments.id, d1.department.id)).run();
    for (let i = 0; i < 8; i++) makeMentorship(t.db, { departmentId: d1.department.id, associationId: d1.associations[0].id, startedOn: '2026-09-01' });
    for (let i = 0; i < 2; i++) makeMentorship(t.db, { departmentId: d1.department.id, associationId: d1.associations[1].id, startedOn: '2026-10-03' });
    makeMentorship(t.db, { departmentId: d1.department.id, associationId: d1.associations[1].id, status: 'candidature', appliedOn: '2026-10-15', startedOn: null, matchedOn: null });
    // Another department's rows never count here.
    for (let i = 0; i < 30; i++) makeMentorship(t.db, { departmentId: d2.department.id, associationId: d2.associations[0].id, startedOn: '2026-10-02' });

    t.setNow(new Date('2026-10-30T10:00:00Z'));
    const lead = await t.loginAs(d1.leads[1]);
    await lead
      .post('/api/reporting/2026-10/confirm')
      .send({ difficultes: 'Pas de réponse d’un éducateur pour une candidature.', presentations: 'Présentation au SAF Nord le 3 décembre' })
      .expect(200);
    t.setNow(new Date('2026-11-26T10:00:00Z'));

    const evaluator = await t.loginAs(d1.evaluator);
    const res = await evaluator.get('/api/cotech');
    expect(res.status).toBe(200);
    // 26 November: the last deadline passed is 1 November, for October.
    expect(res.body.period.id).toBe('2026-10');
    expect(res.body.agenda).toHaveLength(4);
    expect(res.body.agenda[0]).toMatch(/chiffres et sur les profils repérés/);
    const [a1, a2] = d1.associations.map((a) => res.body.associations.find((x: { associationId: number }) => x.associationId === a.id));
    expect(a2.chiffres.enCours.display).toBe('< 5');
    // 8 + a small count = the total: one more is hidden so that 2 cannot be deduced. Which one is the verdict of
    // the department's one ledger (the same young people are the year's headline on every report).
    expect(a1.chiffres.enCours.suppressed || res.body.ensemble.enCours.suppressed).toBe(true);
    for (const cell of [a1.chiffres.enCours, res.body.ensemble.enCours]) expect(cell.display).toMatch(/^(8|10|masqué)$/);
    expect(a2.chiffres.commences).toEqual({ value: null, display: '< 5', suppressed: true });
    expect(a2.profils.total.display).toBe('< 5');
    expect(a2.reporting).toBe('a_temps');
    expect(a2.difficultes).toMatch(/éducateur/);
    expect(a2.presentations).toMatch(/SAF Nord/);
    expect(a1.reporting).toBe('manquant');
    expect(res.body.notConfirmed).toEqual([d1.associations[0].name]);
    expect(res.body.associations).toHaveLength(2);
    expect(res.body.nextPeriod.id).toBe('2026-11');

    const chosen = await evaluator.get('/api/cotech').query({ period: '2026-09' });
    expect(chosen.body.period.id).toBe('2026-09');
    expect((await evaluator.get('/api/cotech').query({ period: '2026-T3' })).status).toBe(400);
    expect((await (await t.loginAs(d1.leads[1])).get('/api/cotech')).status).toBe(403);
  });
});

describe('department-wide profiles next to the associations’', () => {
  it('hides cells so that no small count can be recovered by difference, in rows or columns', () => {
    const period = { start: '2026-10-01', end: '2026-10-31' };
    const app = (associationId: number, placementType: string): MentorshipFact => ({
      associationId,
      status: 'candidature',
      appliedOn: '2026-10-05',
      startedOn: null,
      endedOn: null,
      birthMonth: '2010-01',
      placementType,
    });
    const rows = [
      ...Array.from({ length: 2 }, () => app(1, 'MNA')),
      ...Array.from({ length: 6 }, () => app(1, 'MECS_ASSO')),
      ...Array.from({ length: 7 }, () => app(2, 'MNA')),
      ...Array.from({ length: 9 }, () => app(2, 'MECS_ASSO')),
    ];
    const r = computeCotechFigures({
      period,
      threshold: 5,
      associations: [
        { id: 1, name: 'A' },
        { id: 2, name: 'B' },
      ],
      mentorships: rows,
      placements: [
        { code: 'MECS_ASSO', label: 'MECS associatives' },
        { code: 'MNA', label: 'MNA' },
      ],
    });
    type P = { total: { value: number | null }; parPlacement: { code: string; cell: { value: number | null } }[] };
    const v = (p: P, code: string) => p.parPlacement.find((x) => x.code === code)!.cell.value;
    const [a, b] = [r.associations[0]!.profils as P, r.associations[1]!.profils as P];
    const all = r.ensembleProfils as P;
    expect(v(a, 'MNA')).toBeNull();
    // Every line (A's row, B's row, each column, the totals) must leave A's 2 undetermined.
    const known = (x: number | null) => x !== null;
    const rowA = [v(a, 'MNA'), v(a, 'MECS_ASSO')];
    expect(known(a.total.value) && rowA.filter((x) => !known(x)).length === 1).toBe(false);
    const colMna = [v(a, 'MNA'), v(b, 'MNA')];
    expect(known(v(all, 'MNA')) && colMna.filter((x) => !known(x)).length === 1).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/"value":2\b/);
  });
});
