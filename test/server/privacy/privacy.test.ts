import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { count, eq } from 'drizzle-orm';
import { auditLog, indicatorValues, links, mentorships, responses, youngPeople } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';
import { plausibleAnswers } from '../../../db/seed/answers.ts';
import { seededRandom } from '../../../db/seed/random.ts';
import { createApp } from '../../../server/app.ts';
import { purge } from '../../../server/privacy/purge.ts';
import { tableNames } from './tenant-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof setup>>;
const T0 = new Date('2026-06-15T10:00:00Z');
const COMMENT = 'Mon mentor m’a aidé pour le brevet — texte libre secret';

async function setup() {
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const sibling = makeAssociation(t.db, [department.id]);
  return {
    department,
    association,
    lead: await makeUser(t.db, { role: 'responsable_association', associationId: association.id }),
    siblingLead: await makeUser(t.db, { role: 'responsable_association', associationId: sibling.id }),
    evaluator: await makeUser(t.db, { role: 'evaluateur', departmentId: department.id }),
    admin: await makeUser(t.db, { role: 'admin', departmentId: department.id }),
    mentorship: makeMentorship(t.db, { departmentId: department.id, associationId: association.id, reference: 'REF-JEUNE-42' }),
  };
}

beforeEach(async () => {
  t = testApp({ now: T0 });
  w = await setup();
});
afterEach(() => t.dispose());

const n = (table: Parameters<TestApp['db']['select']>[0] extends never ? never : typeof responses | typeof links | typeof indicatorValues | typeof mentorships | typeof youngPeople) =>
  t.db.select({ n: count() }).from(table).get()!.n;

