import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { count, eq } from 'drizzle-orm';
import { auditLog, links } from '../../../db/schema/index.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeAssociation, makeDepartment, makeMentorship, makeUser } from '../../support/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof setup>>;

async function setup() {
  const { department } = makeDepartment(t.db);
  const association = makeAssociation(t.db, [department.id]);
  const other = makeAssociation(t.db, [department.id]);
  return {
    mentorship: makeMentorship(t.db, { departmentId: department.id, associationId: association.id }),
    lead: await makeUser(t.db, { role: 'responsable_association', associationId: association.id }),
    otherLead: await makeUser(t.db, { role: 'responsable_association', associationId: other.id }),
    evaluator: await makeUser(t.db, { role: 'evaluateur', departmentId: department.id }),
  };
}

beforeEach(async () => {
  t = testApp();
  w = await setup();
});
afterEach(() => t.dispose());

const tokenOf = (url: string) => url.split('/q/')[1]!;

async function close() {
  const lead = await t.loginAs(w.lead);
  const closed = await lead.post(`/api/mentorships/${w.mentorship.id}/close`).send({ endedOn: '2026-06-01', status: 'objectif_atteint', closureReason: 'objectif_atteint' });
  expect(closed.status).toBe(201);
  return { lead, youthUrl: closed.body.links.find((l: { audience: string }) => l.audience === 'youth').url as string };
}

describe('re-issuing a questionnaire link', () => {
  it('gives a new link and QR code, kills the old one, and keeps the answers saved so far', async () => {
    const { lead, youthUrl } = await close();
    const respondent = request.agent(t.app);
    const page = (await respondent.get(`/q/${tokenOf(youthUrl)}`)).headers.location as string;
    await respondent.put(`${page}/api/draft`).send({ answers: {} }).expect(200);
    const draft = t.db.select({ draft: links.draftJson }).from(links).where(eq(links.audience, 'youth')).get()!.draft;

    const res = await lead.post(`/api/mentorships/${w.mentorship.id}/links/youth/reissue`);
    expect(res.status).toBe(201);
    const fresh = res.body.links[0];
    expect(fresh.audience).toBe('youth');
    expect(fresh.url).not.toBe(youthUrl);
    expect(fresh.qrCodeSvg).toMatch(/^<svg/);

    expect((await request(t.app).get(`/q/${tokenOf(youthUrl)}`)).status).toBe(404);
    expect((await respondent.get(`${page}/api/questionnaire`)).status).toBe(404);
    const reopened = request.agent(t.app);
    const newPage = await reopened.get(`/q/${tokenOf(fresh.url)}`);
    expect(newPage.status).toBe(303);
    expect(t.db.select({ draft: links.draftJson }).from(links).where(eq(links.audience, 'youth')).get()!.draft).toEqual(draft);
    expect(t.db.select({ n: count() }).from(links).get()!.n).toBe(2);
    expect(t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'lien.reemis')).get()!.n).toBe(1);
  });

  it('revives an expired, unanswered link', async () => {
    const { lead, youthUrl } = await close();
    t.setNow(new Date('2026-12-31T10:00:00Z'));
    expect((await request(t.app).get(`/q/${tokenOf(youthUrl)}`)).status).toBe(404);
    const lead2 = await t.loginAs(w.lead);
    const res = await lead2.post(`/api/mentorships/${w.mentorship.id}/links/youth/reissue`);
    expect(res.status).toBe(201);
    expect(new Date(res.body.links[0].expiresAt).getTime()).toBeGreaterThan(new Date('2026-12-31T10:00:00Z').getTime());
    expect((await request(t.app).get(`/q/${tokenOf(res.body.links[0].url)}`)).status).toBe(303);
    void lead;
  });

  it('refuses, in French and without changing anything, when answered, not closed, not theirs, or not an association', async () => {
    const notClosed = await (await t.loginAs(w.lead)).post(`/api/mentorships/${w.mentorship.id}/links/youth/reissue`);
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.error.message).toMatch(/clôturez-le/);

    const { lead, youthUrl } = await close();
    const before = t.db.select().from(links).all();
    const other = await (await t.loginAs(w.otherLead)).post(`/api/mentorships/${w.mentorship.id}/links/youth/reissue`);
    expect(other.status).toBe(404);
    const evaluator = await (await t.loginAs(w.evaluator)).post(`/api/mentorships/${w.mentorship.id}/links/youth/reissue`);
    expect(evaluator.status).toBe(403);
    const badAudience = await lead.post(`/api/mentorships/${w.mentorship.id}/links/parent/reissue`);
    expect(badAudience.status).toBe(400);
    expect(t.db.select().from(links).all()).toEqual(before);

    const respondent = request.agent(t.app);
    const page = (await respondent.get(`/q/${tokenOf(youthUrl)}`)).headers.location as string;
    await respondent.post(`${page}/api/response`).send({ answers: {} }).expect(201);
    const answered = await lead.post(`/api/mentorships/${w.mentorship.id}/links/youth/reissue`);
    expect(answered.status).toBe(409);
    expect(answered.body.error.message).toMatch(/déjà été rempli/);
  });
});
