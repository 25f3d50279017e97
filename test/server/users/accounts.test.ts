import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { auditLog, departments, sessions, users } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeUser, makeWorld } from '../../support/factories.ts';
import { createSession, sessionCookieName } from '../../../server/auth/session.ts';
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
const login = (email: string, password: string) => request(t.app).post('/api/session').send({ email, password });

/** What the person does with the link the administrator handed over: read it, then choose a password. */
async function usePasswordLink(url: string, password: string) {
  const token = new URL(url).hash.slice(1);
  const described = await request(t.app).post('/api/password-link').send({ token });
  const chosen = await request(t.app).put('/api/password-link').send({ token, password });
  return { described, chosen };
}

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

  it('creates an account with a one-time link (no password for the administrator); the person chooses theirs, audited', async () => {
    const admin = await t.loginAs(world[0].admin);
    const res = await admin.post('/api/users').send({ email: 'Nouvelle.Personne@Exemple.fr', role: 'responsable_association', associationId: world[0].associations[1].id });
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('nouvelle.personne@exemple.fr');
    expect(res.body.user.association.id).toBe(world[0].associations[1].id);
    expect(res.body).not.toHaveProperty('generatedPassword');
    expect(res.body.passwordLink.url).toMatch(/\/mot-de-passe#[A-Za-z0-9_-]{43}$/);
    expect(t.db.select().from(users).where(eq(users.id, res.body.user.id)).get()!.departmentId).toBe(world[0].department.id);
    const { described, chosen } = await usePasswordLink(res.body.passwordLink.url, 'une phrase de passe bien à moi');
    expect(described.body).toMatchObject({ email: 'nouvelle.personne@exemple.fr', reason: 'creation', issuedBy: world[0].admin.email });
    expect(chosen.status).toBe(200);
    const loggedIn = await login('nouvelle.personne@exemple.fr', 'une phrase de passe bien à moi');
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.body.association.id).toBe(world[0].associations[1].id);
    expect(loggedIn.body.department.id).toBe(world[0].department.id);
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'compte.cree')).get()!;
    expect(entry).toMatchObject({ target: `user:${res.body.user.id}`, departmentId: world[0].department.id, associationId: world[0].associations[1].id });
    expect(JSON.stringify(t.db.select().from(auditLog).all())).not.toContain(new URL(res.body.passwordLink.url).hash.slice(1));
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'compte.mot_de_passe_choisi')).get()?.target).toBe(`user:${res.body.user.id}`);
    // The link is spent: a second use is refused in French.
    const again = await usePasswordLink(res.body.passwordLink.url, 'une autre phrase de passe');
    expect(again.chosen.status).toBe(404);
    expect(again.chosen.body.error.message).toMatch(/plus valable/);
  });

  it('refuses weak passwords, duplicates, another department’s association and bad input — in French, writing nothing', async () => {
    const admin = await t.loginAs(world[0].admin);
    const before = userCount();
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ email: 'a@exemple.fr', role: 'evaluateur', password: 'une phrase choisie par l’admin' }, 400, /password|non reconnue|Clé/i],
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

  it('resets a password: the old one stops at once, sessions closed, a one-time link (never a password), the person is told who and when', async () => {
    const admin = await t.loginAs(world[0].admin);
    await t.loginAs(world[0].evaluator);
    const res = await admin.post(`/api/users/${world[0].evaluator.id}/password`).send({});
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['passwordLink']);
    expect(t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, world[0].evaluator.id)).get()!.n).toBe(0);
    expect((await login(world[0].evaluator.email, world[0].evaluator.password)).status).toBe(401);
    // The policy applies to the chosen password too, in French, and a refusal leaves the link usable.
    const weak = await request(t.app).put('/api/password-link').send({ token: new URL(res.body.passwordLink.url).hash.slice(1), password: 'motdepasse123' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/trop courant/);
    const { described, chosen } = await usePasswordLink(res.body.passwordLink.url, 'ma nouvelle phrase de passe');
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ email: world[0].evaluator.email, reason: 'reinitialisation', issuedBy: world[0].admin.email, issuedAt: t.ctx.now().toISOString() });
    expect(chosen.status).toBe(200);
    expect((await login(world[0].evaluator.email, 'ma nouvelle phrase de passe')).status).toBe(200);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'compte.mot_de_passe_reinitialise')).get()).toMatchObject({ target: `user:${world[0].evaluator.id}`, departmentId: world[0].department.id });
  });

  it('refuses a malformed, unknown or expired link in French', async () => {
    const admin = await t.loginAs(world[0].admin);
    const res = await admin.post(`/api/users/${world[0].evaluator.id}/password`).send({});
    const token = new URL(res.body.passwordLink.url).hash.slice(1);
    const malformed = await request(t.app).post('/api/password-link').send({ token: 'abc' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/copié en entier/);
    expect((await request(t.app).post('/api/password-link').send({ token: 'A'.repeat(43) })).status).toBe(404);
    t.setNow(new Date(t.ctx.now().getTime() + 73 * 3_600_000));
    const expired = await request(t.app).put('/api/password-link').send({ token, password: 'une phrase de passe tardive' });
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toMatch(/plus valable/);
  });
});

