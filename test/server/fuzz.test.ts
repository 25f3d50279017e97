import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import request from 'supertest';
import type { Test } from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { routes } from '../../server/routes.ts';
import type { Route } from '../../server/http/route.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { makeWorld } from '../support/factories.ts';
import { seedOpenLinks, type OpenLink } from '../../bench/support/seed.ts';

/**
 * Every route of the table (so routes added later are covered without touching this file) receives generated
 * bad requests. Invariants: never a 5xx, never a row written, and a French error (JSON `{ error: { code,
 * message } }` under /api, a French HTML page elsewhere).
 */

const FRENCH = /[àâçéèêëîïôûùüœ’]|\b(le|la|les|des|est|pas|une|un|de|du|vous|tu|ce|cette|adresse|requête|données)\b/i;
const HUGE = 'é'.repeat(1024 * 1024);
const BIG_BUT_UNDER_LIMIT = 'x'.repeat(90 * 1024);
const DEEP_ARRAY = '['.repeat(10_000) + ']'.repeat(10_000);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
/** Ids and words that exist nowhere: requests that get past validation must still find nothing to change. */
const PLACEHOLDER = '999999';

const BAD_PARAMS = ['-1', '0', '1e309', '1.5', 'NaN', '9'.repeat(40), '..%2F..%2Fetc%2Fpasswd', '..', '%00', '%E2%82%AC%F0%9F%98%80', 'a'.repeat(5000), '%27%20OR%201%3D1--', '%C3%A9t%C3%A9', '%FF'];
const BAD_QUERIES = [
  'x=1&x=2',
  'year=1&year=2&departmentId=abc',
  'year=%F0%9F%98%80&from=-1&to=1e309',
  'q[a][b]=1&__proto__[x]=1&constructor[prototype][y]=1',
  `year=${'9'.repeat(4000)}`,
  `q=${'a'.repeat(6000)}`,
  'page=-1&limit=1e309&sort=%00',
];

type Agent = InstanceType<typeof TestAgent>;
let t: TestApp;
let agents: Partial<Record<string, Agent>>;
let link: OpenLink;

beforeAll(async () => {
  t = testApp({ now: new Date() });
  const [first] = await makeWorld(t.db);
  agents = {
    admin: await t.loginAs(first.admin),
    evaluateur: await t.loginAs(first.evaluator),
    responsable_association: await t.loginAs(first.leads[0]),
  };
  link = seedOpenLinks(t.database, { mentorships: 1 })[0]!;
}, 60_000);
afterAll(() => t.dispose());

function tableCounts(): Record<string, number> {
  const tables = t.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return Object.fromEntries(tables.map((name) => [name, t.sqlite.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]));
}

function clientFor(route: Route): Agent | ReturnType<typeof request> {
  if (route.access === 'public') return request(t.app);
  const agent = agents[route.access[0]!];
  if (!agent) throw new Error(`aucun compte de test pour ${route.access[0]}`);
  return agent;
}

const isApi = (path: string) => path.startsWith('/api/') || path.includes('/api/');
const fill = (route: Route, values: Record<string, string> = {}) => route.path.replace(/:(\w+)/g, (_, name: string) => values[name] ?? PLACEHOLDER);

/** Fields of a zod object body, to send each of them with a wrong type. */
function bodyFields(route: Route): string[] {
  const shape = (route.body as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const wrongValues = fc.sample(
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), fc.array(fc.anything(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 4 })),
  { seed: 8, numRuns: 8 },
);

interface Case {
  label: string;
  path: string;
  /** Raw body and its content type, or nothing. */
  body?: { type: string; raw: string | Buffer };
  cookie?: string;
}

