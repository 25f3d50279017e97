import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, funnelLimits, funnelPanel, tooSmallLabel, type FunnelUnit } from '../../../server/reports/funnel/compute.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';

// Hand-computed (p0 = 0.5): se = √(0.25 / n); 95 %: ± 1.959964·se; 99.8 %: ± 3.090232·se.
//   n = 25: se = 0.1        → 95 % [0.304004, 0.695996], 99.8 % [0.190977, 0.809023]
//   n = 55: se = 0.0674200  → 95 % [0.367859, 0.632141], 99.8 % [0.291657, 0.708343]
//   n = 65: se = 0.0620174  → 95 % [0.378448, 0.621552], 99.8 % [0.308352, 0.691648]
const HAND = [
  { n: 25, low95: 0.304004, high95: 0.695996, low998: 0.190977, high998: 0.809023 },
  { n: 55, low95: 0.367859, high95: 0.632141, low998: 0.291657, high998: 0.708343 },
  { n: 65, low95: 0.378448, high95: 0.621552, low998: 0.308352, high998: 0.691648 },
];

// The small table: A 44/55, B 23/65, C 6/10, D 4/10, E 3/20 (3 reached: hidden), F no data → department 80/160 = 0.5.
const TABLE: [string, number, number][] = [
  ['Association A', 44, 55],
  ['Association B', 23, 65],
  ['Association C', 6, 10],
  ['Association D', 4, 10],
  ['Association E', 3, 20],
  ['Association F', 0, 0],
];
const units = (rows: [string, number, number][]): FunnelUnit[] => rows.map(([name, numerator, denominator], i) => ({ associationId: i + 1, name, numerator, denominator }));

describe('funnel limits (pure)', () => {
  it.each(HAND)('matches the hand-computed limits at n = $n', (hand) => {
    const limits = funnelLimits(0.5, hand.n)!;
    expect(limits.low95).toBeCloseTo(hand.low95, 5);
    expect(limits.high95).toBeCloseTo(hand.high95, 5);
    expect(limits.low998).toBeCloseTo(hand.low998, 5);
    expect(limits.high998).toBeCloseTo(hand.high998, 5);
  });

  it('clips to [0, 1] and refuses n = 0 or a value outside [0, 1]', () => {
    const limits = funnelLimits(0.95, 11)!;
    expect(limits.high998).toBe(1);
    expect(limits.low998).toBeGreaterThan(0);
    expect(funnelLimits(0.5, 0)).toBeNull();
    expect(funnelLimits(Number.NaN, 10)).toBeNull();
    expect(funnelLimits(1.2, 10)).toBeNull();
  });

  it('classifies above / below each limit, a point on a limit counting as inside', () => {
    const at55 = funnelLimits(0.5, 55)!;
    expect(classify(0.8, at55)).toBe('au_dessus_998');
    expect(classify(0.7, at55)).toBe('au_dessus_95');
    expect(classify(0.5, at55)).toBe('dedans');
    expect(classify(at55.high95, at55)).toBe('dedans');
    expect(classify(0.35, at55)).toBe('en_dessous_95');
    expect(classify(0.2, at55)).toBe('en_dessous_998');
  });

  it('writes the count of small associations in French, singular and plural', () => {
    expect(tooSmallLabel(1)).toBe('1 association trop petite pour être placée');
    expect(tooSmallLabel(2)).toBe('2 associations trop petites pour être placées');
  });
});