describe('two departments sharing an association: an account is managed by the department that owns it', () => {
  /** D0 and D1 both work with a shared association; D0 created its lead (as every test world's older leads, without a recorded owner). */
  async function shared() {
    const association = makeAssociation(t.db, [world[0].department.id, world[1].department.id], { name: 'Association commune' });
    const leadD0 = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
    const leadD1 = await makeUser(t.db, { role: 'responsable_association', associationId: association.id, departmentId: world[1].department.id });
    return { association, leadD0, leadD1 };
  }
  const row = (id: number) => t.db.select().from(users).where(eq(users.id, id)).get()!;

  it('lists only the accounts the department owns: not the other department’s lead of the shared association', async () => {
    const { leadD0, leadD1 } = await shared();
    const d0 = (await (await t.loginAs(world[0].admin)).get('/api/users')).body.users.map((u: { email: string }) => u.email);
    const d1 = (await (await t.loginAs(world[1].admin)).get('/api/users')).body.users.map((u: { email: string }) => u.email);
    expect(d0).toContain(leadD0.email);
    expect(d0).not.toContain(leadD1.email);
    expect(d1).toContain(leadD1.email);
    expect(d1).not.toContain(leadD0.email);
  });

  it('refuses to reset, disable, change or move the other department’s lead (404), writing nothing', async () => {
    const { leadD0 } = await shared();
    const before = row(leadD0.id);
    const admin1 = await t.loginAs(world[1].admin);
    const leadSession = await t.loginAs(leadD0);
    expect((await admin1.post(`/api/users/${leadD0.id}/password`).send({})).status).toBe(404);
    expect((await admin1.patch(`/api/users/${leadD0.id}`).send({ disabled: true })).status).toBe(404);
    expect((await admin1.patch(`/api/users/${leadD0.id}`).send({ displayName: 'Repris' })).status).toBe(404);
    expect((await admin1.patch(`/api/users/${leadD0.id}`).send({ role: 'admin' })).status).toBe(404);
    expect(row(leadD0.id)).toEqual(before);
    expect((await leadSession.get('/api/session')).status).toBe(200);
    expect((await login(leadD0.email, leadD0.password)).status).toBe(200);
    expect(t.db.select().from(auditLog).where(eq(auditLog.target, `user:${leadD0.id}`)).all().filter((e) => e.action.startsWith('compte.'))).toEqual([]);
  });

  it('a lead created by the other department acts in that department only, never in ours', async () => {
    const { association } = await shared();
    const admin1 = await t.loginAs(world[1].admin);
    const created = await admin1.post('/api/users').send({ email: 'repreneur@exemple.fr', role: 'responsable_association', associationId: association.id });
    expect(created.status).toBe(201);
    expect(row(created.body.user.id).departmentId).toBe(world[1].department.id);
    expect((await usePasswordLink(created.body.passwordLink.url, 'une longue phrase bien secrète')).chosen.status).toBe(200);
    const session = await login('repreneur@exemple.fr', 'une longue phrase bien secrète');
    expect(session.status, JSON.stringify(session.body)).toBe(200);
    expect(session.body.department.id).toBe(world[1].department.id);
    const agent = request.agent(t.app);
    await agent.post('/api/session').send({ email: 'repreneur@exemple.fr', password: 'une longue phrase bien secrète' }).expect(200);
    expect((await agent.put('/api/session/department').send({ departmentId: world[0].department.id })).status).toBe(404);
    expect((await agent.get('/api/session')).body.department.id).toBe(world[1].department.id);
    // A session forged for the other department is refused at once.
    const forged = createSession(t.ctx, created.body.user.id, world[0].department.id);
    expect((await request(t.app).get('/api/session').set('Cookie', `${sessionCookieName(false)}=${forged}`)).status).toBe(401);
    // D0's administrator does not manage it either.
    const admin0 = await t.loginAs(world[0].admin);
    expect((await admin0.post(`/api/users/${created.body.user.id}/password`).send({})).status).toBe(404);
    expect((await admin0.get('/api/users')).body.users.map((u: { email: string }) => u.email)).not.toContain('repreneur@exemple.fr');
  });

  it('audits every account action under the department that owns the account and its association, visible to that department only', async () => {
    const { association, leadD1 } = await shared();
    const admin1 = await t.loginAs(world[1].admin);
    const created = await admin1.post('/api/users').send({ email: 'trace@exemple.fr', role: 'responsable_association', associationId: association.id });
    await admin1.post(`/api/users/${leadD1.id}/password`).send({});
    await admin1.patch(`/api/users/${leadD1.id}`).send({ disabled: true });
    const entries = t.db.select().from(auditLog).all().filter((e) => e.action.startsWith('compte.'));
    expect(entries.map((e) => [e.action, e.target, e.departmentId, e.associationId])).toEqual([
      ['compte.cree', `user:${created.body.user.id}`, world[1].department.id, association.id],
      ['compte.mot_de_passe_reinitialise', `user:${leadD1.id}`, world[1].department.id, association.id],
      ['compte.desactive', `user:${leadD1.id}`, world[1].department.id, association.id],
    ]);
    const d1 = (await admin1.get('/api/audit')).body.rows.map((r: { action: string }) => r.action);
    expect(d1).toEqual(expect.arrayContaining(['compte.cree', 'compte.mot_de_passe_reinitialise', 'compte.desactive']));
    const d0 = (await (await t.loginAs(world[0].admin)).get('/api/audit')).body.rows.map((r: { action: string }) => r.action);
    expect(d0.filter((a: string) => a.startsWith('compte.'))).toEqual([]);
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
