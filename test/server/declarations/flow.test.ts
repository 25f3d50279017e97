import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeWorld } from '../../support/factories.ts';
import { completeDeclaration } from './fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp();
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

describe('yearly declaration: draft → submit → locked → reopen', () => {
  it('walks the whole flow', async () => {
    const [d1] = world;
    const lead = await t.loginAs(d1.leads[0]);
    const empty = await lead.get('/api/declarations/2026');
    expect(empty.status).toBe(200);
    expect(empty.body.state).toBe('nouvelle');

    const { evenements: _e, ...partial } = completeDeclaration();
    const draft = await lead.put('/api/declarations/2026').send(partial);
    expect(draft.status).toBe(200);
    expect(draft.body.state).toBe('brouillon');
    expect(draft.body.issues).toEqual([{ field: 'evenements', message: '« Événements organisés » est à renseigner.' }]);

    const refused = await lead.post('/api/declarations/2026/submit');
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/1 champ à corriger.*Événements organisés/);
    expect(refused.body.error.details.issues).toHaveLength(1);

    await lead.put('/api/declarations/2026').send(completeDeclaration()).expect(200);
    const submitted = await lead.post('/api/declarations/2026/submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('soumise');
    expect(submitted.body.submittedAt).not.toBeNull();

    const locked = await lead.put('/api/declarations/2026').send(completeDeclaration({ evenements: 99 }));
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toMatch(/ne peut plus être modifiée/);
    expect((await lead.post('/api/declarations/2026/submit')).status).toBe(409);

    const evaluator = await t.loginAs(d1.evaluator);
    const list = await evaluator.get('/api/declarations').query({ year: 2026 });
    expect(list.status).toBe(200);
    expect(list.body.submitted).toBe(1);
    expect(list.body.declarations.map((d: { state: string }) => d.state).sort()).toEqual(['nouvelle', 'soumise']);
    const read = await evaluator.get(`/api/declarations/${d1.associations[0].id}/2026`);
    expect(read.body.content.evenements).toBe(4);

    const reopened = await evaluator.post(`/api/declarations/${d1.associations[0].id}/2026/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('brouillon');
    expect((await evaluator.post(`/api/declarations/${d1.associations[0].id}/2026/reopen`)).status).toBe(409);

    const corrected = await lead.put('/api/declarations/2026').send(completeDeclaration({ evenements: 5 }));
    expect(corrected.status).toBe(200);
    expect(corrected.body.content.evenements).toBe(5);
  });

  it('refuses a bad draft with a French message and stores nothing', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const res = await lead.put('/api/declarations/2026').send({ etpSalaries: -3 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/« ETP salariés » ne peut pas être négatif/);
    expect((await lead.get('/api/declarations/2026')).body.state).toBe('nouvelle');
  });

  it('refuses a year out of range', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const res = await lead.get('/api/declarations/1999');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/entre 2000 et 2100/);
    expect((await lead.put('/api/declarations/abc').send({})).status).toBe(400);
  });
});

describe('yearly declaration: tenant isolation', () => {
  it('keeps each association to its own declaration and the department to read + reopen', async () => {
    const [d1, d2] = world;
    const lead1 = await t.loginAs(d1.leads[0]);
    await lead1.put('/api/declarations/2026').send(completeDeclaration()).expect(200);
    await lead1.post('/api/declarations/2026/submit').expect(200);

    // Another association of the same department sees its own (empty) declaration, never this one.
    const lead2 = await t.loginAs(d1.leads[1]);
    expect((await lead2.get('/api/declarations/2026')).body.state).toBe('nouvelle');
    // A lead cannot use the department's routes, even naming its neighbour.
    expect((await lead2.get(`/api/declarations/${d1.associations[0].id}/2026`)).status).toBe(403);
    expect((await lead2.post(`/api/declarations/${d1.associations[0].id}/2026/reopen`)).status).toBe(403);
    expect((await lead2.get('/api/declarations').query({ year: 2026 })).status).toBe(403);

    // Another department: 404 on an association that is not its partner, and not in its list.
    const admin2 = await t.loginAs(d2.admin);
    expect((await admin2.get(`/api/declarations/${d1.associations[0].id}/2026`)).status).toBe(404);
    expect((await admin2.post(`/api/declarations/${d1.associations[0].id}/2026/reopen`)).status).toBe(404);
    const list2 = await admin2.get('/api/declarations').query({ year: 2026 });
    expect(list2.body.declarations.map((d: { associationId: number }) => d.associationId)).not.toContain(d1.associations[0].id);

    // The department reads but does not write the content.
    const admin1 = await t.loginAs(d1.admin);
    expect((await admin1.put('/api/declarations/2026').send(completeDeclaration())).status).toBe(403);
    expect((await admin1.post('/api/declarations/2026/submit')).status).toBe(403);
    expect((await admin1.get(`/api/declarations/${d1.associations[0].id}/2026`)).body.state).toBe('soumise');
  });
});
