import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { links, listValues, mentorships, youngPeople } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship, makeWorld } from '../../support/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp();
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

const valid = () => ({
  reference: 'N-001',
  sex: 'F',
  birthMonth: '2009-04',
  schoolLevel: '3E',
  placementType: 'MNA',
  territoryId: world[0].territories[1]!.id,
  mentorReference: 'M-NEW',
  appliedOn: '2026-01-10',
  matchedOn: '2026-02-01',
  startedOn: '2026-02-15',
  objective: 'insertion_pro',
  modality: 'mixte',
  isRenewal: true,
  status: 'en_cours',
});

describe('registry: create and edit', () => {
  it('creates a row with every field of the steering table, the mentor by reference, and no name', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const res = await lead.post('/api/mentorships').send(valid());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const row = await lead.get(`/api/mentorships/${res.body.id}`);
    expect(row.body).toMatchObject({ reference: 'N-001', sex: 'F', birthMonth: '2009-04', schoolLevel: '3E', placementType: 'MNA', territory: world[0].territories[1]!.name, mentorReference: 'M-NEW', status: 'en_cours', isRenewal: true });
    const young = t.db.select().from(youngPeople).where(eq(youngPeople.reference, 'N-001')).get()!;
    expect(young.birthMonth).toBe('2009-04');
  });

  it('refuses invalid rows with one French message per field, and changes nothing', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ birthMonth: '2009-04-12' }, 'birthMonth', /jamais une date de naissance complète/],
      [{ sex: 'X' }, 'sex', /ne fait pas partie de la liste « Sexe »/],
      [{ territoryId: world[1].territories[0]!.id }, 'territoryId', /n’existe pas dans le département/],
      [{ matchedOn: '2026-01-01' }, 'matchedOn', /ne peut pas précéder la candidature/],
      [{ startedOn: '2026-01-20' }, 'startedOn', /ne peut pas précéder la mise en relation/],
      [{ startedOn: '2027-01-01' }, 'startedOn', /futur/],
      [{ appliedOn: '2026-02-30' }, 'appliedOn', /AAAA-MM-JJ|date/i],
      [{ startedOn: null }, 'startedOn', /obligatoire pour un mentorat en cours/],
      [{ reference: '' }, 'reference', /obligatoire/],
      [{ status: 'cloture' }, 'status', /./],
      [{ endedOn: '2026-05-01' }, null as never, /Clé non reconnue : "endedOn"/], // ending goes through « Clôturer »
    ];
    for (const [patch, field, message] of cases) {
      const res = await lead.post('/api/mentorships').send({ ...valid(), ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      const issue = res.body.error.details.issues.find((i: { field: string }) => i.field === field);
      expect(issue, `${JSON.stringify(patch)} → ${JSON.stringify(res.body.error.details.issues)}`).toBeDefined();
      expect(issue?.message, `${JSON.stringify(patch)} → ${JSON.stringify(res.body.error.details.issues)}`).toMatch(message);
    }
    expect(t.db.select({ n: count() }).from(mentorships).get()!.n).toBe(0);
    await lead.post('/api/mentorships').send(valid()).expect(201);
    const duplicate = await lead.post('/api/mentorships').send(valid());
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toMatch(/déjà utilisée/);
  });

  it('edits a row, keeps a retired value on the row that had it, refuses it elsewhere', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const base = { departmentId: world[0].department.id, associationId: world[0].associations[0].id };
    const old = makeMentorship(t.db, { ...base, reference: 'OLD', objective: 'orientation' });
    const other = makeMentorship(t.db, { ...base, reference: 'OTHER' });
    t.db.update(listValues).set({ retiredAt: new Date() }).where(and(eq(listValues.departmentId, world[0].department.id), eq(listValues.code, 'orientation'))).run();
    const keep = await lead.patch(`/api/mentorships/${old.id}`).send({ modality: 'distanciel' });
    expect(keep.status, JSON.stringify(keep.body)).toBe(200);
    expect(keep.body.objective).toBe('orientation');
    const refused = await lead.patch(`/api/mentorships/${other.id}`).send({ objective: 'orientation' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0]).toMatchObject({ field: 'objective', message: expect.stringMatching(/retirée/) });
    const renamed = await lead.patch(`/api/mentorships/${other.id}`).send({ reference: 'OTHER-2', endedOn: null });
    expect(renamed.status).toBe(200);
    expect(t.db.select().from(youngPeople).where(eq(youngPeople.id, other.youngPersonId)).get()!.reference).toBe('OTHER-2');
    const clash = await lead.patch(`/api/mentorships/${other.id}`).send({ reference: 'OLD' });
    expect(clash.status).toBe(409);
    const closing = await lead.patch(`/api/mentorships/${other.id}`).send({ status: 'cloture', endedOn: '2026-05-01' });
    expect(closing.status).toBe(400);
    expect(closing.body.error.message).toMatch(/Clôturer/);
  });
});

