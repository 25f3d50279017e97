import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship, makeWorld } from '../../support/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp();
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

describe('mentors', () => {
  it('lists, creates and edits the association’s mentors; others see them read-only or not at all', async () => {
    makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[0].id });
    makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[1].id });
    makeMentorship(t.db, { departmentId: world[1].department.id, associationId: world[1].associations[0].id });
    const lead = await t.loginAs(world[0].leads[0]);
    const mine = await lead.get('/api/mentors');
    expect(mine.body.rows).toHaveLength(1);
    expect(mine.body.rows[0]).toMatchObject({ mentorships: 1, inProgress: 1 });
    const created = await lead.post('/api/mentors').send({ reference: 'M-NOUVEAU', trainedOn: '2026-03-01' });
    expect(created.status).toBe(201);
    expect((await lead.post('/api/mentors').send({ reference: 'M-NOUVEAU' })).status).toBe(409);
    expect((await lead.post('/api/mentors').send({ reference: 'M-FUTUR', trainedOn: '2030-01-01' })).status).toBe(400);
    const edited = await lead.patch(`/api/mentors/${created.body.id}`).send({ trainedOn: null });
    expect(edited.body.trainedOn).toBeNull();

    const otherLead = await t.loginAs(world[0].leads[1]);
    expect((await otherLead.patch(`/api/mentors/${created.body.id}`).send({ reference: 'vol' })).status).toBe(404);
    const evaluator = await t.loginAs(world[0].evaluator);
    const all = await evaluator.get('/api/mentors');
    expect(all.body.rows).toHaveLength(3);
    expect((await evaluator.post('/api/mentors').send({ reference: 'X' })).status).toBe(403);
    const foreignEvaluator = await t.loginAs(world[1].evaluator);
    expect((await foreignEvaluator.get('/api/mentors')).body.rows).toHaveLength(1);
  });
});
