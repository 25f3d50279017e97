import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { listValues, territories } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship, makeWorld } from '../../support/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp();
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

const valueId = (departmentId: number, code: string) =>
  t.db.select().from(listValues).where(and(eq(listValues.departmentId, departmentId), eq(listValues.code, code))).get()!.id;

describe('fixed lists (Paramètres figés)', () => {
  it('gives everyone of the department its defaults, with usage counts, and nothing of another department', async () => {
    makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[0].id });
    const lead = await t.loginAs(world[0].leads[0]);
    const res = await lead.get('/api/lists');
    expect(res.status).toBe(200);
    const kinds = Object.fromEntries(res.body.kinds.map((k: { kind: string; values: unknown[] }) => [k.kind, k.values]));
    expect(Object.keys(kinds)).toEqual(['sexe', 'niveau_scolaire', 'type_placement', 'objectif', 'modalite', 'motif_cloture']);
    const placement = kinds.type_placement.map((v: { label: string }) => v.label);
    expect(placement).toEqual(['MECS associatives', 'SAF en régie', 'SAF associatif', 'MNA', 'Structures BS', 'Milieu ouvert']);
    expect(kinds.sexe.find((v: { code: string }) => v.code === 'F').inUse).toBe(1);
    const groups = new Set(kinds.niveau_scolaire.map((v: { groupLabel: string }) => v.groupLabel));
    expect([...groups]).toEqual(expect.arrayContaining(['Primaire', 'Collège', 'Lycée', 'Post-bac']));
    expect(new Set(kinds.motif_cloture.map((v: { groupLabel: string }) => v.groupLabel))).toEqual(new Set(['atteint', 'binome', 'objectif']));
    expect(res.body.territories.map((x: { id: number }) => x.id).sort()).toEqual(world[0].territories.map((x) => x.id).sort());
  });

  it('lets only the department admin add, rename, retire and delete values', async () => {
    const evaluator = await t.loginAs(world[0].evaluator);
    expect((await evaluator.post('/api/lists/type_placement/values').send({ label: 'Tiers digne de confiance' })).status).toBe(403);
    const lead = await t.loginAs(world[0].leads[0]);
    expect((await lead.post('/api/territories').send({ name: 'Centre' })).status).toBe(403);

    const admin = await t.loginAs(world[0].admin);
    const added = await admin.post('/api/lists/type_placement/values').send({ label: 'Tiers digne de confiance' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ code: 'tiers_digne_de_confiance', label: 'Tiers digne de confiance', retired: false });
    expect((await admin.post('/api/lists/type_placement/values').send({ label: 'tiers DIGNE de confiance' })).status).toBe(409);
    expect((await admin.post('/api/lists/motif_cloture/values').send({ label: 'Fin de placement' })).status).toBe(400);
    expect((await admin.post('/api/lists/motif_cloture/values').send({ label: 'Fin de placement', groupLabel: 'binome' })).status).toBe(201);
    expect((await admin.post('/api/lists/inconnue/values').send({ label: 'x' })).status).toBe(400);
    const renamed = await admin.patch(`/api/lists/values/${added.body.id}`).send({ label: 'TDC (tiers digne de confiance)' });
    expect(renamed.body.label).toBe('TDC (tiers digne de confiance)');
    expect(renamed.body.code).toBe('tiers_digne_de_confiance');
    // Another department's value is out of reach.
    const foreign = valueId(world[1].department.id, 'MNA');
    expect((await admin.patch(`/api/lists/values/${foreign}`).send({ label: 'x' })).status).toBe(404);
    expect((await admin.delete(`/api/lists/values/${foreign}`)).status).toBe(404);
    expect((await admin.delete(`/api/lists/values/${added.body.id}`)).status).toBe(204);
  });

  it('retires a value in use instead of deleting it (409), and the same for territories', async () => {
    makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[0].id, territoryId: world[0].territories[0]!.id });
    const admin = await t.loginAs(world[0].admin);
    const mecs = valueId(world[0].department.id, 'MECS_ASSO');
    const refused = await admin.delete(`/api/lists/values/${mecs}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/utilisée par 1 ligne : elle ne peut pas être supprimée\. Retirez-la/);
    const retired = await admin.patch(`/api/lists/values/${mecs}`).send({ retired: true });
    expect(retired.body.retired).toBe(true);
    expect(t.db.select().from(listValues).where(eq(listValues.id, mecs)).get()!.retiredAt).not.toBeNull();
    const used = world[0].territories[0]!.id;
    expect((await admin.delete(`/api/territories/${used}`)).status).toBe(409);
    expect((await admin.patch(`/api/territories/${used}`).send({ retired: true })).body.retired).toBe(true);
    const unused = world[0].territories[1]!.id;
    expect((await admin.delete(`/api/territories/${unused}`)).status).toBe(204);
    expect(t.db.select().from(territories).where(eq(territories.id, unused)).get()).toBeUndefined();
    const created = await admin.post('/api/territories').send({ name: 'Centre' });
    expect(created.status).toBe(201);
    expect((await admin.post('/api/territories').send({ name: ' centre ' })).status).toBe(409);
  });
});