function casesFor(route: Route): Case[] {
  const cases: Case[] = [];
  const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  for (const name of params) for (const bad of BAD_PARAMS) cases.push({ label: `param ${name}=${bad.slice(0, 20)}`, path: fill(route, { [name]: bad }) });
  // A route with no query schema ignores the query string: without parameters the request would be a valid one
  // (DELETE /api/session logs out, an export is audited), so only routes that read a query or take parameters get these.
  if (route.query || params.length > 0) {
    for (const q of BAD_QUERIES) cases.push({ label: `query ${q.slice(0, 30)}`, path: `${fill(route)}?${q}` });
  }

  if (route.method !== 'get') {
    const json = (raw: string) => ({ type: 'application/json', raw });
    // Rejected by the body parser before any handler: safe to send to every route, body schema or not.
    const parserCases: [string, Case['body']][] = [
      ['JSON cassé', json('{"a": ')],
      ['JSON cassé 2', json('{answers:1}')],
      ['corps > 100 ko', json(JSON.stringify({ x: BIG_BUT_UNDER_LIMIT + BIG_BUT_UNDER_LIMIT }))],
      ['chaîne de 1 Mo', json(JSON.stringify({ x: HUGE }))],
    ];
    const bodyCases: [string, Case['body']][] = route.body
      ? [
          ['tableau', json('[]')],
          ['nombre', json('42')],
          ['chaîne', json('"texte"')],
          ['null', json('null')],
          ['imbrication 10 000 (tableau)', json(DEEP_ARRAY)],
          ['imbrication 10 000 (objet)', json(deepObject(10_000))],
          ['champ inconnu', json(JSON.stringify({ champInconnu: 1, __proto__: { admin: true } }))],
          ['prototype', json('{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"x": 1}}}')],
          ['texte brut', { type: 'text/plain', raw: '{"a":1}' }],
          ['formulaire', { type: 'application/x-www-form-urlencoded', raw: 'a=1&b=2' }],
          ['multipart', { type: 'multipart/form-data; boundary=xyz', raw: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--' }],
          ['binaire', { type: 'application/octet-stream', raw: Buffer.from([0, 1, 2, 255]) }],
          ...bodyFields(route).flatMap((field): [string, Case['body']][] => [
            // A generated value that happens to be valid (a string for a text field) is no bad request: skipped.
            ...wrongValues
              .filter((v) => !route.body!.safeParse({ [field]: v }).success)
              .map((v, i): [string, Case['body']] => [`${field} type faux #${i}`, json(JSON.stringify({ [field]: v }))]),
            [`${field} chaîne de 90 ko`, json(JSON.stringify({ [field]: BIG_BUT_UNDER_LIMIT }))],
            [`${field} imbriqué 10 000`, json(`{"${field}": ${deepObject(10_000)}}`)],
          ]),
        ]
      : [];
    for (const [label, body] of [...parserCases, ...bodyCases]) {
      cases.push({ label: `corps ${label}`, path: fill(route), body });
      // The respondent's own link and cookie: the bad body reaches the questionnaire validation itself.
      if (route.path.includes(':publicId')) {
        cases.push({ label: `corps ${label} (vrai lien)`, path: fill(route, { publicId: link.publicId }), body, cookie: `im_q_${link.publicId}=${link.token}` });
      }
    }
  }
  return cases;
}

function send(route: Route, c: Case): Test {
  const client = clientFor(route) as unknown as Record<string, (path: string) => Test>;
  let req = client[route.method]!(c.path).set('Accept', route.produces === 'text/html' ? 'text/html' : 'application/json');
  if (c.cookie) req = req.set('Cookie', c.cookie);
  if (c.body) req = req.set('Content-Type', c.body.type).send(c.body.raw as never);
  return req;
}

describe('fuzzing every route of the table', () => {
  it('covers the whole route table, public and staff', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.some((r) => r.access === 'public')).toBe(true);
    expect(routes.some((r) => r.access !== 'public')).toBe(true);
  });

  it.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s: no 5xx, no row written, a French error', async (_name, route) => {
    const before = tableCounts();
    const failures: string[] = [];
    for (const c of casesFor(route)) {
      const res = await send(route, c);
      const where = `${c.label} → ${res.status}`;
      if (res.status >= 500) failures.push(`${where} ${res.text.slice(0, 200)}`);
      if (res.status >= 400) {
        if (isApi(c.path.split('?')[0]!) || res.type === 'application/json') {
          const message = res.body?.error?.message;
          if (typeof res.body?.error?.code !== 'string' || typeof message !== 'string') failures.push(`${where} : pas de { error: { code, message } } (${res.text.slice(0, 120)})`);
          else if (!FRENCH.test(message)) failures.push(`${where} : message pas en français : ${message}`);
        } else if (!/lang="fr"/.test(res.text) || !FRENCH.test(res.text)) {
          failures.push(`${where} : pas de page d’erreur en français (${res.type})`);
        }
      }
      const after = tableCounts();
      const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
      if (changed.length > 0) {
        failures.push(`${where} : lignes écrites dans ${changed.join(', ')}`);
        Object.assign(before, after);
      }
    }
    expect(failures).toEqual([]);
  });
});
