/**
 * A populated two-department world for the tenant-isolation matrix and the free-text checks, plus the generic
 * machinery to exercise every staff route of the route table (ids of another tenant, sample bodies built from
 * the zod schemas, response content decoded even from Excel files).
 */
import request from 'supertest';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { associations, departmentAssociations, mentors, mentorships, users } from '../../../db/schema/index.ts';
import type { TestApp } from '../../support/app.ts';
import { makeAssociation, makeMentorship, makeUser, makeWorld } from '../../support/factories.ts';
import { createSession, sessionCookieName } from '../../../server/auth/session.ts';
import { plausibleAnswers } from '../../../db/seed/answers.ts';
import { seededRandom } from '../../../db/seed/random.ts';
import type { Route } from '../../../server/http/route.ts';
import type { UserRole } from '../../../db/schema/index.ts';

export type Row = Record<string, unknown>;

/** Gives every AUTOINCREMENT table its own id range, so an id names one row of one table only. */
export function disjointIds(t: TestApp): void {
  const tables = t.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name").all() as { name: string }[];
  tables.forEach(({ name }, i) => {
    const offset = (i + 1) * 100_000;
    const current = t.sqlite.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(name) as { seq: number } | undefined;
    if (current) t.sqlite.prepare('UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?').run(offset, name, offset);
    else t.sqlite.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(name, offset);
  });
}

export interface Tenant {
  tag: string;
  departmentId: number;
  associationId: number;
  shared: boolean;
  /** Data about young people and their mentorships: never outside this (department, association) pair. */
  markers: string[];
  /** Data of the association itself (name, mentors, lead): visible wherever the association is a partner. */
  associationMarkers: string[];
  comment: string;
  mentorshipIds: number[];
}

export interface Actor {
  label: string;
  role: UserRole;
  userId: number;
  email: string;
  departmentId: number;
  associationId: number | null;
}