describe('registry: list, filters and isolation', () => {
  function seed() {
    const a1 = { departmentId: world[0].department.id, associationId: world[0].associations[0].id };
    const a2 = { departmentId: world[0].department.id, associationId: world[0].associations[1].id };
    makeMentorship(t.db, { ...a1, reference: 'A-1', territoryId: world[0].territories[0]!.id, startedOn: '2025-03-01' });
    makeMentorship(t.db, { ...a1, reference: 'A-2', status: 'cloture', startedOn: '2024-01-01', endedOn: '2024-12-01', objective: 'orientation' });
    makeMentorship(t.db, { ...a1, reference: 'A-3', status: 'candidature', appliedOn: '2026-02-01', matchedOn: null, startedOn: null });
    makeMentorship(t.db, { ...a2, reference: 'B-1' });
    return makeMentorship(t.db, { departmentId: world[1].department.id, associationId: world[1].associations[0].id, reference: 'Z-1' });
  }

  it('filters by status, territory, year and objective, sorts and paginates', async () => {
    seed();
    const lead = await t.loginAs(world[0].leads[0]);
    const refs = async (query: string) => (await lead.get(`/api/mentorships?${query}`)).body.rows.map((r: { reference: string }) => r.reference);
    expect(await refs('sort=reference&dir=asc')).toEqual(['A-1', 'A-2', 'A-3']);
    expect(await refs('status=cloture')).toEqual(['A-2']);
    expect(await refs(`territoryId=${world[0].territories[0]!.id}`)).toEqual(['A-1']);
    expect(await refs('year=2024&sort=reference&dir=asc')).toEqual(['A-2']);
    expect(await refs('year=2026&sort=reference&dir=asc')).toEqual(['A-1', 'A-3']);
    expect(await refs('objective=orientation')).toEqual(['A-2']);
    expect(await refs('sort=reference&dir=desc&pageSize=2&page=2')).toEqual(['A-1']);
    const page = await lead.get('/api/mentorships?pageSize=2');
    expect(page.body.total).toBe(3);
    expect((await lead.get('/api/mentorships?sort=nimportequoi')).status).toBe(400);
    // An association cannot widen its scope with another association's id.
    expect(await refs(`associationId=${world[0].associations[1].id}`)).toEqual([]);
  });

  it('an association never sees nor edits another’s rows (404); the department reads all, writes none (403)', async () => {
    const foreign = seed();
    const b1 = t.db.select().from(mentorships).where(eq(mentorships.reference, 'B-1')).get()!;
    const lead = await t.loginAs(world[0].leads[0]);
    expect((await lead.get(`/api/mentorships/${b1.id}`)).status).toBe(404);
    expect((await lead.patch(`/api/mentorships/${b1.id}`).send({ modality: 'mixte' })).status).toBe(404);
    expect((await lead.post(`/api/mentorships/${b1.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint' })).status).toBe(404);
    expect((await lead.get(`/api/mentorships/${foreign.id}`)).status).toBe(404);

    const evaluator = await t.loginAs(world[0].evaluator);
    const all = await evaluator.get('/api/mentorships?sort=reference&dir=asc');
    expect(all.body.rows.map((r: { reference: string }) => r.reference)).toEqual(['A-1', 'A-2', 'A-3', 'B-1']);
    const one = await evaluator.get(`/api/mentorships?associationId=${world[0].associations[1].id}`);
    expect(one.body.rows.map((r: { reference: string }) => r.reference)).toEqual(['B-1']);
    expect((await evaluator.post('/api/mentorships').send(valid())).status).toBe(403);
    expect((await evaluator.patch(`/api/mentorships/${b1.id}`).send({ modality: 'mixte' })).status).toBe(403);
    const admin = await t.loginAs(world[0].admin);
    expect((await admin.patch(`/api/mentorships/${b1.id}`).send({ modality: 'mixte' })).status).toBe(403);
    expect((await admin.get(`/api/mentorships/${foreign.id}`)).status).toBe(404);
    expect(t.db.select().from(mentorships).where(eq(mentorships.id, b1.id)).get()!.modality).toBe('presentiel');
  });
});

describe('closing with a reason from the department’s list', () => {
  it('requires a reason from the list whose group agrees with the outcome', async () => {
    const m = makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[0].id });
    const lead = await t.loginAs(world[0].leads[0]);
    const close = (body: object) => lead.post(`/api/mentorships/${m.id}/close`).send({ endedOn: '2026-06-01', ...body });
    expect((await close({ status: 'abandonne' })).body.error.message).toMatch(/Indiquez le motif/);
    expect((await close({ status: 'abandonne', closureReason: 'inconnu' })).body.error.message).toMatch(/ne fait pas partie des motifs/);
    expect((await close({ status: 'abandonne', closureReason: 'objectif_atteint' })).body.error.message).toMatch(/abandon ne peut pas/);
    expect((await close({ status: 'objectif_atteint', closureReason: 'dispo_mentor' })).status).toBe(400);
    expect(t.db.select({ n: count() }).from(links).get()!.n).toBe(0);
    const ok = await close({ status: 'abandonne', closureReason: 'dispo_mentor' });
    expect(ok.status).toBe(201);
    expect(t.db.select().from(mentorships).where(eq(mentorships.id, m.id)).get()!.closureReason).toBe('dispo_mentor');
  });
});
