import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { auditLog, departments, sessions, users } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeWorld } from '../../support/factories.ts';
import { bootstrapAccount } from '../../../server/users/bootstrap.ts';
import { ServiceError } from '../../../server/errors.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp();
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

const userCount = () => t.db.select({ n: count() }).from(users).get()!.n;

describe('accounts administration', () => {
  it('lists only the department’s staff and its partner associations’ leads', async () => {
    const admin = await t.loginAs(world[0].admin);
    const res = await admin.get('/api/users');
    expect(res.status).toBe(200);
    const emails = res.body.users.map((u: { email: string }) => u.email).sort();
    const own = [world[0].admin, world[0].evaluator, ...world[0].leads].map((u) => u.email).sort();
    expect(emails).toEqual(own);
    expect(res.body.associations.map((a: { id: number }) => a.id).sort()).toEqual(world[0].associations.map((a) => a.id).sort());
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('creates an account with a generated password shown once, which works, audited', async () => {
    const admin = await t.loginAs(world[0].admin);
    const res = await admin.post('/api/users').send({ email: 'Nouvelle.Personne@Exemple.fr', role: 'responsable_association', associationId: world[0].associations[1].id });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('nouvelle.personne@exemple.fr');
    expect(res.body.user.association.id).toBe(world[0].associations[1].id);
    expect(res.body.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const login = await request(t.app).post('/api/session').send({ email: 'nouvelle.personne@exemple.fr', password: res.body.generatedPassword });
    expect(login.status).toBe(200);
    expect(login.body.association.id).toBe(world[0].associations[1].id);
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'compte.cree')).get()!;
    expect(entry.target).toBe(`user:${res.body.user.id}`);
    expect(JSON.stringify(entry)).not.toContain(res.body.generatedPassword);
  });

  it('refuses weak passwords, duplicates, another department’s association and bad input — in French, writing nothing', async () => {
    const admin = await t.loginAs(world[0].admin);
    const before = userCount();
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ email: 'a@exemple.fr', role: 'evaluateur', password: 'motdepasse123' }, 400, /trop courant/],
      [{ email: 'a@exemple.fr', role: 'evaluateur', password: 'court' }, 400, /12 caractères/],
      [{ email: world[1].admin.email, role: 'evaluateur' }, 409, /existe déjà/],
      [{ email: 'b@exemple.fr', role: 'responsable_association', associationId: world[1].associations[0].id }, 404, /introuvable/],
      [{ email: 'b@exemple.fr', role: 'responsable_association' }, 400, /association/],
      [{ email: 'pas-une-adresse', role: 'evaluateur' }, 400, /e-mail/],
      [{ email: 'c@exemple.fr', role: 'superadmin' }, 400, /rôle|role|invalide|Option/i],
      [{ email: 'c@exemple.fr', role: 'evaluateur', departmentId: world[1].department.id }, 400, /departmentId|inconnue|non reconnue|Clé/i],
    ];
    for (const [body, status, message] of cases) {
      const res = await admin.post('/api/users').send(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(message);
    }
    expect(userCount()).toBe(before);
  });

  it('changes a role (sessions of that account end, audited) and disables an account', async () => {
    const admin = await t.loginAs(world[0].admin);
    const evaluator = await t.loginAs(world[0].evaluator);
    const promoted = await admin.patch(`/api/users/${world[0].evaluator.id}`).send({ role: 'admin' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('admin');
    expect((await evaluator.get('/api/session')).status).toBe(401);
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'compte.role_modifie')).get()!;
    expect(entry.details).toMatchObject({ ancien: 'evaluateur', nouveau: 'admin' });

    const lead = await t.loginAs(world[0].leads[0]);
    const disabled = await admin.patch(`/api/users/${world[0].leads[0].id}`).send({ disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await lead.get('/api/session')).status).toBe(401);
    expect((await request(t.app).post('/api/session').send({ email: world[0].leads[0].email, password: world[0].leads[0].password })).status).toBe(401);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'compte.desactive')).get()?.target).toBe(`user:${world[0].leads[0].id}`);
  });

  it('never touches another department’s accounts, nor lets an admin lock themselves out', async () => {
    const admin = await t.loginAs(world[0].admin);
    for (const other of [world[1].admin, world[1].evaluator, world[1].leads[0]]) {
      const res = await admin.patch(`/api/users/${other.id}`).send({ disabled: true });
      expect(res.status).toBe(404);
      expect((await admin.post(`/api/users/${other.id}/password`).send({})).status).toBe(404);
    }
    expect(t.db.select().from(users).where(eq(users.id, world[1].admin.id)).get()!.disabledAt).toBeNull();
    const self = await admin.patch(`/api/users/${world[0].admin.id}`).send({ disabled: true });
    expect(self.status).toBe(403);
    const moveLead = await admin.patch(`/api/users/${world[0].leads[0].id}`).send({ associationId: world[1].associations[0].id });
    expect(moveLead.status).toBe(404);
  });

  it('is for administrators only', async () => {
    for (const user of [world[0].evaluator, world[0].leads[0]]) {
      const agent = await t.loginAs(user);
      expect((await agent.get('/api/users')).status).toBe(403);
      expect((await agent.post('/api/users').send({ email: 'x@exemple.fr', role: 'admin' })).status).toBe(403);
    }
    expect(t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'acces.refuse')).get()!.n).toBe(4);
  });

  it('resets a password: a new one shown once, old sessions closed', async () => {
    const admin = await t.loginAs(world[0].admin);
    await t.loginAs(world[0].evaluator);
    const res = await admin.post(`/api/users/${world[0].evaluator.id}/password`).send({});
    expect(res.status).toBe(200);
    expect(t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, world[0].evaluator.id)).get()!.n).toBe(0);
    expect((await request(t.app).post('/api/session').send({ email: world[0].evaluator.email, password: res.body.generatedPassword })).status).toBe(200);
  });
});

describe('first account from the command line (user:create)', () => {
  it('creates the department when missing, with the same password rules', async () => {
    const created = await bootstrapAccount(t.ctx, { role: 'admin', email: 'Premiere@Exemple.fr', password: 'une longue phrase de passe', departmentCode: '974', departmentName: 'La Réunion' });
    expect(created.createdDepartment).toBe(true);
    expect(t.db.select().from(departments).where(eq(departments.code, '974')).get()?.name).toBe('La Réunion');
    expect((await request(t.app).post('/api/session').send({ email: 'premiere@exemple.fr', password: 'une longue phrase de passe' })).status).toBe(200);
    const again = await bootstrapAccount(t.ctx, { role: 'evaluateur', email: 'deux@exemple.fr', password: 'une autre longue phrase', departmentCode: '974' });
    expect(again.createdDepartment).toBe(false);
    await expect(bootstrapAccount(t.ctx, { role: 'admin', email: 'trois@exemple.fr', password: 'azertyuiop12', departmentCode: '974' })).rejects.toThrow(ServiceError);
    await expect(bootstrapAccount(t.ctx, { role: 'admin', email: 'premiere@exemple.fr', password: 'encore une longue phrase', departmentCode: '974' })).rejects.toThrow(/existe déjà/);
  });
});
