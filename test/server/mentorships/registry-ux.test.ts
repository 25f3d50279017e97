import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { mentors, mentorships } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship, makeWorld } from '../../support/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp();
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

const row = (reference: string) => ({ reference, status: 'en_cours', startedOn: '2026-02-15' });

describe('references are unique per association whatever their letter case', () => {
  it('refuses « ab-12 » next to « AB-12 », on create and on rename, with a French message naming both', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    await lead.post('/api/mentorships').send(row('AB-12')).expect(201);
    const dup = await lead.post('/api/mentorships').send(row('ab-12'));
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(/« ab-12 » est déjà utilisée .*« AB-12 ».*majuscules/);
    expect(dup.body.error.details.issues[0].field).toBe('reference');
    const other = await lead.post('/api/mentorships').send(row('CD-1')).expect(201);
    expect((await lead.patch(`/api/mentorships/${other.body.id}`).send({ reference: 'Ab-12' })).status).toBe(409);
    // Changing the case of its own reference is not a clash.
    expect((await lead.patch(`/api/mentorships/${other.body.id}`).send({ reference: 'cd-1' })).status).toBe(200);
    // Another association may use the same reference.
    const lead2 = await t.loginAs(world[0].leads[1]);
    await lead2.post('/api/mentorships').send(row('ab-12')).expect(201);
    expect(t.db.select({ n: count() }).from(mentorships).where(eq(mentorships.associationId, world[0].associations[0].id)).get()!.n).toBe(2);
  });

  it('finds a reference by any part of it, whatever the case', async () => {
    const base = { departmentId: world[0].department.id, associationId: world[0].associations[0].id };
    makeMentorship(t.db, { ...base, reference: 'AB-120' });
    makeMentorship(t.db, { ...base, reference: 'XY-9' });
    const lead = await t.loginAs(world[0].leads[0]);
    const refs = async (q: string) => (await lead.get('/api/mentorships').query({ q })).body.rows.map((r: { reference: string }) => r.reference);
    expect(await refs('12')).toEqual(['AB-120']);
    expect(await refs('b-1')).toEqual(['AB-120']);
    expect(await refs('%')).toEqual([]);
  });
});

describe('closing before the start is refused by the server', () => {
  it('answers in French, on the end date field, and changes nothing', async () => {
    const m = makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[0].id, startedOn: '2026-03-10' });
    const lead = await t.loginAs(world[0].leads[0]);
    const res = await lead.post(`/api/mentorships/${m.id}/close`).send({ endedOn: '2026-02-01', status: 'objectif_atteint' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('La date de fin (01/02/2026) ne peut pas précéder le début du mentorat (10/03/2026) : choisissez une date à partir du 10/03/2026.');
    expect(res.body.error.details.issues).toEqual([{ field: 'endedOn', message: res.body.error.message }]);
    expect(t.db.select().from(mentorships).where(eq(mentorships.id, m.id)).get()!.status).toBe('en_cours');
  });
});

describe('the list tells which questionnaire links can be re-issued', () => {
  it('offers none for a row imported as already ended (no link), both for one closed on the platform', async () => {
    const base = { departmentId: world[0].department.id, associationId: world[0].associations[0].id };
    makeMentorship(t.db, { ...base, reference: 'IMPORTED', status: 'cloture', endedOn: '2026-03-01' });
    const open = makeMentorship(t.db, { ...base, reference: 'OPEN', startedOn: '2026-01-10' });
    const lead = await t.loginAs(world[0].leads[0]);
    await lead.post(`/api/mentorships/${open.id}/close`).send({ endedOn: '2026-05-01', status: 'objectif_atteint' }).expect(201);
    const rows = (await lead.get('/api/mentorships').query({ sort: 'reference', dir: 'asc' })).body.rows as { reference: string; reissuable: string | null }[];
    expect(rows.find((r) => r.reference === 'IMPORTED')!.reissuable).toBeNull();
    expect(rows.find((r) => r.reference === 'OPEN')!.reissuable?.split(',').sort()).toEqual(['mentor', 'youth']);
  });
});

describe('correcting a mentor reference on a row leaves no ghost mentor', () => {
  const mentorRefs = (associationId: number) =>
    t.db
      .select({ reference: mentors.reference, trainedOn: mentors.trainedOn })
      .from(mentors)
      .where(eq(mentors.associationId, associationId))
      .all()
      .map((m) => m.reference)
      .sort();

  it('renames the mentor (keeping its training date) when the row was its only one', async () => {
    const associationId = world[0].associations[0].id;
    const lead = await t.loginAs(world[0].leads[0]);
    const created = await lead.post('/api/mentorships').send({ ...row('R-1'), mentorReference: 'MTR-O1' }).expect(201);
    t.db.update(mentors).set({ trainedOn: '2026-01-05' }).where(and(eq(mentors.associationId, associationId), eq(mentors.reference, 'MTR-O1'))).run();
    await lead.patch(`/api/mentorships/${created.body.id}`).send({ mentorReference: 'MTR-01' }).expect(200);
    expect(mentorRefs(associationId)).toEqual(['MTR-01']);
    expect(t.db.select().from(mentors).where(eq(mentors.reference, 'MTR-01')).get()!.trainedOn).toBe('2026-01-05');
    const list = (await lead.get('/api/mentors')).body.rows;
    expect(list).toEqual([expect.objectContaining({ reference: 'MTR-01', mentorships: 1 })]);
  });

  it('moves the row to an existing mentor and drops the untrained one left without a pair; keeps a shared one', async () => {
    const associationId = world[0].associations[0].id;
    const lead = await t.loginAs(world[0].leads[0]);
    await lead.post('/api/mentors').send({ reference: 'M-A' }).expect(201);
    const r1 = await lead.post('/api/mentorships').send({ ...row('R-1'), mentorReference: 'M-TYPO' }).expect(201);
    await lead.patch(`/api/mentorships/${r1.body.id}`).send({ mentorReference: 'M-A' }).expect(200);
    expect(mentorRefs(associationId)).toEqual(['M-A']);

    await lead.post('/api/mentorships').send({ ...row('R-2'), mentorReference: 'M-A' }).expect(201);
    await lead.patch(`/api/mentorships/${r1.body.id}`).send({ mentorReference: 'M-B' }).expect(200);
    // M-A still has R-2: it stays; M-B is a new mentor for R-1.
    expect(mentorRefs(associationId)).toEqual(['M-A', 'M-B']);
  });
});

describe('validation messages name fields in French, never by their code', () => {
  it('uses the form’s labels', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const res = await lead.post('/api/mentorships').send({ ...row('R-9'), sex: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/« Sexe »/);
    expect(res.body.error.message).not.toMatch(/champ|« sex »/);
    const declaration = await lead.put('/api/declarations/2026').send({ etpSalaries: 'beaucoup' });
    expect(declaration.status).toBe(400);
    expect(declaration.body.error.message).toMatch(/ETP salariés/);
    expect(declaration.body.error.message).not.toMatch(/etpSalaries/);
    const funding = await lead.put('/api/declarations/2026').send({ financements: [{ sousProjet: 'mentorat', financeur: 'departement', montant: -3 }] });
    expect(funding.body.error.message).toMatch(/Montant/);
    expect(funding.body.error.message).not.toMatch(/financements|montant»/);
    const list = await lead.get('/api/mentorships').query({ pageSize: 'tous' });
    expect(list.body.error.message).toMatch(/« Lignes par page »/);
    expect(list.body.error.message).not.toMatch(/pageSize/);
  });
});
