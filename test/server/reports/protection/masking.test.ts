/**
 * Issues 15.1, 15.2 and 17.9 on a real migrated SQLite: links issued per association protected against
 * "total minus the others"; a count hidden only in complement reads « masqué » everywhere; an association reads
 * its own figures unmasked on screen, while department views and every export stay masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorValues, links, questionnaireVersions, responses } from '../../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../../support/factories.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
type Agent = Awaited<ReturnType<TestApp['loginAs']>>;
type Rate = { issued: unknown; answered: unknown; declined: unknown; pending: unknown; rate: unknown; lowRate: boolean };
type Row = { associationId: number | null; year: number; youth: Rate; mentor: Rate };
const hidden = (c: unknown) => typeof c === 'object' && c !== null && (c as { suppressed?: boolean }).suppressed === true;

describe('protected source on the reports API', () => {
  let t: TestApp;
  let evaluator: Agent;
  let lead1: Agent;
  let lead3: Agent;
  let a: { id: number }[];
  beforeAll(async () => {
    t = testApp({ now: NOW });
    const { department } = makeDepartment(t.db);
    a = [makeAssociation(t.db, [department.id]), makeAssociation(t.db, [department.id]), makeAssociation(t.db, [department.id])];
    const version = t.db
      .insert(questionnaireVersions)
      .values({ departmentId: department.id, audience: 'youth', hash: 'h', surveyJson: {}, noticeJson: { title: 't', paragraphs: [] }, indicatorIds: [], createdAt: NOW })
      .returning()
      .get();
    // A1: 30 ended (20 reached, 10 closed), 23 youth answers; A2: 25 ended, 20 answers; A3: 4 ended, 3 answers.
    const plan = [
      { association: a[0]!, reached: 20, closed: 10, answered: 23 },
      { association: a[1]!, reached: 14, closed: 11, answered: 20 },
      { association: a[2]!, reached: 2, closed: 2, answered: 3 },
    ];
    let n = 0;
    for (const p of plan) {
      for (let i = 0; i < p.reached + p.closed; i++) {
        const m = makeMentorship(t.db, {
          departmentId: department.id,
          associationId: p.association.id,
          startedOn: '2026-01-10',
          endedOn: '2026-06-01',
          status: i < p.reached ? 'objectif_atteint' : 'cloture',
        });
        const link = t.db
          .insert(links)
          .values({ publicId: `p${++n}`, tokenHash: `t${n}`, mentorshipId: m.id, audience: 'youth', questionnaireVersionId: version.id, state: i < p.answered ? 'repondu' : 'ouvert', expiresAt: NOW, createdAt: NOW })
          .returning()
          .get();
        if (i >= p.answered) continue;
        const response = t.db.insert(responses).values({ linkId: link.id, mentorshipId: m.id, questionnaireVersionId: version.id, audience: 'youth', answersJson: {}, submittedAt: NOW }).returning().get();
        // Self-confidence: better than before (every other young person) and thanks to the mentoring.
        const value = (dimension: string, v: number) => ({ responseId: response.id, mentorshipId: m.id, departmentId: department.id, associationId: p.association.id, year: 2026, audience: 'youth' as const, indicatorId: 'impact.confiance', dimension, value: v, valueText: null });
        // One young person per association skipped the question: its answers are not the answered links' cell.
        if (i > 0) t.db.insert(indicatorValues).values([value('evolution', i % 2), value('grace_au_mentorat', 1)]).run();
      }
    }
    evaluator = await t.loginAs(await makeUser(t.db, { role: 'evaluateur', departmentId: department.id }));
    lead1 = await t.loginAs(await makeUser(t.db, { role: 'responsable_association', associationId: a[0]!.id }));
    lead3 = await t.loginAs(await makeUser(t.db, { role: 'responsable_association', associationId: a[2]!.id }));
  });
  afterAll(() => t.dispose());

  it('15.1: links issued per association — a hidden association is never "total minus the others"', async () => {
    const res = await evaluator.get('/api/reports/response-rate?year=2026');
    expect(res.status).toBe(200);
    const rows = res.body.rows as Row[];
    const total = rows.find((r) => r.associationId === null)!;
    const perAssociation = rows.filter((r) => r.associationId !== null);
    // A3's 4 links are hidden ...
    expect(hidden(perAssociation.find((r) => r.associationId === a[2]!.id)!.youth.issued)).toBe(true);
    // ... and the line "department = Σ associations" leaves it undetermined: the total or a second association is hidden too.
    const hiddenCount = perAssociation.filter((r) => hidden(r.youth.issued)).length;
    expect(hidden(total.youth.issued) || hiddenCount >= 2).toBe(true);
    // A warning "less than 50 %" is never given on a hidden rate (it would narrow the hidden count).
    for (const r of rows) for (const aud of [r.youth, r.mentor]) if (aud.lowRate) expect(typeof aud.rate).toBe('number');
    // One verdict per population, whichever filter asks.
    for (const row of perAssociation) {
      const filtered = await evaluator.get(`/api/reports/response-rate?year=2026&association=${row.associationId}`);
      expect(filtered.body.rows[0].youth).toEqual(row.youth);
    }
  });

  it('12.4: questionnaire answers — the department minus the other associations never gives a hidden one away', async () => {
    const confidence = (body: { status: string; links?: { figures: { indicatorId: string; current: { denominator: unknown } }[] }[] }) =>
      body.status !== 'ok' ? { suppressed: true } : body.links!.flatMap((l) => l.figures).find((f) => f.indicatorId === 'impact.confiance')!.current.denominator;
    const department = confidence((await evaluator.get('/api/reports/value-chain?year=2026')).body);
    const per = await Promise.all(a.map(async (x) => confidence((await evaluator.get(`/api/reports/value-chain?year=2026&association=${x.id}`)).body)));
    // A3's 2 answers are hidden; 43 = 22 + 19 + 2 must not be readable with all three other numbers shown.
    expect(hidden(per[2])).toBe(true);
    expect([department, per[0], per[1]].some(hidden)).toBe(true);
  });

  it('15.2: a count hidden only in complement reads « masqué » on the value chain JSON and in the CSV', async () => {
    const res = await evaluator.get(`/api/reports/value-chain?year=2026&association=${a[0]!.id}`);
    expect(res.status).toBe(200);
    const figure = res.body.links.flatMap((l: { figures: unknown[] }) => l.figures).find((f: { indicatorId: string }) => f.indicatorId === 'resultats.objectif_atteint');
    // 20 reached of 30 with 10 closed hidden: either the 20 is shown (and the 30 hidden in its place), or it is
    // hidden in complement — never marked as a small count.
    if (typeof figure.current.n !== 'number') expect(figure.current.n).toEqual({ suppressed: true, complement: true });
    expect(figure.current.n === 20 ? hidden(figure.current.denominator) : true).toBe(true);
    const csv = await evaluator.get(`/api/reports/export/csv?report=value-chain&year=2026&association=${a[0]!.id}`);
    expect(csv.status).toBe(200);
    const line = (csv.text as string).split('\r\n').find((l) => /^R[ée]sultats[;,]/.test(l) && /bjectif/.test(l) && !l.includes('  '));
    if (!line) throw new Error((csv.text as string).split('\r\n').filter((l) => /bjectif/.test(l)).join('\n'));
    expect(line).toContain('masqué');
    expect(line).not.toContain('< 11');
  });

  it('17.9: an association reads its own counts unmasked on screen', async () => {
    const own1 = await lead1.get('/api/reports/response-rate?year=2026');
    expect(own1.body.rows).toHaveLength(1);
    expect(own1.body.rows[0].youth).toMatchObject({ issued: 30, answered: 23, pending: 7, rate: 23 / 30 });
    const own3 = await lead3.get('/api/reports/response-rate?year=2026');
    expect(own3.body.rows[0].youth).toMatchObject({ issued: 4, answered: 3, pending: 1 });
    const chain = await lead3.get('/api/reports/value-chain?year=2026');
    expect(chain.body.status).toBe('ok');
    expect(chain.body.mentorshipsClosed).toBe(4);
  });

  it('17.9: what leaves the association stays masked — its exports, and the department view of it', async () => {
    const csv = await lead3.get('/api/reports/export/csv?report=response-rate&year=2026');
    expect(csv.status).toBe(200);
    const text = csv.text as string;
    expect(text).toContain('< 11');
    expect(text).not.toMatch(/[;,]4[;,]/);
    const print = await lead3.get('/api/reports/export/print?year=2026');
    expect(print.status).toBe(200);
    expect(print.text).not.toMatch(/>3 \/ 4</);
    const workbook = await lead3.get('/api/reports/export/workbook?year=2026').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(workbook.status).toBe(200);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    await wb.xlsx.load(workbook.body as never);
    const values: unknown[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value))));
    // Not one count of 1..10 leaves in the file.
    expect(values.filter((v) => typeof v === 'number' && v >= 1 && v < 11 && Number.isInteger(v))).toEqual([]);
    const department = await evaluator.get(`/api/reports/response-rate?year=2026&association=${a[2]!.id}`);
    expect(hidden(department.body.rows[0].youth.issued)).toBe(true);
  });
});
