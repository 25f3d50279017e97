import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { auditLog, mentorships, sessions, users } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';
import { testConfig } from '../../../server/config.ts';

let t: TestApp;
afterEach(() => t.dispose());

const T0 = new Date('2026-06-15T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const auditActions = (t: TestApp) => t.db.select({ action: auditLog.action, target: auditLog.target, details: auditLog.details }).from(auditLog).all();

async function setup(config = {}) {
  t = testApp({ now: T0, config });
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const evaluator = await makeUser(t.db, { role: 'evaluateur', departmentId: department.id });
  const lead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id });
  return { department, association, evaluator, lead };
}

describe('login', () => {
  it('opens a new session id at each login, audited, and refuses a wrong password with one French message', async () => {
    const { evaluator } = await setup();
    const first = await request(t.app).post('/api/session').send({ email: evaluator.email, password: evaluator.password });
    const second = await request(t.app).post('/api/session').send({ email: evaluator.email, password: evaluator.password });
    expect(first.status).toBe(200);
    const cookieOf = (res: request.Response) => String(res.headers['set-cookie']).match(/im_session=([^;]+)/)![1];
    expect(cookieOf(first)).not.toBe(cookieOf(second));
    // Only the SHA-256 of the cookie is stored.
    expect(JSON.stringify(t.db.select().from(sessions).all())).not.toContain(cookieOf(first));

    const wrong = await request(t.app).post('/api/session').send({ email: evaluator.email, password: 'pas le bon mot de passe' });
    const unknown = await request(t.app).post('/api/session').send({ email: 'personne@nulle-part.fr', password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
    const trail = auditActions(t);
    expect(trail.filter((a) => a.action === 'connexion.reussie')).toHaveLength(2);
    expect(trail.filter((a) => a.action === 'connexion.echouee')).toHaveLength(2);
    // What was typed is never kept (people type passwords in the e-mail field).
    expect(JSON.stringify(trail)).not.toContain('pas le bon mot de passe');
    expect(JSON.stringify(trail)).not.toContain('personne@nulle-part.fr');
  });

  it('refuses a disabled account like a wrong password', async () => {
    const { evaluator } = await setup();
    t.db.update(users).set({ disabledAt: T0 }).where(eq(users.id, evaluator.id)).run();
    const res = await request(t.app).post('/api/session').send({ email: evaluator.email, password: evaluator.password });
    expect(res.status).toBe(401);
  });

  it('slows failed logins per (account, address) with a growing wait, never locking the account for another address', async () => {
    const base = testConfig();
    const { evaluator } = await setup({ rateLimits: { ...base.rateLimits, loginPerAccount: 3, loginPerIp: 1000 }, trustProxy: 1 });
    const from = (ip: string, password: string, email = evaluator.email) => request(t.app).post('/api/session').set('X-Forwarded-For', ip).send({ email, password });
    const attacker = '203.0.113.7';
    for (let i = 0; i < 3; i++) expect((await from(attacker, 'mauvais mot de passe')).status).toBe(401);
    // The 3rd failure started a 1 s wait from that address: even the right password waits (no oracle).
    const blocked = await from(attacker, evaluator.password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe('1');
    expect(blocked.body.error.message).toMatch(/Trop de tentatives de connexion pour ce compte depuis cet appareil. Réessayez dans 1 seconde\./);
    expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
    // Anyone else — the real person from another address — logs in at once: ten wrong attempts lock nobody out.
    expect((await from('198.51.100.20', evaluator.password)).status).toBe(200);
    // The wait doubles with each further failure from the attacker's address: 1 s, 2 s, 4 s…
    const waits: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.setNow(new Date(t.ctx.now().getTime() + 60_000));
      expect((await from(attacker, 'mauvais mot de passe')).status).toBe(401);
      waits.push(String((await from(attacker, 'mauvais mot de passe')).headers['retry-after']));
    }
    expect(waits).toEqual(['2', '4', '8']);
    // The start of the waits is audited once, not at every attempt.
    expect(auditActions(t).filter((a) => a.action === 'connexion.bloquee' && a.target === `user:${evaluator.id}`)).toHaveLength(1);
    // After the wait, the right password works and clears the count.
    t.setNow(new Date(t.ctx.now().getTime() + 60_000));
    expect((await from(attacker, evaluator.password)).status).toBe(200);
    expect((await from(attacker, 'mauvais mot de passe')).status).toBe(401);
    expect((await from(attacker, 'mauvais mot de passe')).status).toBe(401);
  });

  it('counts a padded or upper-case address as the same account (even padded past 254 characters), and refuses one longer than 254 once trimmed (400, French)', async () => {
    const base = testConfig();
    const { evaluator } = await setup({ rateLimits: { ...base.rateLimits, loginPerAccount: 3, loginPerIp: 1000 } });
    // The former bypass: padded past 254 characters, the address skipped the per-account count and still logged in.
    const variants = [`${' '.repeat(300)}${evaluator.email}`, `  ${evaluator.email.toUpperCase()}${' '.repeat(260)}`, `\t${evaluator.email}\n`];
    for (const email of variants) expect((await request(t.app).post('/api/session').send({ email, password: 'mauvais mot de passe' })).status).toBe(401);
    for (const email of [evaluator.email, ...variants]) {
      expect((await request(t.app).post('/api/session').send({ email, password: evaluator.password })).status, email.length.toString()).toBe(429);
    }
    // Too long once trimmed, or absurdly long raw: refused before the limiter and the login.
    for (const email of [`${'a'.repeat(250)}@exemple.fr`, `${evaluator.email}${' '.repeat(5000)}`]) {
      const res = await request(t.app).post('/api/session').send({ email, password: evaluator.password });
      expect(res.status, email.length.toString()).toBe(400);
      expect(res.body.error.message).toBe('L’adresse e-mail ne doit pas dépasser 254 caractères.');
    }
    expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
    expect(auditActions(t).filter((a) => a.action === 'connexion.reussie')).toHaveLength(0);
  });

  it('limits failed logins per address, across accounts', async () => {
    const base = testConfig();
    await setup({ rateLimits: { ...base.rateLimits, loginPerAccount: 1000, loginPerIp: 3 } });
    for (let i = 0; i < 3; i++) {
      expect((await request(t.app).post('/api/session').send({ email: `inconnu${i}@exemple.fr`, password: 'mauvais mot de passe' })).status).toBe(401);
    }
    const blocked = await request(t.app).post('/api/session').send({ email: 'encore@exemple.fr', password: 'mauvais mot de passe' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
  });
});

describe('sessions', () => {
  it('ends after 30 minutes idle, on the server', async () => {
    const { evaluator } = await setup();
    const agent = await t.loginAs(evaluator);
    t.setNow(minutes(29));
    expect((await agent.get('/api/session')).status).toBe(200);
    t.setNow(minutes(29 + 31));
    const expired = await agent.get('/api/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('Veuillez vous connecter.');
    expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
  });

  it('ends after 12 hours even when active', async () => {
    const { evaluator } = await setup();
    const agent = await t.loginAs(evaluator);
    for (let m = 20; m <= 12 * 60; m += 20) {
      t.setNow(minutes(m));
      expect((await agent.get('/api/session')).status, `${m} min`).toBe(200);
    }
    t.setNow(minutes(12 * 60 + 1));
    expect((await agent.get('/api/session')).status).toBe(401);
  });

  it('logout deletes the session on the server: the old cookie is worthless', async () => {
    const { evaluator } = await setup();
    const agent = await t.loginAs(evaluator);
    const res = await agent.delete('/api/session');
    expect(res.status).toBe(204);
    expect(t.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
    expect((await agent.get('/api/session')).status).toBe(401);
    expect(auditActions(t).some((a) => a.action === 'deconnexion')).toBe(true);
  });

  it('uses a __Host- cookie, Secure, HttpOnly, SameSite=Lax in production', async () => {
    const { evaluator } = await setup({ env: 'production', secureCookies: true });
    const res = await request(t.app).post('/api/session').send({ email: evaluator.email, password: evaluator.password });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-im_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('refuses a forged cross-site request with 403, and writes nothing', async () => {
    const { lead, department, association } = await setup();
    const mentorship = makeMentorship(t.db, { departmentId: department.id, associationId: association.id });
    const agent = await t.loginAs(lead);
    const forged = await agent
      .post(`/api/mentorships/${mentorship.id}/close`)
      .set('Origin', 'https://attaquant.example')
      .send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/ne provient pas de ce site/);
    const fetchSite = await agent.delete(`/api/mentorships/${mentorship.id}`).set('Sec-Fetch-Site', 'cross-site');
    expect(fetchSite.status).toBe(403);
    const row = t.db.select().from(mentorships).where(eq(mentorships.id, mentorship.id)).get();
    expect(row?.status).toBe('en_cours');
    // The same request from the site itself goes through.
    const same = await agent.post(`/api/mentorships/${mentorship.id}/close`).set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
    expect(same.status, JSON.stringify(same.body)).toBe(201);
  });
});

describe('an association working with several departments: one account per department', () => {
  it('keeps a lead in the department that owns its account: no switch to another partner department', async () => {
    const { department, association, lead } = await setup();
    const { department: second } = makeDepartment(t.db);
    t.sqlite.prepare('INSERT INTO department_associations (department_id, association_id, created_at) VALUES (?, ?, ?)').run(second.id, association.id, T0.getTime());
    const inSecond = makeMentorship(t.db, { departmentId: second.id, associationId: association.id, reference: 'DANS-LE-SECOND' });
    const agent = await t.loginAs(lead);
    expect((await agent.get('/api/session')).body.department.id).toBe(department.id);
    expect((await agent.get(`/api/mentorships/${inSecond.id}`)).status).toBe(404);
    // No route changes a session's department: the former department switch is gone.
    const attempt = await agent.put('/api/session/department').send({ departmentId: second.id });
    expect(attempt.status).toBe(404);
    expect(attempt.body.error.message).toBe("Cette adresse d'API n'existe pas.");
    expect((await agent.get('/api/session/departments')).status).toBe(404);
    expect((await agent.get(`/api/mentorships/${inSecond.id}`)).status).toBe(404);
    expect((await agent.get('/api/session')).body.department.id).toBe(department.id);
    // The second department's own account for the association works there, and only there.
    const secondLead = await makeUser(t.db, { role: 'responsable_association', associationId: association.id, departmentId: second.id });
    const other = await t.loginAs(secondLead);
    expect((await other.get('/api/session')).body.department.id).toBe(second.id);
    expect((await other.get(`/api/mentorships/${inSecond.id}`)).status).toBe(200);
  });
});