export async function buildWorld(t: TestApp) {
  disjointIds(t);
  const [w0, w1] = await makeWorld(t.db);
  const departments = [w0.department, w1.department];
  const shared = makeAssociation(t.db, [w0.department.id, w1.department.id], { name: 'Association commune MQS' });
  // One account per department for the shared association, each owned (and managed) by its department only.
  const sharedLeads = [
    await makeUser(t.db, { role: 'responsable_association', associationId: shared.id, departmentId: w0.department.id, email: 'mq-mqs0x-lead@exemple.fr' }),
    await makeUser(t.db, { role: 'responsable_association', associationId: shared.id, departmentId: w1.department.id, email: 'mq-mqs1x-lead@exemple.fr' }),
  ];
  const rename = (id: number, email: string) => t.db.update(users).set({ email }).where(eq(users.id, id)).run();

  const actors: Actor[] = [];
  const tenants: Tenant[] = [];
  const staffEmails: Record<number, string[]> = {};
  for (const [d, w] of [w0, w1].entries()) {
    rename(w.admin.id, `mq-d${d}-admin@exemple.fr`);
    rename(w.evaluator.id, `mq-d${d}-eval@exemple.fr`);
    // The shared association's lead owned by this department is this department's account: never shown to the other.
    staffEmails[w.department.id] = [`mq-d${d}-admin@exemple.fr`, `mq-d${d}-eval@exemple.fr`, sharedLeads[d]!.email];
    actors.push({ label: `admin D${d}`, role: 'admin', userId: w.admin.id, email: `mq-d${d}-admin@exemple.fr`, departmentId: w.department.id, associationId: null });
    actors.push({ label: `évaluateur D${d}`, role: 'evaluateur', userId: w.evaluator.id, email: `mq-d${d}-eval@exemple.fr`, departmentId: w.department.id, associationId: null });
    for (const [a, association] of w.associations.entries()) {
      const tag = `MQ${d}${a}X`;
      t.db.update(associations).set({ name: `Association ${tag}` }).where(eq(associations.id, association.id)).run();
      const lead = w.leads[a]!;
      rename(lead.id, `mq-${tag.toLowerCase()}-lead@exemple.fr`);
      actors.push({ label: `responsable A${a} D${d}`, role: 'responsable_association', userId: lead.id, email: `mq-${tag.toLowerCase()}-lead@exemple.fr`, departmentId: w.department.id, associationId: association.id });
      tenants.push({ tag, departmentId: w.department.id, associationId: association.id, shared: false, markers: [], associationMarkers: [`Association ${tag}`, `mq-${tag.toLowerCase()}-lead@exemple.fr`], comment: '', mentorshipIds: [] });
    }
    const tag = `MQS${d}X`;
    actors.push({ label: `responsable commune D${d}`, role: 'responsable_association', userId: sharedLeads[d]!.id, email: sharedLeads[d]!.email, departmentId: w.department.id, associationId: shared.id });
    tenants.push({ tag, departmentId: w.department.id, associationId: shared.id, shared: true, markers: [], associationMarkers: ['Association commune MQS'], comment: '', mentorshipIds: [] });
  }

  // Each tenant: one mentorship in progress, one closed through the API with the youth's answer (and a comment).
  for (const tenant of tenants) {
    const running = makeMentorship(t.db, { departmentId: tenant.departmentId, associationId: tenant.associationId, reference: `REF-${tenant.tag}-EC` });
    const closing = makeMentorship(t.db, { departmentId: tenant.departmentId, associationId: tenant.associationId, reference: `REF-${tenant.tag}-CL` });
    for (const m of [running, closing]) t.db.update(mentors).set({ reference: `MENTOR-${tenant.tag}-${m.id}` }).where(eq(mentors.id, m.mentorId!)).run();
    tenant.mentorshipIds = [running.id, closing.id];
    const lead = actors.find((a) => a.associationId === tenant.associationId && a.departmentId === tenant.departmentId)!;
    const closed = await as(t, lead).post(`/api/mentorships/${closing.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
    if (closed.status !== 201) throw new Error(`close failed: ${closed.status} ${JSON.stringify(closed.body)}`);
    const youthUrl: string = closed.body.links.find((l: { audience: string }) => l.audience === 'youth').url;
    const respondent = request.agent(t.app);
    const opened = await respondent.get(`/q/${youthUrl.split('/q/')[1]}`);
    const page = opened.headers.location as string;
    const survey = (await respondent.get(`${page}/api/questionnaire`)).body.survey;
    tenant.comment = `COMMENTAIRE-SECRET-${tenant.tag}`;
    const sent = await respondent.post(`${page}/api/response`).send({ answers: { ...plausibleAnswers(survey, seededRandom(7)), commentaire: tenant.comment } });
    if (sent.status !== 201) throw new Error(`answer failed: ${sent.status} ${JSON.stringify(sent.body)}`);
    tenant.markers.push(`REF-${tenant.tag}-EC`, `REF-${tenant.tag}-CL`, tenant.comment);
    tenant.associationMarkers.push(`MENTOR-${tenant.tag}-`);
  }

  const partners = t.db.select().from(departmentAssociations).all();
  return { departments, tenants, actors, shared, staffEmails, partners, sharedLeads };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

// supertest starts a server per request when given an app: thousands of probes share one listening server.
const servers = new Map<TestApp, Server>();
function serverFor(t: TestApp): Server {
  let server = servers.get(t);
  if (!server) servers.set(t, (server = createServer(t.app).listen(0, '127.0.0.1')));
  return server;
}
export async function closeServers(): Promise<void> {
  await Promise.all([...servers.values()].map((s) => new Promise((resolve) => s.close(resolve))));
  servers.clear();
}

/** A supertest client with a fresh server-side session for the actor (no password hashing: fast). */
export function as(t: TestApp, actor: Actor) {
  const token = createSession(t.ctx, actor.userId, actor.departmentId);
  const cookie = `${sessionCookieName(t.ctx.config.secureCookies)}=${token}`;
  const agent = request(serverFor(t));
  const wrap = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (url: string) => agent[method](url).set('Cookie', cookie);
  return { get: wrap('get'), post: wrap('post'), put: wrap('put'), patch: wrap('patch'), delete: wrap('delete'), token };
}

/** Tenants whose data this actor must never read nor change. */
export function victimsOf(world: World, actor: Actor): Tenant[] {
  return world.tenants.filter((tenant) =>
    actor.associationId === null ? tenant.departmentId !== actor.departmentId : tenant.associationId !== actor.associationId || tenant.departmentId !== actor.departmentId,
  );
}

/** Strings that must never appear in an answer to this actor. */
export function forbiddenMarkers(world: World, actor: Actor): string[] {
  const out = new Set<string>();
  const seesAssociation = (associationId: number) =>
    actor.associationId === null ? world.partners.some((p) => p.associationId === associationId && p.departmentId === actor.departmentId) : associationId === actor.associationId;
  for (const v of victimsOf(world, actor)) {
    for (const m of v.markers) out.add(m);
    if (!seesAssociation(v.associationId)) for (const m of v.associationMarkers) out.add(m);
    if (v.departmentId !== actor.departmentId) for (const e of world.staffEmails[v.departmentId] ?? []) out.add(e);
  }
  // Free text stays with the association that ran the mentorship: department staff never see any.
  if (actor.associationId === null) for (const tenant of world.tenants) out.add(tenant.comment);
  return [...out].filter(Boolean);
}

// ---------- rows of the database, classified by tenant ----------

interface Fk {
  table: string;
  from: string;
  to: string;
}

export function tableNames(t: TestApp): string[] {
  return (t.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

const fkCache = new WeakMap<object, Map<string, Fk[]>>();
function foreignKeys(t: TestApp, table: string): Fk[] {
  let cache = fkCache.get(t.sqlite);
  if (!cache) fkCache.set(t.sqlite, (cache = new Map()));
  let fks = cache.get(table);
  if (!fks) cache.set(table, (fks = t.sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Fk[]));
  return fks;
}

export interface Owner {
  departmentId: number | null;
  associationId: number | null;
}

/**
 * Who each row belongs to, read from its own department_id / association_id columns or, failing that, from the
 * rows it references (a response → its mentorship), so tables added later are classified without a change here.
 */
export function classifyRows(t: TestApp, excluded: string[] = []) {
  const names = tableNames(t).filter((n) => !excluded.includes(n));
  const rows = new Map<string, Row[]>();
  for (const n of names) rows.set(n, t.sqlite.prepare(`SELECT rowid AS __rowid, * FROM "${n}"`).all() as Row[]);
  const memo = new Map<string, Owner>();
  const indexes = new Map<string, Map<unknown, Row>>();
  const parentRow = (table: string, column: string, value: unknown): Row | undefined => {
    const key = `${table}.${column}`;
    let index = indexes.get(key);
    if (!index) {
      index = new Map();
      for (const r of rows.get(table) ?? []) index.set(r[column], r);
      indexes.set(key, index);
    }
    return index.get(value);
  };
  const ownerOf = (table: string, row: Row, depth = 0): Owner => {
    const key = `${table}:${String(row.__rowid)}`;
    const cached = memo.get(key);
    if (cached) return cached;
    let owner: Owner = {
      departmentId: table === 'departments' ? (row.id as number) : ((row.department_id as number | null | undefined) ?? null),
      associationId: table === 'associations' ? (row.id as number) : ((row.association_id as number | null | undefined) ?? null),
    };
    if (depth < 5) {
      for (const fk of foreignKeys(t, table)) {
        if (fk.table === 'departments' || fk.table === 'associations' || row[fk.from] == null) continue;
        const parent = parentRow(fk.table, fk.to ?? 'id', row[fk.from]);
        if (!parent) continue;
        const p = ownerOf(fk.table, parent, depth + 1);
        owner = { departmentId: owner.departmentId ?? p.departmentId, associationId: owner.associationId ?? p.associationId };
      }
    }
    memo.set(key, owner);
    return owner;
  };
  return { rows, ownerOf };
}

/** Does this row belong to one of the victims (and so must stay out of the actor's reach)? */
export function belongsToVictim(world: World, actor: Actor, table: string, owner: Owner): boolean {
  const partnered = (associationId: number, departmentId: number) => world.partners.some((p) => p.associationId === associationId && p.departmentId === departmentId);
  if (table === 'departments') {
    if (actor.associationId === null) return owner.departmentId !== actor.departmentId;
    return !partnered(actor.associationId, owner.departmentId!);
  }
  if (owner.departmentId === null && owner.associationId === null) return false;
  if (actor.associationId === null) {
    if (owner.departmentId !== null) return owner.departmentId !== actor.departmentId;
    return !partnered(owner.associationId!, actor.departmentId);
  }
  if (owner.associationId !== null && owner.associationId !== actor.associationId) return true;
  if (owner.departmentId !== null && owner.departmentId !== actor.departmentId) {
    // The lead's own user row carries no department; a department row of a partner is reachable by switching.
    return true;
  }
  return false;
}

/** Tables whose writes are expected on any request (sessions touched, the audit trail of refusals). */
export const VOLATILE_TABLES = ['sessions', 'audit_log'];

/** A hash of every row of the victims' data; equal before and after means nothing of theirs was written. */
export function victimFingerprint(t: TestApp, world: World, actor: Actor): string {
  const { rows, ownerOf } = classifyRows(t, VOLATILE_TABLES);
  const hash = createHash('sha256');
  for (const [table, list] of rows) {
    for (const row of list) {
      if (belongsToVictim(world, actor, table, ownerOf(table, row))) hash.update(`${table}:${JSON.stringify(row)}\n`);
    }
  }
  return hash.digest('hex');
}

export function rowCounts(t: TestApp): Record<string, number> {
  return Object.fromEntries(tableNames(t).map((n) => [n, (t.sqlite.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
}

/** Ids (per table) of the victims' rows: a few per table, for every integer primary key. */
export function victimIds(t: TestApp, world: World, actor: Actor, perTable = 2): Map<string, number[]> {
  const { rows, ownerOf } = classifyRows(t, VOLATILE_TABLES);
  const out = new Map<string, number[]>();
  for (const [table, list] of rows) {
    const ids = list.filter((r) => typeof r.id === 'number' && belongsToVictim(world, actor, table, ownerOf(table, r))).map((r) => r.id as number);
    // Spread the picks across victims (first and last rows).
    const picks = [...new Set([...ids.slice(0, Math.ceil(perTable / 2)), ...ids.slice(-Math.floor(perTable / 2))])];
    if (picks.length > 0) out.set(table, picks);
  }
  return out;
}

// ---------- requests built from the route table ----------

const TABLE_BY_PREFIX: Record<string, string> = {
  association: 'associations',
  department: 'departments',
  mentorship: 'mentorships',
  mentor: 'mentors',
  user: 'users',
  territory: 'territories',
  youngPerson: 'young_people',
  link: 'links',
  response: 'responses',
  declaration: 'declarations',
  questionnaireVersion: 'questionnaire_versions',
  version: 'questionnaire_versions',
};

export const isIdName = (name: string) => name === 'id' || /Ids?$/.test(name);

/** The victim ids to try for a parameter or field: those of its table when the name says it, else all. */
export function idsFor(name: string, ids: Map<string, number[]>): number[] {
  const prefix = name.replace(/Ids?$/, '');
  const table = TABLE_BY_PREFIX[prefix];
  if (table) return ids.get(table) ?? [];
  return [...ids.values()].flat();
}

const NON_ID_SAMPLES: Record<string, string[]> = {
  year: ['2026'],
  period: ['2026-06', '2026-T2'],
  kind: ['sexe'],
};

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
  additionalProperties?: JsonSchema | boolean;
};

function toJson(schema: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
}

/** A minimal value that a schema accepts (best effort), with id-named fields set to `idValue` when given. */
export function sample(schema: JsonSchema, name: string, idValue?: number): unknown {
  if (idValue !== undefined && isIdName(name)) {
    const t = schema.type;
    if (t === 'array') return [schema.items?.type === 'string' ? String(idValue) : idValue];
    if (t === 'string') return String(idValue);
    return idValue;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) return sample(variants.find((v) => v.type !== 'null') ?? variants[0]!, name, idValue);
  if (schema.allOf && schema.allOf.length > 0) return sample(schema.allOf[0]!, name, idValue);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) out[key] = sample(child, key, idValue);
      return out;
    }
    case 'array':
      return schema.minItems && schema.items ? Array.from({ length: schema.minItems }, () => sample(schema.items!, name, idValue)) : [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1, name === 'year' ? 2026 : 1);
    case 'boolean':
      return false;
    case 'string':
      if (/password/i.test(name)) return 'une phrase de passe assez longue pour passer';
      if (schema.format === 'date' || /date|On$/.test(name)) return '2026-06-01';
      if (schema.format === 'email') return 'quelquun@exemple.fr';
      if (name === 'year') return '2026';
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        const fit = ['2026-06', '2026-06-01', 'x', 'abc', 'A'.repeat(22), 'A'.repeat(43), 'REF-1', '2026-T2', '2026'].find((c) => re.test(c));
        if (fit) return fit;
      }
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return null;
  }
}

/** The first candidate body the route's own schema accepts: every property, then the required ones only. */
function validSample(schema: z.ZodType, json: JsonSchema): unknown {
  const all = sample(json, '');
  const required = Object.fromEntries(Object.entries(all as Record<string, unknown>).filter(([k]) => (json.required ?? []).includes(k)));
  return [all, required].find((c) => schema.safeParse(c).success) ?? all;
}

export interface Probe {
  route: Route;
  url: string;
  body: unknown;
  /** True when an id of another tenant was put in the address or the body: the answer must be a refusal. */
  crossesTenant: boolean;
}

function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_m, p: string) => encodeURIComponent(values[p] ?? 'x'));
}

/** Every request to try for one route and one actor: other tenants' ids in the path, the body and the query. */
export function probesFor(route: Route, ids: Map<string, number[]>): Probe[] {
  const params = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const bodySchema = route.body ? toJson(route.body) : null;
  const querySchema = route.query ? toJson(route.query) : null;
  const idParams = params.filter(isIdName);
  const otherParams = params.filter((p) => !isIdName(p));
  const otherValues = otherParams.map((p) => NON_ID_SAMPLES[p] ?? ['x']);
  const combos = otherValues.reduce<Record<string, string>[]>((acc, values, i) => acc.flatMap((c) => values.map((v) => ({ ...c, [otherParams[i]!]: v }))), [{}]);
  const bodyIdFields = bodySchema ? Object.keys(bodySchema.properties ?? {}).filter(isIdName) : [];
  const queryIdFields = querySchema ? Object.keys(querySchema.properties ?? {}).filter(isIdName) : [];
  const plainBody = bodySchema ? validSample(route.body!, bodySchema) : undefined;
  const probes: Probe[] = [];
  for (const combo of combos) {
    if (idParams.length > 0) {
      const candidates = [...new Set(idParams.flatMap((p) => idsFor(p, ids)))];
      for (const id of candidates) {
        const values = { ...combo, ...Object.fromEntries(idParams.map((p) => [p, String(id)])) };
        probes.push({ route, url: fillPath(route.path, values), body: plainBody, crossesTenant: true });
      }
      continue;
    }
    const url = fillPath(route.path, combo);
    probes.push({ route, url, body: plainBody, crossesTenant: false });
    for (const field of bodyIdFields) {
      for (const id of idsFor(field, ids)) {
        const body = { ...(plainBody as Record<string, unknown>), [field]: sample(bodySchema!.properties![field]!, field, id) };
        probes.push({ route, url, body, crossesTenant: true });
      }
    }
    for (const field of queryIdFields) {
      for (const id of idsFor(field, ids)) {
        // A query id of another tenant may give an empty result rather than a refusal: only content is checked.
        probes.push({ route, url: `${url}?${field}=${id}`, body: plainBody, crossesTenant: false });
      }
    }
  }
  return probes;
}

/** The answer as text, Excel and zip files included (their XML parts are searched like any other text). */
export async function answerText(res: request.Response): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  const body = res.body as unknown;
  if (Buffer.isBuffer(body) && /zip|spreadsheet|officedocument/.test(type)) {
    const zip = await JSZip.loadAsync(body);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
    return parts.join('\n');
  }
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return res.text ?? JSON.stringify(body ?? '');
}

/** supertest parser that keeps binary answers as a Buffer. */
export function binaryParser(res: NodeJS.ReadableStream & { setEncoding?: unknown }, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const sessionsByActor = new Map<Actor, ReturnType<typeof as>>();
/** Reuses one session per actor (a logout probe ends it: a new one is opened after). */
export async function send(t: TestApp, actor: Actor, probe: Probe) {
  let client = sessionsByActor.get(actor);
  if (!client) sessionsByActor.set(actor, (client = as(t, actor)));
  if (probe.route.method === 'delete' && probe.route.path === '/api/session') sessionsByActor.delete(actor);
  let req = client[probe.route.method](probe.url);
  const type = probe.route.produces ?? '';
  if (/xlsx|spreadsheet|zip|pdf|octet/.test(type) || /\.xlsx|\.zip/.test(probe.route.path)) req = req.buffer(true).parse(binaryParser as never);
  if (probe.body !== undefined && probe.route.method !== 'get') req = req.set('Content-Type', 'application/json').send(JSON.stringify(probe.body));
  return req;
}

export const mentorshipRow = (t: TestApp, id: number) => t.db.select().from(mentorships).where(eq(mentorships.id, id)).get();
