import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/seed/demo-data.ts';
import { DEFAULT_LISTS } from '../../../server/settings/default-lists.ts';
import { computeNonResponse, declareNonResponse, nonResponsePopulation, outcomeOf, type EndedRow, type Outcome } from '../../../server/reports/non-response/compute.ts';
import { ProtectedSource } from '../../../server/reports/protection/source.ts';
import type { ListEntry } from '../../../server/reports/scope.ts';
import { testApp, type TestApp } from '../../support/app.ts';

const lists = Object.fromEntries(Object.entries(DEFAULT_LISTS).map(([kind, entries]) => [kind, entries.map((e) => ({ code: e.code, label: e.label, group: e.groupLabel ?? null }))])) as unknown as Record<string, ListEntry[]>;

function rows(spec: [sex: string, youth: Outcome, count: number][]): EndedRow[] {
  let id = 0;
  return spec.flatMap(([sex, youth, count]) =>
    Array.from({ length: count }, () => ({
      mentorshipId: ++id,
      associationId: 1,
      endedOn: '2025-06-30',
      status: 'cloture',
      closureReason: 'fin_prevue',
      sex,
      birthMonth: '2010-01',
      placementType: 'MECS_ASSO',
      territoryId: null,
      objective: 'soutien_scolaire',
      outcome: { youth, mentor: 'sans_lien' as Outcome },
    })),
  );
}

describe('non-response shares (pure)', () => {
  // 12 girls and 8 boys ended; 9 girls and 3 boys answered → 60 % / 40 % of endings, 75 % / 25 % of respondents.
  const table = rows([
    ['F', 'repondu', 9],
    ['F', 'refus', 1],
    ['F', 'brouillon', 1],
    ['F', 'sans_reponse', 1],
    ['H', 'repondu', 3],
    ['H', 'sans_reponse', 2],
    ['H', 'sans_lien', 2],
    ['H', 'refus', 1],
  ]);
  const [youth, mentor] = computeNonResponse({ k: 3, lists: lists as never, territories: new Map(), rows: table });

  it('compares respondents with every ending, in points, and flags gaps over 10 points', () => {
    const sex = youth!.tables.find((t) => t.key === 'sexe')!;
    const f = sex.rows.find((r) => r.key === 'F')!;
    const h = sex.rows.find((r) => r.key === 'H')!;
    expect(f).toMatchObject({ closures: 12, closuresShare: 0.6, respondents: 9, respondentsShare: 0.75, gapPoints: 15, flagged: true });
    expect(h).toMatchObject({ closures: 8, closuresShare: 0.4, respondents: 3, respondentsShare: 0.25, gapPoints: -15, flagged: true });
    expect(youth!.closures).toBe(20);
    expect(youth!.respondents).toBe(12);
  });

  it('counts refusals and unfinished drafts apart from answers, youth and mentor apart', () => {
    expect(youth!.outcomes.items.map((i) => i.key)).toEqual(['repondu', 'refus', 'brouillon', 'sans_reponse', 'sans_lien']);
    expect(youth!.outcomes.items[3]!.count).toBe(3);
    // Refusals (2), drafts (1) and no link (2) are below k = 3 and hidden together.
    expect(youth!.outcomes.items.filter((i) => typeof i.count !== 'number').map((i) => i.key)).toEqual(['refus', 'brouillon', 'sans_lien']);
    expect(mentor!.respondents).toBe(0);
    expect(mentor!.outcomes.items.find((i) => i.key === 'sans_lien')!.count).toBe(20);
  });

  it('hides a share and its gap when a category is small', () => {
    const small = computeNonResponse({ k: 11, lists: lists as never, territories: new Map(), rows: table })[0]!;
    const f = small.tables.find((t) => t.key === 'sexe')!.rows.find((r) => r.key === 'F')!;
    expect(f.respondents).toEqual({ suppressed: true });
    expect(f.gapPoints).toMatchObject({ suppressed: true });
    expect(f.flagged).toBe(false);
  });

  it('is read from the protected source: the endings are the same cell as the year\'s endings, with one verdict', () => {
    const source = new ProtectedSource(3, [...new Set(table.map((r) => r.associationId))]);
    source.population('termines', 'm', table.map((r) => ({ id: r.mentorshipId, associationId: r.associationId })), {});
    declareNonResponse(source, table, lists as never, new Map());
    source.seal();
    const endings = source.populations.get('termines')!.total.get(null);
    expect(source.populations.get(nonResponsePopulation('youth'))!.total.get(null)).toBe(endings);
    const [y] = computeNonResponse({ k: 3, lists: lists as never, territories: new Map(), rows: [], source, associationId: null });
    expect(y!.closures).toEqual(source.total('termines', null));
    // Each table's respondents add up to the same cell as the outcomes' « Questionnaire envoyé ».
    expect(y!.respondents).toEqual(y!.outcomes.items.find((i) => i.key === 'repondu')!.count);
  });

  it('reads a link: answered, refused, draft, nothing, none', () => {
    expect(outcomeOf({ state: 'repondu', responded: true, declined: false, hasDraft: false })).toBe('repondu');
    expect(outcomeOf({ state: 'refuse', responded: false, declined: null, hasDraft: true })).toBe('refus');
    expect(outcomeOf({ state: 'repondu', responded: true, declined: true, hasDraft: false })).toBe('refus');
    expect(outcomeOf({ state: 'ouvert', responded: false, declined: null, hasDraft: true })).toBe('brouillon');
    expect(outcomeOf({ state: 'ouvert', responded: false, declined: null, hasDraft: false })).toBe('sans_reponse');
    expect(outcomeOf({ state: 'revoque', responded: false, declined: null, hasDraft: false })).toBe('sans_lien');
    expect(outcomeOf(undefined)).toBe('sans_lien');
  });
});

