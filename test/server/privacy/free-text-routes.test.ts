/**
 * Free text (the closing comment, any « autre : préciser ») is for the association that ran the mentorship:
 * generated from the route table, every route a department's staff can read is called with the ids of the
 * department's OWN rows, and no comment of any association may appear in the answer (Excel files unzipped).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../server/routes.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { answerText, belongsToVictim, buildWorld, closeServers, classifyRows, probesFor, send, VOLATILE_TABLES, type World } from './tenant-world.ts';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = testApp({ now: new Date('2026-06-15T10:00:00Z') });
  t.sqlite.pragma('synchronous = OFF');
  world = await buildWorld(t);
});
afterAll(async () => {
  await closeServers();
  t.dispose();
});

describe('free-text answers never reach a department route', () => {
  it('keeps every comment out of every answer to department staff', { timeout: 120_000 }, async () => {
    const comments = world.tenants.map((x) => x.comment);
    expect(comments.every(Boolean)).toBe(true);
    // The comments are really stored (otherwise this test would prove nothing).
    expect(JSON.stringify(t.sqlite.prepare('SELECT answers_json FROM responses').all())).toContain(comments[0]);
    const failures: string[] = [];
    let calls = 0;
    const readable = routes.filter((r) => r.method === 'get' && r.access !== 'public');
    for (const actor of world.actors.filter((a) => a.associationId === null)) {
      const { rows, ownerOf } = classifyRows(t, VOLATILE_TABLES);
      const own = new Map<string, number[]>();
      for (const [table, list] of rows) {
        const ids = list.filter((r) => typeof r.id === 'number' && !belongsToVictim(world, actor, table, ownerOf(table, r))).map((r) => r.id as number);
        if (ids.length > 0) own.set(table, ids.slice(0, 6));
      }
      for (const route of readable) {
        if (!route.access.includes(actor.role)) continue;
        for (const probe of probesFor(route, own)) {
          for (const url of [probe.url, `${probe.url}${probe.url.includes('?') ? '&' : '?'}year=2026`]) {
            const res = await send(t, actor, { ...probe, url });
            calls += 1;
            const text = await answerText(res);
            const leaked = comments.filter((c) => text.includes(c));
            if (leaked.length > 0) failures.push(`${actor.label} GET ${url} → ${res.status} contient ${leaked.join(', ')}`);
          }
        }
      }
    }
    console.log(`Texte libre : ${calls} lectures de routes du département vérifiées.`);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
