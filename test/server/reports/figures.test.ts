/**
 * One definition, one figure (issues 15.3, 15.4, 15.5, 17.3, 12.5): the same figure read from every page and
 * every year range, recomputed here from the database. Threshold k = 1 so that exact values can be compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../db/seed/demo-data.ts';
import { departments } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
type Figure = { indicatorId: string; current: { value: unknown; n: unknown; denominator: unknown }; previous: { value: unknown } | null; change: unknown; details: { key: string; current: { value: number | null; n: unknown } }[] };
const figureOf = (body: { links: { figures: Figure[] }[] }, id: string) => body.links.flatMap((l) => l.figures).find((f) => f.indicatorId === id)!;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('report figures agree wherever they are shown (real SQLite, demo data)', () => {
  let t: TestApp;
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  const get = async (path: string) => {
    const res = await evaluator.get(path);
    expect(res.status, `${path} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
    return res.body;
  };
  const scalar = <T>(sql: string, ...args: unknown[]) => (t.sqlite.prepare(sql).get(...args) as { v: T }).v;

  beforeAll(async () => {
    t = testApp({ now: NOW });
    const demo = await seedDemo(t.database, { config: t.ctx.config, logger: t.ctx.logger, now: NOW });
    t.db.update(departments).set({ suppressionThreshold: 1 }).run();
    evaluator = await t.loginAs(demo.logins.find((l) => l.role === 'evaluateur')!);
  });
  afterAll(() => t.dispose());

  it('mentors trained in 2025: the 2025 page, the 2025 column of the 2026 page and the mentors table give one number', async () => {
    const table = scalar<number>("SELECT count(*) AS v FROM mentors WHERE trained_on LIKE '2025-%'");
    expect(table).toBeGreaterThan(0);
    const page2025 = figureOf(await get('/api/reports/value-chain?year=2025'), 'realisations.mentors_formes');
    const page2026 = figureOf(await get('/api/reports/value-chain?year=2026&compare=previous'), 'realisations.mentors_formes');
    expect(page2025.current.value).toBe(table);
    expect(page2026.previous!.value).toBe(table);
    expect(page2026.current.value).toBe(scalar<number>("SELECT count(*) AS v FROM mentors WHERE trained_on LIKE '2026-%'"));
    const evo = await get('/api/reports/evolution?year=2026&indicator=realisations.mentors_formes');
    for (const a of evo.compared.associations) {
      const own = scalar<number>("SELECT count(*) AS v FROM mentors WHERE trained_on LIKE '2025-%' AND association_id = ?", a.associationId);
      expect(a.points.find((p: { year: number }) => p.year === 2025).measure.value, a.associationName).toBe(own);
      expect(figureOf(await get(`/api/reports/value-chain?year=2025&association=${a.associationId}`), 'realisations.mentors_formes').current.value).toBe(own);
    }
  });

  it('objective reached: the indicator is the status; the other readings and the status/reason conflicts are in the data-quality panel', async () => {
    const vc = await get('/api/reports/value-chain?year=2026');
    const reached = figureOf(vc, 'resultats.objectif_atteint');
    const byStatus = scalar<number>("SELECT count(*) AS v FROM mentorships WHERE status = 'objectif_atteint' AND ended_on LIKE '2026-%'");
    expect(reached.current.n).toBe(byStatus);
    const readings = Object.fromEntries(vc.dataQuality.objectiveReadings.map((r: { key: string; count: number }) => [r.key, r]));
    expect(readings.statut).toMatchObject({ count: byStatus, isIndicator: true });
    expect(readings.motif).toMatchObject({ count: scalar<number>("SELECT count(*) AS v FROM mentorships WHERE closure_reason = 'objectif_atteint' AND ended_on LIKE '2026-%'"), isIndicator: false });
    expect(readings.categorie.count).toBe(
      scalar<number>("SELECT count(*) AS v FROM mentorships WHERE ended_on LIKE '2026-%' AND (closure_reason IN ('objectif_atteint', 'fin_prevue') OR (closure_reason IS NULL AND status = 'objectif_atteint'))"),
    );
    expect(vc.dataQuality.objectiveDefinition).toMatch(/statut/);
    expect(vc.dataQuality.conflicts.total).toBe(0);

    // Two rows whose reason contradicts their status (as an old import could leave them) are flagged, by kind and association.
    const rows = t.sqlite.prepare("SELECT id, association_id AS a FROM mentorships WHERE status = 'objectif_atteint' AND ended_on LIKE '2026-%' LIMIT 2").all() as { id: number; a: number }[];
    t.sqlite.prepare("UPDATE mentorships SET closure_reason = 'dispo_mentor' WHERE id = ?").run(rows[0]!.id);
    const closed = t.sqlite.prepare("SELECT id FROM mentorships WHERE status = 'cloture' AND ended_on LIKE '2026-%' LIMIT 1").get() as { id: number };
    t.sqlite.prepare("UPDATE mentorships SET closure_reason = 'objectif_atteint' WHERE id = ?").run(closed.id);
    try {
      const after = (await get('/api/reports/value-chain?year=2026')).dataQuality;
      expect(after.conflicts.total).toBe(2);
      const kinds = Object.fromEntries(after.conflicts.items.map((i: { key: string; count: number }) => [i.key, i.count]));
      expect(kinds).toMatchObject({ atteint_sans_motif_atteint: 1, cloture_motif_objectif_atteint: 1, abandon_motif_atteint: 0 });
      expect(after.conflictsByAssociation.total).toBe(2);
    } finally {
      t.sqlite.prepare("UPDATE mentorships SET closure_reason = 'objectif_atteint' WHERE id = ?").run(rows[0]!.id);
      t.sqlite.prepare("UPDATE mentorships SET closure_reason = 'fin_prevue' WHERE id = ?").run(closed.id);
    }
  });

  it('data-quality panel: draft declarations and the response coverage of each impact share', async () => {
    const vc = await get('/api/reports/value-chain?year=2026');
    const drafts = scalar<number>("SELECT count(*) AS v FROM declarations WHERE year = 2026 AND state = 'brouillon'");
    expect(drafts).toBeGreaterThan(0);
    expect(vc.dataQuality.declarations.filter((d: { state: string }) => d.state === 'brouillon')).toHaveLength(drafts);
    for (const c of vc.dataQuality.coverage) {
      const f = figureOf(vc, c.indicatorId);
      expect(c.answers, c.indicatorId).toBe(f.current.denominator);
      expect(c.closed).toBe(vc.mentorshipsClosed);
      expect(c.share).toBeCloseTo(c.answers / c.closed, 10);
    }
  });

  it('answers received: young people and mentors apart, with the response-rate page’s own figures', async () => {
    const vc = await get('/api/reports/value-chain?year=2026');
    const rates = await get('/api/reports/response-rate?year=2026');
    const total = rates.rows.find((r: { associationId: number | null }) => r.associationId === null);
    expect(vc.answers.youth).toEqual(total.youth);
    expect(vc.answers.mentor).toEqual(total.mentor);
    const answered = (audience: string) =>
      scalar<number>(
        "SELECT count(*) AS v FROM responses r JOIN mentorships m ON m.id = r.mentorship_id WHERE r.audience = ? AND r.declined = 0 AND m.ended_on LIKE '2026-%'",
        audience,
      );
    expect(vc.answers.youth.answered).toBe(answered('youth'));
    expect(vc.answers.mentor.answered).toBe(answered('mentor'));
    expect(vc).not.toHaveProperty('answersReceived');
  });

  it('means of "before" and "now" rest on the same young people as the change', async () => {
    // A young person who answered "before" only: counted in no mean of the pair.
    const lone = t.sqlite
      .prepare("SELECT response_id AS r, mentorship_id AS m, department_id AS d, association_id AS a FROM indicator_values WHERE indicator_id = 'impact.confiance' AND dimension = 'evolution' AND year = 2026 LIMIT 1")
      .get() as { r: number; m: number; d: number; a: number };
    t.sqlite.prepare("DELETE FROM indicator_values WHERE response_id = ? AND indicator_id = 'impact.confiance' AND dimension IN ('aujourdhui', 'evolution')").run(lone.r);
    t.sqlite.prepare("UPDATE indicator_values SET value = 1 WHERE response_id = ? AND indicator_id = 'impact.confiance' AND dimension = 'avant'").run(lone.r);
    const vc = await get('/api/reports/value-chain?year=2026');
    const details = Object.fromEntries(figureOf(vc, 'impact.confiance').details.map((d) => [d.key, d.current]));
    const pairs = t.sqlite
      .prepare(
        `SELECT b.value AS before, n.value AS now FROM indicator_values b JOIN indicator_values n ON n.response_id = b.response_id AND n.indicator_id = b.indicator_id AND n.dimension = 'aujourdhui'
         WHERE b.indicator_id = 'impact.confiance' AND b.dimension = 'avant' AND b.year = 2026 AND b.audience = 'youth'`,
      )
      .all() as { before: number; now: number }[];
    expect(details.avant!.n).toBe(pairs.length);
    expect(details.aujourdhui!.n).toBe(pairs.length);
    expect(details.evolution!.n).toBe(pairs.length);
    expect(details.avant!.value).toBeCloseTo(mean(pairs.map((p) => p.before)), 10);
    expect(details.aujourdhui!.value).toBeCloseTo(mean(pairs.map((p) => p.now)), 10);
    expect(details.aujourdhui!.value! - details.avant!.value!).toBeCloseTo(details.evolution!.value!, 10);
  });

  it('dashboard of a past year: statuses as they stood on 31 December, matching the value chain’s closures', async () => {
    const dash = await get('/api/reports/dashboard?year=2025');
    expect(dash.date).toBe('2025-12-31');
    const status = Object.fromEntries(dash.charts.find((c: { key: string }) => c.key === 'statut').distribution.items.map((i: { key: string; count: number }) => [i.key, i.count]));
    const vc = await get('/api/reports/value-chain?year=2025');
    expect(status.objectif_atteint).toBe(figureOf(vc, 'resultats.objectif_atteint').current.n);
    expect(status.cloture).toBe(figureOf(vc, 'resultats.clotures').current.value);
    expect(status.abandonne).toBe(figureOf(vc, 'resultats.abandons').current.value);
    expect(status.en_cours).toBe(dash.inProgressAt);
    expect(status.en_cours).toBe(
      scalar<number>("SELECT count(*) AS v FROM mentorships WHERE started_on <= '2025-12-31' AND (ended_on IS NULL OR ended_on > '2025-12-31') AND status <> 'candidature'"),
    );
  });

  it('a year before any data reads "pas de données" (null), not 0 and a change of +n', async () => {
    const vc = await get('/api/reports/value-chain?year=2025&compare=previous');
    expect(vc.previousHasData).toBe(false);
    const young = figureOf(vc, 'realisations.jeunes_accompagnes');
    expect(young.previous!.value).toBeNull();
    expect(young.change).toBeNull();
  });

  it('evolution covers every year since the first data, gaps as "no data", the small-sample mark on estimates only', async () => {
    const first = scalar<number>('SELECT id AS v FROM mentorships ORDER BY id LIMIT 1');
    const original = t.sqlite.prepare('SELECT applied_on AS a FROM mentorships WHERE id = ?').get(first) as { a: string };
    t.sqlite.prepare("UPDATE mentorships SET applied_on = '2019-03-01' WHERE id = ?").run(first);
    try {
      const evo = await get('/api/reports/evolution?year=2026');
      expect(evo.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
      const young = evo.keyIndicators.find((s: { indicatorId: string }) => s.indicatorId === 'realisations.jeunes_accompagnes');
      const y2021 = young.points.find((p: { year: number }) => p.year === 2021);
      expect(y2021).toMatchObject({ noData: true, measure: { value: null } });
      for (const s of evo.keyIndicators) for (const p of s.points) if (s.unit === 'nombre' && p.measure.denominator === null) expect(p.smallSample, `${s.indicatorId} ${p.year}`).toBe(false);
    } finally {
      t.sqlite.prepare('UPDATE mentorships SET applied_on = ? WHERE id = ?').run(original.a, first);
    }
  });
});