describe('GET /api/reports/non-response on the demo database', () => {
  let t: TestApp;
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  beforeAll(async () => {
    t = testApp({ now: new Date('2026-11-26T10:00:00Z') });
    const demo = await seedDemo(t.database, { config: t.ctx.config, logger: t.ctx.logger, now: new Date('2026-11-26T10:00:00Z') });
    evaluator = await t.loginAs(demo.logins.find((l) => l.role === 'evaluateur')!);
  });
  afterAll(() => t.dispose());

  it('gives youth and mentors apart, respondents equal to the response-rate page, gaps consistent, no count under k', async () => {
    const res = await evaluator.get('/api/reports/non-response?year=2026');
    expect(res.status).toBe(200);
    expect(res.body.definitions.join(' ')).toMatch(/liens émis/);
    expect(res.body.audiences.map((a: { audience: string }) => a.audience)).toEqual(['youth', 'mentor']);
    const rates = await evaluator.get('/api/reports/response-rate?year=2026');
    const all = rates.body.rows.find((r: { associationId: number | null; year: number }) => r.associationId === null && r.year === 2026);
    for (const a of res.body.audiences) {
      if (typeof a.respondents === 'number' && typeof all[a.audience].answered === 'number') expect(a.respondents).toBe(all[a.audience].answered);
      for (const table of a.tables) {
        for (const row of table.rows) {
          for (const c of [row.closures, row.respondents]) if (typeof c === 'number') expect(c === 0 || c >= 11).toBe(true);
          if (typeof row.gapPoints === 'number') {
            expect(row.gapPoints).toBeCloseTo((row.respondentsShare - row.closuresShare) * 100, 0);
            expect(row.flagged).toBe(Math.abs(row.gapPoints) > 10);
          }
        }
      }
    }
  });

  it('answers a year without endings with a message, and a bad association with a French 404', async () => {
    const empty = await evaluator.get('/api/reports/non-response?year=2015');
    expect(empty.status).toBe(200);
    expect(empty.body.message).toMatch(/Aucun mentorat terminé en 2015/);
    const bad = await evaluator.get('/api/reports/non-response?year=2026&association=99999');
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toMatch(/association/i);
  });
});
