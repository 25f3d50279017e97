import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { auditLog } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeMentorship, makeWorld } from '../../support/factories.ts';
import { audit } from '../../../server/audit/audit.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp({ now: new Date('2026-06-15T10:00:00Z') });
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

describe('audit log', () => {
  it('records logins, refusals and deletions with UTC time, actor, action and target; readable by the admin, newest first', async () => {
    await request(t.app).post('/api/session').send({ email: world[0].evaluator.email, password: 'mauvais mot de passe' });
    const evaluator = await t.loginAs(world[0].evaluator);
    await evaluator.get('/api/users');
    const mentorship = makeMentorship(t.db, { departmentId: world[0].department.id, associationId: world[0].associations[0].id, reference: 'JEUNE-DUPONT-2010' });
    const lead = await t.loginAs(world[0].leads[0]);
    expect((await lead.delete(`/api/mentorships/${mentorship.id}`)).status).toBe(204);

    const admin = await t.loginAs(world[0].admin);
    const res = await admin.get('/api/audit').query({ pageSize: 50 });
    expect(res.status).toBe(200);
    const actions = res.body.rows.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['connexion.echouee', 'connexion.reussie', 'acces.refuse', 'mentorat.supprime']));
    const refusal = res.body.rows.find((r: { action: string }) => r.action === 'acces.refuse');
    expect(refusal).toMatchObject({ actorEmail: world[0].evaluator.email, target: 'GET /api/users' });
    expect(refusal.at).toMatch(/^2026-06-15T10:00:00\.000Z$/);
    const failed = res.body.rows.find((r: { action: string }) => r.action === 'connexion.echouee');
    expect(failed).toMatchObject({ target: `user:${world[0].evaluator.id}`, targetLabel: world[0].evaluator.email, details: { motif: 'mot de passe incorrect' } });
    // The young person's reference never enters the trail: the target is an internal id.
    expect(JSON.stringify(res.body)).not.toContain('JEUNE-DUPONT');
    expect(res.body.rows.find((r: { action: string }) => r.action === 'mentorat.supprime').target).toBe(`mentorship:${mentorship.id}`);
    const times = res.body.rows.map((r: { at: string; id: number }) => `${r.at}${String(r.id).padStart(8, '0')}`);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows one department only, paginates, and is for administrators only', async () => {
    for (let i = 0; i < 7; i++) audit({ ...t.ctx }, { action: 'export', target: `fichier:${i}`, departmentId: world[0].department.id });
    audit({ ...t.ctx }, { action: 'export', target: 'ailleurs', departmentId: world[1].department.id });
    const admin = await t.loginAs(world[0].admin);
    const page1 = await admin.get('/api/audit').query({ action: 'export', pageSize: 5 });
    const page2 = await admin.get('/api/audit').query({ action: 'export', pageSize: 5, page: 2 });
    expect(page1.body.total).toBe(7);
    expect(page1.body.rows).toHaveLength(5);
    expect(page2.body.rows).toHaveLength(2);
    expect(JSON.stringify([page1.body, page2.body])).not.toContain('ailleurs');
    expect((await admin.get('/api/audit').query({ pageSize: 1000 })).status).toBe(400);
    for (const user of [world[0].evaluator, world[0].leads[0]]) {
      expect((await (await t.loginAs(user)).get('/api/audit')).status).toBe(403);
    }
  });

  it('masks anything token-like a caller passes', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    audit(t.ctx, { action: 'export', target: `/q/${token}`, details: { lien: token } });
    const row = t.db.select().from(auditLog).all().at(-1)!;
    expect(JSON.stringify(row)).not.toContain(token);
  });
});
