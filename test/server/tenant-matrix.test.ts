/**
 * Tenant isolation, generated from the route table: every staff route × every actor (admin, evaluator and the
 * leads of two associations, in each of two departments, plus the lead of an association shared by both
 * departments — one account per department, owned by it) is called with the ids of the OTHER tenants' rows — in the address, in id fields
 * of the body and of the query. A route added later is covered without touching this file.
 *
 * For each call: never a 5xx; when another tenant's id is in the address or the body, a refusal (403/404, or a
 * 400 from input validation that ran before any lookup); no other tenant's marker in the answer (Excel files
 * are unzipped); and, per route and actor, the other tenants' rows hash the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../server/routes.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.ts';
import {
  as,
  answerText,
  buildWorld,
  closeServers,
  forbiddenMarkers,
  probesFor,
  send,
  victimFingerprint,
  victimIds,
  type World,
} from './privacy/tenant-world.ts';

let t: TestApp;
let world: World;
let summary: Record<string, number> = {};
void summary;

beforeAll(async () => {
  t = testApp({ now: new Date('2026-06-15T10:00:00Z') });
  // Thousands of refusals each write an audit entry: durability is not what this file tests, speed matters.
  t.sqlite.pragma('synchronous = OFF');
  world = await buildWorld(t);
});
afterAll(async () => {
  await closeServers();
  t.dispose();
});

const staffRoutes = routes.filter((r) => r.access !== 'public');
// Reads first, then writes; logging out ends the very session the matrix uses, so it comes last for each actor.
const rank = (r: (typeof staffRoutes)[number]) => (r.method === 'get' ? 0 : r.method === 'delete' && r.path === '/api/session' ? 2 : 1);
const ordered = [...staffRoutes].sort((a, b) => rank(a) - rank(b));

describe('tenant isolation matrix (generated from the route table)', () => {
  it('covers every staff route of the table', () => {
    expect(staffRoutes.length).toBeGreaterThan(5);
    expect(world.actors).toHaveLength(10);
  });

  it('keeps each department’s account of the shared association out of the other department’s reach (list, reset, create, disable)', async () => {
    for (const [d, admin] of world.actors.filter((a) => a.role === 'admin').entries()) {
      const theirs = world.sharedLeads[1 - d]!;
      const client = as(t, admin);
      const listed = await client.get('/api/users');
      expect(listed.status).toBe(200);
      expect(listed.body.users.map((u: { email: string }) => u.email)).toContain(world.sharedLeads[d]!.email);
      expect(listed.body.users.map((u: { email: string }) => u.email)).not.toContain(theirs.email);
      expect((await client.post(`/api/users/${theirs.id}/password`).send({})).status).toBe(404);
      expect((await client.patch(`/api/users/${theirs.id}`).send({ disabled: true })).status).toBe(404);
      const created = await client.post('/api/users').send({ email: `mq-nouveau-d${d}@exemple.fr`, role: 'responsable_association', associationId: world.shared.id });
      expect(created.status).toBe(201);
      const row = t.db.select().from(users).where(eq(users.id, created.body.user.id)).get()!;
      expect(row.departmentId).toBe(admin.departmentId);
      // A session of the new account in the other department does not resolve.
      const other = world.departments.find((x) => x.id !== admin.departmentId)!;
      const forged = as(t, { ...admin, label: 'forgé', role: 'responsable_association', userId: row.id, departmentId: other.id, associationId: world.shared.id });
      expect((await forged.get('/api/session')).status).toBe(401);
      expect(t.db.select().from(users).where(eq(users.id, theirs.id)).get()!.disabledAt).toBeNull();
    }
  });

  it('never lets an actor read or write another tenant’s data', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    const validationByRoute = new Map<string, number>();
    const stats = { calls: 0, crossing: 0, refused403: 0, refused404: 0, validation400: 0, pairs: 0 };
    for (const actor of world.actors) {
      const markers = forbiddenMarkers(world, actor);
      const ids = victimIds(t, world, actor);
      expect(ids.size, actor.label).toBeGreaterThan(3);
      // Reads are fingerprinted together (one hash before all of them, one after); each write route on its own.
      const beforeReads = victimFingerprint(t, world, actor);
      for (const route of ordered) {
        stats.pairs += 1;
        const before = route.method === 'get' ? '' : victimFingerprint(t, world, actor);
        for (const probe of probesFor(route, ids)) {
          const res = await send(t, actor, probe);
          stats.calls += 1;
          const where = `${actor.label} ${route.method.toUpperCase()} ${probe.url} ${probe.body === undefined ? '' : JSON.stringify(probe.body).slice(0, 120)}`;
          if (res.status >= 500) failures.push(`${where} → ${res.status}`);
          if (probe.crossesTenant) {
            stats.crossing += 1;
            const validation = res.status === 400 && Array.isArray(res.body?.error?.details?.issues);
            if (res.status === 403) stats.refused403 += 1;
            else if (res.status === 404) stats.refused404 += 1;
            else if (validation) {
              stats.validation400 += 1;
              const key = `${route.method.toUpperCase()} ${route.path}`;
              validationByRoute.set(key, (validationByRoute.get(key) ?? 0) + 1);
            }
            else failures.push(`${where} → ${res.status} (refus attendu) ${JSON.stringify(res.body).slice(0, 160)}`);
          }
          const text = await answerText(res);
          const leaked = markers.filter((m) => text.includes(m));
          if (leaked.length > 0) failures.push(`${where} → ${res.status} laisse voir ${leaked.join(', ')}`);
        }
        if (route.method !== 'get' && victimFingerprint(t, world, actor) !== before) failures.push(`${actor.label} ${route.method.toUpperCase()} ${route.path} a modifié les données d’un autre locataire`);
        if (route.method === 'get' && ordered[ordered.indexOf(route) + 1]?.method !== 'get') {
          if (victimFingerprint(t, world, actor) !== beforeReads) failures.push(`${actor.label} : une lecture a modifié les données d’un autre locataire`);
        }
      }
    }
    summary = stats;
    console.log(
      `Matrice : ${staffRoutes.length} routes du personnel × ${world.actors.length} acteurs = ${stats.pairs} couples ; ${stats.calls} requêtes dont ${stats.crossing} avec un identifiant d’un autre locataire (403 : ${stats.refused403}, 404 : ${stats.refused404}, 400 de validation : ${stats.validation400}).`,
    );
    // Where the sample body did not pass validation, the id was refused before any lookup: listed for whoever adds a route.
    console.log(`Refus par validation avant toute lecture : ${[...validationByRoute].map(([k, v]) => `${k} (${v})`).join(', ') || 'aucun'}`);
    expect(failures, failures.slice(0, 40).join('\n')).toEqual([]);
  });
});