/** Closes the mentorship through the API and returns the two raw tokens. */
async function close(app = t.app) {
  const lead = request.agent(app);
  await lead.post('/api/session').send({ email: w.lead.email, password: w.lead.password }).expect(200);
  const res = await lead.post(`/api/mentorships/${w.mentorship.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint' });
  expect(res.status).toBe(201);
  const token = (audience: string) => (res.body.links.find((l: { audience: string }) => l.audience === audience).url as string).split('/q/')[1]!;
  return { youth: token('youth'), mentor: token('mentor'), lead };
}

async function open(token: string, app = t.app) {
  const respondent = request.agent(app);
  const opened = await respondent.get(`/q/${token}`).set('User-Agent', 'Navigateur-Espion/1.0').set('X-Forwarded-For', '198.51.100.77');
  expect(opened.status).toBe(303);
  return { respondent, page: opened.headers.location as string };
}

async function answerYouth(token: string, app = t.app) {
  const { respondent, page } = await open(token, app);
  const survey = (await respondent.get(`${page}/api/questionnaire`)).body.survey;
  const res = await respondent
    .post(`${page}/api/response`)
    .set('User-Agent', 'Navigateur-Espion/1.0')
    .set('X-Forwarded-For', '198.51.100.77')
    .send({ answers: { ...plausibleAnswers(survey, seededRandom(3)), commentaire: COMMENT } });
  expect(res.status).toBe(201);
  return { respondent, page };
}

describe('answers carry no IP address nor user agent', () => {
  it('has no such column anywhere, and no stored row contains them', async () => {
    for (const table of tableNames(t)) {
      const columns = (t.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
      for (const c of columns) expect(c, `${table}.${c}`).not.toMatch(/(^|_)(ip|ip_address|user_agent|useragent|remote_addr|adresse_ip)($|_)/i);
    }
    const { youth } = await close();
    await answerYouth(youth);
    const dump = JSON.stringify(tableNames(t).map((table) => t.sqlite.prepare(`SELECT * FROM "${table}"`).all()));
    expect(dump).not.toContain('Navigateur-Espion');
    expect(dump).not.toContain('198.51.100.77');
    const row = t.db.select().from(responses).get()!;
    expect(Object.keys(row).sort()).toEqual(['answersJson', 'audience', 'declined', 'id', 'idempotencyKey', 'language', 'linkId', 'mentorshipId', 'questionnaireVersionId', 'submittedAt']);
    // The language is one of the questionnaire's codes, never the phone's raw Accept-Language header.
    expect(['fr', 'falc', 'en', 'ar', 'prs', 'ps']).toContain(row.language);
  });
});

describe('no name and no full birth date anywhere', () => {
  it('has name columns only for organisations, territories and staff accounts, and a birth month only', () => {
    const allowed = new Set(['associations.name', 'departments.name', 'territories.name', 'users.display_name']);
    for (const table of tableNames(t)) {
      for (const { name } of t.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]) {
        if (/(^|_)(name|nom|prenom|first_name|last_name|surname)($|_)/i.test(name)) expect(allowed, `${table}.${name}`).toContain(`${table}.${name}`);
        if (/birth|naissance/i.test(name)) expect(`${table}.${name}`).toBe('young_people.birth_month');
      }
    }
  });
});

describe('declining', () => {
  it('stores the refusal only: no answer, no indicator value, the draft erased', async () => {
    const { youth } = await close();
    const { respondent, page } = await open(youth);
    await respondent.put(`${page}/api/draft`).send({ answers: { commentaire: 'brouillon à effacer' } }).expect(200);
    const res = await respondent.post(`${page}/refus`).set('Content-Type', 'application/x-www-form-urlencoded').send('');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/Seul ce choix est enregistré/);
    const row = t.db.select().from(responses).get()!;
    expect(row.declined).toBe(true);
    expect(row.answersJson).toEqual({});
    expect(n(indicatorValues)).toBe(0);
    expect(JSON.stringify(t.db.select().from(links).all())).not.toContain('brouillon à effacer');
  });
});

describe('one neutral page for unknown, expired, used and revoked links', () => {
  it('answers the same page, with no hint which', async () => {
    const { youth, mentor } = await close();
    await answerYouth(youth);
    const used = await request(t.app).get(`/q/${youth}`);
    const unknown = await request(t.app).get(`/q/${'A'.repeat(43)}`);
    const malformed = await request(t.app).get('/q/pas-un-jeton');
    t.setNow(new Date(T0.getTime() + 61 * 86_400_000));
    const expired = await request(t.app).get(`/q/${mentor}`);
    for (const res of [used, unknown, malformed, expired]) {
      expect(res.status).toBe(404);
      expect(res.text).toBe(unknown.text);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(unknown.text).toMatch(/<h1>/);
  });

  it('keeps each questionnaire to its own cookie: another link’s page id with this cookie gets the neutral page', async () => {
    const { youth, mentor } = await close();
    const a = await open(youth);
    const b = await open(mentor);
    const cookieA = String(a.respondent.jar.getCookies({ domain: '127.0.0.1', path: a.page, secure: false, script: false }).map((c) => c.toValueString()));
    expect(cookieA).toMatch(/^im_q_/);
    const crossed = await request(t.app).get(`${b.page}/api/questionnaire`).set('Cookie', cookieA.replace(a.page.split('/r/')[1]!, b.page.split('/r/')[1]!));
    expect(crossed.status).toBe(404);
    expect((await request(t.app).get(`${b.page}/api/questionnaire`)).status).toBe(404);
  });

  it('revokes the links of a deleted mentorship: the opened questionnaire stops at once', async () => {
    const { youth, mentor, lead } = await close();
    const { respondent, page } = await open(youth);
    const del = await lead.delete(`/api/mentorships/${w.mentorship.id}`);
    expect(del.status).toBe(204);
    expect((await respondent.get(page)).status).toBe(404);
    expect((await respondent.post(`${page}/api/response`).send({ answers: {} })).status).toBe(404);
    const reopened = await request(t.app).get(`/q/${mentor}`);
    expect(reopened.status).toBe(404);
    expect(reopened.text).toBe((await request(t.app).get(`/q/${'A'.repeat(43)}`)).text);
    expect(n(links)).toBe(0);
    expect(n(mentorships)).toBe(0);
    expect(n(youngPeople)).toBe(0);
  });
});

describe('free-text answers stay with the association that ran the mentorship', () => {
  it('serves them to that association only', async () => {
    const { youth, lead } = await close();
    await answerYouth(youth);
    const mine = await lead.get(`/api/mentorships/${w.mentorship.id}/comments`);
    expect(mine.status).toBe(200);
    expect(mine.body.comments).toEqual([expect.objectContaining({ audience: 'youth', question: 'commentaire', text: COMMENT })]);
    expect((await (await t.loginAs(w.siblingLead)).get(`/api/mentorships/${w.mentorship.id}/comments`)).status).toBe(404);
    for (const staff of [w.evaluator, w.admin]) {
      expect((await (await t.loginAs(staff)).get(`/api/mentorships/${w.mentorship.id}/comments`)).status).toBe(403);
    }
  });
  // The generic check over every department route of the table is in free-text-routes.test.ts.
});

describe('export and erasure of one mentorship', () => {
  it('exports everything as JSON for a documented rights request: department admin only, reason required, audited', async () => {
    const { youth, lead } = await close();
    await answerYouth(youth);
    const admin = await t.loginAs(w.admin);
    const url = `/api/mentorships/${w.mentorship.id}/export`;
    // No reason, or a reason too short: refused in French, nothing exported, nothing logged as an export.
    const bare = await admin.post(url).send({});
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toMatch(/droit exercé|référence de la demande/);
    expect((await admin.post(url).send({ droit: 'acces', reference: ' x ' })).status).toBe(400);
    expect((await admin.post(url).send({ droit: 'curiosite', reference: 'DPO-2026-014' })).status).toBe(400);
    expect((await admin.get(url)).status).toBe(404);
    // The notice promises that nobody but a rights request reads one young person's answers: not the evaluator, not the association.
    expect((await (await t.loginAs(w.evaluator)).post(url).send({ droit: 'acces', reference: 'DPO-2026-014' })).status).toBe(403);
    expect((await lead.post(url).send({ droit: 'acces', reference: 'DPO-2026-014' })).status).toBe(403);
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'mentorat.exporte')).all()).toHaveLength(0);

    const res = await admin.post(url).send({ droit: 'acces', reference: 'DPO-2026-014' });
    expect(res.status).toBe(200);
    expect(res.body.mentorship.reference).toBe('REF-JEUNE-42');
    expect(res.body.youngPerson.birthMonth).toBe('2010-03');
    expect(res.body.links).toHaveLength(2);
    expect(JSON.stringify(res.body.links)).not.toMatch(/hash|token/i);
    const youthResponse = res.body.responses.find((r: { audience: string }) => r.audience === 'youth');
    expect(youthResponse.freeTextAnswersHeldByAssociation).toBe(1);
    expect(JSON.stringify(res.body)).not.toContain(COMMENT);
    expect(res.body.indicatorValues.length).toBeGreaterThan(0);
    const entries = t.db.select().from(auditLog).where(eq(auditLog.action, 'mentorat.exporte')).all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ target: `mentorship:${w.mentorship.id}`, departmentId: w.department.id, associationId: w.association.id, details: { droit: 'acces', demande: 'DPO-2026-014' } });
  });

  it('erases everything about one mentorship on the administrator’s request, audited, and nothing of another', async () => {
    const other = makeMentorship(t.db, { departmentId: w.department.id, associationId: w.association.id, reference: 'REF-AUTRE' });
    const { youth } = await close();
    await answerYouth(youth);
    const admin = await t.loginAs(w.admin);
    expect((await admin.delete(`/api/mentorships/${w.mentorship.id}`)).status).toBe(204);
    expect(n(responses)).toBe(0);
    expect(n(indicatorValues)).toBe(0);
    expect(n(links)).toBe(0);
    expect(t.db.select().from(mentorships).all().map((m) => m.id)).toEqual([other.id]);
    expect(t.db.select().from(youngPeople).all().map((y) => y.reference)).toEqual(['REF-AUTRE']);
    const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'mentorat.efface')).get()!;
    expect(entry.target).toBe(`mentorship:${w.mentorship.id}`);
    expect(JSON.stringify(entry)).not.toContain('REF-JEUNE-42');
    expect((await admin.delete(`/api/mentorships/${w.mentorship.id}`)).status).toBe(404);
    expect((await (await t.loginAs(w.evaluator)).delete(`/api/mentorships/${other.id}`)).status).toBe(403);
    expect((await (await t.loginAs(w.siblingLead)).delete(`/api/mentorships/${other.id}`)).status).toBe(404);
    expect(n(mentorships)).toBe(1);
  });
});

describe('retention purge (npm run cli -- purge), with a fake clock', () => {
  it('deletes links 90 days after expiry, anonymises row-level data 2 years after the end, keeps aggregates', async () => {
    const { youth } = await close();
    await answerYouth(youth);
    const values = n(indicatorValues);
    expect(values).toBeGreaterThan(0);

    // Links expire 60 days after closing (2026-06-15): nothing yet at expiry + 89 days.
    t.setNow(new Date(T0.getTime() + (60 + 89) * 86_400_000));
    expect(purge(t.ctx).departments[0]).toMatchObject({ linksDeleted: 0, linksScrubbed: 0, mentorshipsAnonymised: 0 });

    t.setNow(new Date(T0.getTime() + (60 + 91) * 86_400_000));
    const dry = purge(t.ctx, { dryRun: true });
    expect(dry.departments[0]).toMatchObject({ linksDeleted: 1, linksScrubbed: 1 });
    expect(n(links)).toBe(2);
    const first = purge(t.ctx);
    expect(first.departments[0]).toMatchObject({ linksDeleted: 1, linksScrubbed: 1, mentorshipsAnonymised: 0 });
    expect(n(links)).toBe(1);
    expect(t.db.select().from(links).get()!.tokenHash).toMatch(/^purge:/);
    expect(n(indicatorValues)).toBe(values);
    expect((await request(t.app).get(`/q/${youth}`)).status).toBe(404);

    // The mentorship ended 2026-06-01: row-level data stays until 2028-06-01.
    t.setNow(new Date('2028-05-31T12:00:00Z'));
    expect(purge(t.ctx).departments[0]!.mentorshipsAnonymised).toBe(0);
    t.setNow(new Date('2028-06-02T12:00:00Z'));
    const second = purge(t.ctx);
    expect(second.departments[0]).toMatchObject({ mentorshipsAnonymised: 1, youngPeopleAnonymised: 1 });
    const m = t.db.select().from(mentorships).get()!;
    expect(m.reference).toBe(`anonyme-${m.id}`);
    expect(m.mentorId).toBeNull();
    expect(m.status).toBe('objectif_atteint');
    expect(t.db.select().from(youngPeople).get()!.reference).toMatch(/^anonyme-/);
    expect(t.db.select().from(responses).get()!.answersJson).toEqual({});
    const dump = JSON.stringify(tableNames(t).map((table) => t.sqlite.prepare(`SELECT * FROM "${table}"`).all()));
    expect(dump).not.toContain('REF-JEUNE-42');
    expect(dump).not.toContain(COMMENT);
    // Aggregates kept: the indicator values are all still there.
    expect(n(indicatorValues)).toBe(values);
    // Audited (the first purge's entry, now over a year old, was itself purged from the trail).
    expect(t.db.select().from(auditLog).where(eq(auditLog.action, 'purge')).all().map((e) => e.details)).toEqual([
      { liensSupprimes: 0, liensEffaces: 0, mentoratsAnonymises: 1, jeunesAnonymises: 1 },
    ]);
    // Idempotent.
    expect(purge(t.ctx).departments[0]).toMatchObject({ linksDeleted: 0, linksScrubbed: 0, mentorshipsAnonymised: 0, youngPeopleAnonymised: 0 });
  });

  it('follows the department’s own retention settings', async () => {
    t.sqlite.prepare('UPDATE departments SET data_retention_months = 6, link_retention_days = 0').run();
    const { youth } = await close();
    await answerYouth(youth);
    t.setNow(new Date('2026-12-02T12:00:00Z'));
    expect(purge(t.ctx).departments[0]).toMatchObject({ mentorshipsAnonymised: 1 });
  });
});

describe('tokens never reach the logs', () => {
  it('keeps every log line free of tokens, cookies and answers during a full flow', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, cb) => (lines.push(String(chunk)), cb()) });
    const logger = pino({ level: 'trace' }, sink);
    const app = createApp({ ...t.ctx, logger });
    const { youth, mentor } = await close(app);
    const { respondent, page } = await answerYouth(youth, app);
    await respondent.get(page);
    await request(app).get(`/q/${mentor}`);
    await request(app).get(`/q/${mentor}?x=1`);
    await request(app).get(`/q/${'B'.repeat(43)}`);
    await new Promise((r) => setTimeout(r, 20));
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('/q/[masqué]');
    for (const secret of [youth, mentor, 'B'.repeat(43), page.split('/r/')[1]!, COMMENT, 'im_session', w.lead.password]) expect(log).not.toContain(secret);
  });
});
