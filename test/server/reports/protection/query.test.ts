/**
 * The department's ledger is kept between requests (it is the costly part of a report) and rebuilt after any
 * write: on a real migrated SQLite, a report read twice is served from one build, and a new mentorship shows at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protectedDepartment } from '../../../../server/reports/protection/query.ts';
import { resolveScope } from '../../../../server/reports/scope.ts';
import { testApp, type TestApp } from '../../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../../support/factories.ts';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('protected ledger kept between requests', () => {
  let t: TestApp;
  let departmentId: number;
  let associationId: number;
  let evaluator: Awaited<ReturnType<TestApp['loginAs']>>;
  beforeAll(async () => {
    t = testApp({ now: NOW });
    departmentId = makeDepartment(t.db).department.id;
    associationId = makeAssociation(t.db, [departmentId]).id;
    for (let i = 0; i < 20; i++) makeMentorship(t.db, { departmentId, associationId, startedOn: '2026-02-01' });
    evaluator = await t.loginAs(await makeUser(t.db, { role: 'evaluateur', departmentId }));
  });
  afterAll(() => t.dispose());

  const ctxOf = () => ({ ...t.ctx, actor: { userId: 1, role: 'evaluateur' as const, departmentId, associationId: null } }) as unknown as Parameters<typeof protectedDepartment>[0];

  it('is built once while nothing is written, and again after a write', () => {
    const ctx = ctxOf();
    const scope = resolveScope(ctx, undefined, 'export');
    const first = protectedDepartment(ctx, scope);
    expect(protectedDepartment(ctxOf(), scope)).toBe(first);
    makeMentorship(t.db, { departmentId, associationId, startedOn: '2026-03-01' });
    const second = protectedDepartment(ctxOf(), scope);
    expect(second).not.toBe(first);
    expect(second.get(2026)!.total('jeunes', null)).toBe(21);
  });

  it('serves the new figure on the next report, never the kept one', async () => {
    const before = await evaluator.get('/api/reports/dashboard?year=2026');
    makeMentorship(t.db, { departmentId, associationId, startedOn: '2026-04-01' });
    const after = await evaluator.get('/api/reports/dashboard?year=2026');
    expect(after.body.youngPeople).toBe(before.body.youngPeople + 1);
  });

  it('refuses a year not begun yet in French, changing nothing', async () => {
    const res = await evaluator.get('/api/reports/dashboard?year=2027');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/pas encore commencée/);
  });
});