describe('funnel panel on a small table (pure)', () => {
  it('places A above the 99.8 % limit and B below the 95 % one, counts C and D as too small and E as masked', () => {
    const panel = funnelPanel({ key: 'x', label: 'X', k: 11, units: units(TABLE) });
    expect(panel.status).toBe('ok');
    if (panel.status !== 'ok') return;
    expect(panel.department).toEqual({ value: 0.5, numerator: 80, denominator: 160 });
    expect(panel.rows.map((r) => r.name)).toEqual(TABLE.map((t) => t[0])); // alphabetical, never ranked
    const [a, b, c, d, e, f] = panel.rows;
    expect(a).toMatchObject({ status: 'placee', n: 55, value: 0.8, position: 'au_dessus_998' });
    expect(a!.limits!.high998).toBeCloseTo(0.708343, 5);
    expect(b).toMatchObject({ status: 'placee', n: 65, position: 'en_dessous_95' });
    expect(b!.value).toBeCloseTo(23 / 65, 10);
    expect(b!.limits!.low95).toBeCloseTo(0.378448, 5);
    expect(b!.limits!.low998).toBeCloseTo(0.308352, 5);
    for (const hidden of [c, d]) expect(hidden).toMatchObject({ status: 'trop_petite', n: null, value: null, position: null, limits: null });
    expect(e).toMatchObject({ status: 'masquee', n: null, value: null, limits: null });
    expect(f).toMatchObject({ status: 'sans_donnee', n: null });
    expect(panel.notes).toEqual(['2 associations trop petites pour être placées', '1 association non placée (secret statistique)']);
    // The limit curves start at k and carry no association's hidden size.
    expect(panel.curve[0]!.n).toBe(11);
    expect(panel.curve.at(-1)!.n).toBeGreaterThanOrEqual(65);
  });

  it('masks the smallest placed association when a single small one could be recovered from the department total', () => {
    const panel = funnelPanel({ key: 'x', label: 'X', k: 11, units: units([['A', 44, 55], ['B', 23, 65], ['C', 6, 10]]) });
    expect(panel.status).toBe('ok');
    if (panel.status !== 'ok') return;
    expect(panel.rows.map((r) => r.status)).toEqual(['masquee', 'placee', 'trop_petite']);
    expect(panel.notes).toEqual(['1 association trop petite pour être placée', '1 association non placée (secret statistique)']);
  });

  it('explains instead of plotting when the department value itself is hidden or there is no data', () => {
    const hidden = funnelPanel({ key: 'x', label: 'X', k: 11, units: units([['A', 5, 30], ['B', 4, 30]]) });
    expect(hidden.status).toBe('insufficient');
    expect(hidden.rows.every((r) => r.value === null && r.n === null && r.limits === null)).toBe(true);
    const empty = funnelPanel({ key: 'x', label: 'X', k: 11, units: units([['A', 0, 0], ['B', 0, 0]]) });
    expect(empty).toMatchObject({ status: 'insufficient', message: expect.stringContaining('Aucune donnée') });
  });
});

