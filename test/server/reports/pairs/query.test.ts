/**
 * The youth / mentor agreement (pairs) report reads the department's one ledger, on a real migrated SQLite: its
 * cells are the ledger's (one verdict with every other table of the department), an association's row is the
 * same whoever reads it, and the « Toutes les associations » row never gives a hidden association away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorValues, links, questionnaireVersions, responses } from '../../../../db/schema/index.ts';
import { agreement, PAIRS } from '../../../../server/reports/pairs/compute.ts';
import { protectedYear } from '../../../../server/reports/protection/query.ts';
import { resolveScope } from '../../../../server/reports/scope.ts';
import { testApp, type TestApp } from '../../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../../support/factories.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const hidden = (c: unknown) => typeof c === 'object' && c !== null && (c as { suppressed?: boolean }).suppressed === true;
type Measure = { value: unknown; n: unknown; denominator: unknown };
type Row = { associationId: number | null; label: string; agreement: { objective: Measure; frequency: Measure; frequencyClose: Measure } };

describe('pairs report on the department ledger', () => {
  let t: TestApp;
  let departmentId: number;
  let a: { id: number }[];
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  beforeAll(async () => {
    t = testApp({ now: NOW });
    departmentId = makeDepartment(t.db).department.id;
    a = [makeAssociation(t.db, [departmentId]), makeAssociation(t.db, [departmentId])];
    let n = 0;
    for (const audience of ['youth', 'mentor'] as const) {
      t.db.insert(questionnaireVersions).values({ departmentId, audience, hash: `h-${audience}`, surveyJson: {}, noticeJson: { title: 't', paragraphs: [] }, indicatorIds: [], createdAt: NOW }).run();
    }
    const versions = t.db.select().from(questionnaireVersions).all();
    // A1: 24 pairs who both answered (18 agree); A2: 3 pairs (hidden: the department row would give them away).
    for (const [association, pairs] of [[a[0]!, 24], [a[1]!, 3]] as const) {
      for (let i = 0; i < pairs; i++) {
        const m = makeMentorship(t.db, { departmentId, associationId: association.id, startedOn: '2026-01-10', endedOn: '2026-06-01', status: 'objectif_atteint' });
        for (const version of versions) {
          const audience = version.audience as 'youth' | 'mentor';
          const link = t.db.insert(links).values({ publicId: `p${++n}`, tokenHash: `t${n}`, mentorshipId: m.id, audience, questionnaireVersionId: version.id, state: 'repondu', expiresAt: NOW, createdAt: NOW }).returning().get();
          const response = t.db.insert(responses).values({ linkId: link.id, mentorshipId: m.id, questionnaireVersionId: version.id, audience, answersJson: {}, submittedAt: NOW }).returning().get();
          const code = audience === 'mentor' && i % 4 === 3 ? 'en_partie' : 'oui';
          t.db.insert(indicatorValues).values({ responseId: response.id, mentorshipId: m.id, departmentId, associationId: association.id, year: 2026, audience, indicatorId: 'resultats.objectif_atteint', dimension: 'atteint', value: code === 'oui' ? 1 : 0.5, valueText: code }).run();
        }
      }
    }
    evaluator = await t.loginAs(await makeUser(t.db, { role: 'evaluateur', departmentId }));
  });
  afterAll(() => t.dispose());

  it('reads the cells of the department ledger', async () => {
    const res = await evaluator.get('/api/reports/pairs?year=2026');
    expect(res.status).toBe(200);
    const ctx = { ...t.ctx, actor: { userId: 1, role: 'evaluateur' as const, departmentId, associationId: null } } as unknown as Parameters<typeof protectedYear>[0];
    const source = protectedYear(ctx, resolveScope(ctx, undefined, 'screen'), 2026);
    expect(source.has(PAIRS.objective) && source.has(PAIRS.frequency)).toBe(true);
    const rows = res.body.rows as Row[];
    expect(rows.find((r) => r.associationId === a[0]!.id)!.agreement).toEqual(JSON.parse(JSON.stringify(agreement(source, a[0]!.id))));
  });

  it('the department row and the associations are suppressed together; a filter reads the same row', async () => {
    const rows = (await evaluator.get('/api/reports/pairs?year=2026')).body.rows as Row[];
    const second = rows.find((r) => r.associationId === a[1]!.id)!;
    const total = rows.find((r) => r.associationId === null)!;
    expect(hidden(second.agreement.objective.denominator)).toBe(true);
    // 27 = 24 + 3: A1's 24 and the department's 27 are never both shown.
    const first = rows.find((r) => r.associationId === a[0]!.id)!;
    expect(hidden(total.agreement.objective.denominator) || hidden(first.agreement.objective.denominator)).toBe(true);
    for (const row of rows.filter((r) => r.associationId !== null)) {
      const filtered = (await evaluator.get(`/api/reports/pairs?year=2026&association=${row.associationId}`)).body.rows as Row[];
      expect(filtered).toEqual([row]);
    }
  });

  it('a year not begun is refused in French', async () => {
    const res = await evaluator.get('/api/reports/pairs?year=2027');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/pas encore commencée/);
  });
});
