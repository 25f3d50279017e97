/**
 * "Today" is a Paris date everywhere (server/time.ts, client/src/staff/shared/paris-date.ts): with the clock at
 * 23:30 UTC on 31 December it is already 1 January in Paris, so a mentorship ended "today" (1 January) is not in
 * the future, and the year is the new one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { indicatorValues, mentorships } from '../../../db/schema/index.ts';
import { currentYear, monthsBeforeToday, parisDate, today } from '../../../server/time.ts';
import { closureYear } from '../../../server/questionnaires/respond.ts';
import { parisToday, parisYear } from '../../../client/src/staff/shared/paris-date.ts';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeWorld } from '../../support/factories.ts';
import request from 'supertest';

const NEW_YEAR_EVE = new Date('2026-12-31T23:30:00Z');
const clock = { now: () => NEW_YEAR_EVE };

describe('today in Paris', () => {
  it('is already 1 January at 23:30 UTC on 31 December (winter), and the next day at 22:30 UTC in summer', () => {
    expect(today(clock)).toBe('2027-01-01');
    expect(currentYear(clock)).toBe(2027);
    expect(parisDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(parisDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(monthsBeforeToday(clock, 24)).toBe('2025-01-01');
    expect(monthsBeforeToday({ now: () => new Date('2027-03-31T10:00:00Z') }, 1)).toBe('2027-02-28');
    expect(closureYear(null, NEW_YEAR_EVE)).toBe(2027);
  });

  it('is the same on the client', () => {
    expect(parisToday(NEW_YEAR_EVE)).toBe('2027-01-01');
    expect(parisYear(NEW_YEAR_EVE)).toBe(2027);
    expect(parisToday(new Date('2026-12-31T22:00:00Z'))).toBe('2026-12-31');
  });
});

describe('the API with the clock at 23:30 UTC on 31 December', () => {
  let t: TestApp;
  afterEach(() => t.dispose());

  it('accepts 1 January as today for a closure, a training date and a new row, refuses 2 January, and counts the answer in 2027', async () => {
    t = testApp({ now: NEW_YEAR_EVE });
    const [w] = await makeWorld(t.db);
    const lead = await t.loginAs(w.leads[0]);
    const created = await lead.post('/api/mentorships').send({ reference: 'REF-NOUVEL-AN', sex: 'F', birthMonth: '2010-03', appliedOn: '2027-01-01', status: 'candidature' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tomorrow = await lead.post('/api/mentorships').send({ reference: 'REF-DEMAIN', sex: 'F', birthMonth: '2010-03', appliedOn: '2027-01-02', status: 'candidature' });
    expect(tomorrow.status).toBe(400);

    const mentor = await lead.post('/api/mentors').send({ reference: 'MENTOR-NOUVEL-AN', trainedOn: '2027-01-01' });
    expect(mentor.status, JSON.stringify(mentor.body)).toBe(201);
    expect((await lead.post('/api/mentors').send({ reference: 'MENTOR-DEMAIN', trainedOn: '2027-01-02' })).status).toBe(400);

    const id = created.body.id as number;
    t.db.update(mentorships).set({ status: 'en_cours', startedOn: '2026-09-01' }).where(eq(mentorships.id, id)).run();
    expect((await lead.post(`/api/mentorships/${id}/close`).send({ endedOn: '2027-01-02', status: 'objectif_atteint' })).status).toBe(400);
    const closed = await lead.post(`/api/mentorships/${id}/close`).send({ endedOn: '2027-01-01', status: 'objectif_atteint' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);

    const respondent = request.agent(t.app);
    const url: string = closed.body.links.find((l: { audience: string }) => l.audience === 'youth').url;
    const page = (await respondent.get(`/q/${url.split('/q/')[1]}`)).headers.location as string;
    expect((await respondent.post(`${page}/api/response`).send({ answers: {} })).status).toBe(201);
    const years = new Set(t.db.select({ year: indicatorValues.year }).from(indicatorValues).where(eq(indicatorValues.mentorshipId, id)).all().map((v) => v.year));
    expect([...years].every((y) => y === 2027)).toBe(true);
  });
});
