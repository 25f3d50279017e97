import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeWorld } from '../../support/factories.ts';

describe('Cotech: « Prochaine échéance »', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    t = testApp({ now: new Date('2026-11-26T10:00:00Z') });
    world = await makeWorld(t.db);
  });
  afterEach(() => t.dispose());

  it('is never a deadline already past, even for an older period', async () => {
    const evaluator = await t.loginAs(world[0].evaluator);
    for (const period of [undefined, '2026-10', '2026-06', '2025-12']) {
      const res = await evaluator.get('/api/cotech').query(period ? { period } : {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.nextPeriod.dueOn >= '2026-11-26', `${period}: ${res.body.nextPeriod.dueOn}`).toBe(true);
    }
    // Monthly, due the 1st: on 26 November the next deadline is 1 December, for November.
    expect((await evaluator.get('/api/cotech').query({ period: '2026-06' })).body.nextPeriod).toMatchObject({ id: '2026-11', dueOn: '2026-12-01' });
  });
});