describe('GET /api/reports/funnel (real SQLite)', () => {
  let t: TestApp;
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  let lead: Awaited<ReturnType<TestApp['loginAs']>>;
  beforeAll(async () => {
    t = testApp({ now: new Date('2026-03-01T10:00:00Z') });
    const { department } = makeDepartment(t.db);
    // Objective reached among mentorships ended in 2025: the same small table as above.
    for (const [name, reached, ended] of TABLE) {
      const association = makeAssociation(t.db, [department.id], { name });
      for (let i = 0; i < ended; i++) {
        makeMentorship(t.db, {
          departmentId: department.id,
          associationId: association.id,
          startedOn: '2024-10-01',
          endedOn: '2025-05-01',
          status: i < reached ? 'objectif_atteint' : 'cloture',
          closureReason: i < reached ? 'objectif_atteint' : 'fin_prevue',
        });
      }
    }
    evaluator = await t.loginAs(await makeUser(t.db, { role: 'evaluateur', departmentId: department.id }));
    const first = makeAssociation(t.db, [department.id], { name: 'Zéphyr' });
    lead = await t.loginAs(await makeUser(t.db, { role: 'responsable_association', associationId: first.id }));
  });
  afterAll(() => t.dispose());

  it('gives the objective-reached funnel with the hand-computed limits and the small associations counted', async () => {
    const res = await evaluator.get('/api/reports/funnel?year=2025');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    const panel = res.body.panels.find((p: { key: string }) => p.key === 'resultats.objectif_atteint');
    expect(panel.status).toBe('ok');
    expect(panel.department).toEqual({ value: 0.5, numerator: 80, denominator: 160 });
    const byName = Object.fromEntries(panel.rows.map((r: { name: string }) => [r.name, r]));
    // Objective reached is a population of the protected source: its single verdict places B (hand-computed limits at
    // n = 65), leaves A out in complement of the small ones (as on A's own value chain), counts C and D as too small.
    expect(byName['Association B']).toMatchObject({ status: 'placee', n: 65, position: 'en_dessous_95' });
    expect(byName['Association B'].limits.low95).toBeCloseTo(0.378448, 5);
    expect(byName['Association B'].limits.low998).toBeCloseTo(0.308352, 5);
    expect(byName['Association A']).toMatchObject({ status: 'masquee', n: null, value: null, limits: null });
    expect(byName['Association C'].status).toBe('trop_petite');
    expect(byName['Association D'].status).toBe('trop_petite');
    expect(byName['Association E'].status).toBe('masquee');
    expect(panel.notes).toEqual(['2 associations trop petites pour être placées', '2 associations non placées (secret statistique)']);
    const ownChain = await evaluator.get(`/api/reports/value-chain?year=2025&association=${byName['Association A'].associationId}`);
    const reached = ownChain.body.links.flatMap((l: { figures: unknown[] }) => l.figures).find((f: { indicatorId: string }) => f.indicatorId === 'resultats.objectif_atteint');
    expect(reached.current.value).toMatchObject({ suppressed: true });
    // Response-rate panels are there too; without any link they explain that there is no data.
    const youth = res.body.panels.find((p: { key: string }) => p.key === 'taux_reponse.jeunes');
    expect(youth).toMatchObject({ status: 'insufficient', message: expect.stringContaining('Aucune donnée') });
  });

  it('never sends a value, size or limit for an association left out', async () => {
    const res = await evaluator.get('/api/reports/funnel?year=2025');
    for (const panel of res.body.panels) {
      for (const row of panel.rows) if (row.status !== 'placee') expect([row.n, row.value, row.limits, row.position]).toEqual([null, null, null, null]);
    }
  });

  it('answers a year without data with an explanation, and a bad year with a French 400', async () => {
    const empty = await evaluator.get('/api/reports/funnel?year=2019');
    expect(empty.status).toBe(200);
    expect(empty.body.panels.every((p: { status: string; message?: string }) => p.status === 'insufficient' && p.message!.length > 10)).toBe(true);
    const bad = await evaluator.get('/api/reports/funnel?year=deux-mille');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/[a-zé]/);
  });

  it('goes into the CSV, the workbook and the printable report, never with a left-out association’s figures', async () => {
    const csv = await evaluator.get('/api/reports/export/csv?report=funnel&year=2025');
    expect(csv.status).toBe(200);
    const lines = csv.text.split(/\r\n/);
    expect(lines.find((l) => l.includes('Association B'))).toMatch(/En dessous de la limite à 95 %/);
    expect(lines.find((l) => l.includes('Association C'))).toMatch(/Non placée : trop petite/);
    // C's own value (6 of 10 = 60 %) and size never appear; only the department's value sits on its line.
    expect(lines.find((l) => l.includes('Association C'))).not.toMatch(/60 %|\b10\b/);
    expect(csv.text).toContain('2 associations trop petites pour être placées');
    const nonResponse = await evaluator.get('/api/reports/export/csv?report=non-response&year=2025');
    expect(nonResponse.status).toBe(200);
    expect(nonResponse.text).toContain('Aucun lien émis');
    const print = await evaluator.get('/api/reports/export/print?year=2025');
    expect(print.status).toBe(200);
    expect(print.text).toContain('Comparer les associations sans les classer');
    expect(print.text).toContain('<svg');
    const workbook = await evaluator.get('/api/reports/export/workbook?year=2025').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(workbook.status).toBe(200);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(workbook.body as never);
    const texts: string[] = [];
    wb.getWorksheet('Synthèse des résultats')!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Comparer les associations sans les classer (entonnoirs, limites à 95 % et 99,8 %)');
    expect(texts).toContain('Non-réponse : répondants comparés à tous les mentorats terminés');
    expect(texts).toContain('En dessous de la limite à 95 %');
  });

  it('is for department staff only', async () => {
    expect((await lead.get('/api/reports/funnel?year=2025')).status).toBe(403);
    const csv = await lead.get('/api/reports/export/csv?report=funnel&year=2025');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('réservée au département');
    expect(csv.text).not.toContain('Association A');
  });
});
