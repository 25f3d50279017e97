import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeWorld } from '../../support/factories.ts';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema/index.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
  t = testApp({ now: new Date('2026-10-20T09:00:00Z') });
  world = await makeWorld(t.db);
});
afterEach(() => t.dispose());

describe('reporting: confirmations and who is late', () => {
  it('records on-time and late confirmations and shows the department who has not reported', async () => {
    const [d1] = world;
    const lead1 = await t.loginAs(d1.leads[0]);
    const lead2 = await t.loginAs(d1.leads[1]);

    // September is due on 1 October: confirming on 20 October is late.
    const late = await lead1.post('/api/reporting/2026-09/confirm').send({ difficultes: 'Autorisation parentale en attente pour deux candidatures.' });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ period: '2026-09', dueOn: '2026-10-01', onTime: false });

    // October (due 1 November) confirmed on 20 October: on time; confirming again keeps the first date, updates texts.
    const onTime = await lead1.post('/api/reporting/2026-10/confirm').send({ presentations: 'Réunion MECS Les Tilleuls le 12 novembre' });
    expect(onTime.body.onTime).toBe(true);
    t.setNow(new Date('2026-10-20T09:10:00Z'));
    const again = await lead1.post('/api/reporting/2026-10/confirm').send({ presentations: 'Réunion MECS Les Tilleuls le 19 novembre' });
    expect(again.body).toMatchObject({ onTime: true, confirmedAt: onTime.body.confirmedAt, presentations: 'Réunion MECS Les Tilleuls le 19 novembre' });

    const evaluator = await t.loginAs(d1.evaluator);
    const view = await evaluator.get('/api/reporting').query({ from: '2026-09-01', to: '2026-12-01' });
    expect(view.status).toBe(200);
    expect(view.body.periods.map((p: { id: string }) => p.id)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    const byId = Object.fromEntries(view.body.associations.map((a: { associationId: number }) => [a.associationId, a]));
    const a1 = byId[d1.associations[0].id];
    const a2 = byId[d1.associations[1].id];
    expect(a1.cells.map((c: { status: string }) => c.status)).toEqual(['manquant', 'en_retard', 'a_temps', 'a_venir']);
    expect(a1).toMatchObject({ onTime: 1, late: 1, missing: 1, denominator: 3 });
    expect(a2.cells.map((c: { status: string }) => c.status)).toEqual(['manquant', 'manquant', 'a_venir', 'a_venir']);
    expect(a2).toMatchObject({ missing: 2, denominator: 2, rate: 0 });
    expect(view.body.texts).toEqual(
      expect.arrayContaining([expect.objectContaining({ associationId: d1.associations[0].id, period: '2026-10', presentations: 'Réunion MECS Les Tilleuls le 19 novembre' })]),
    );

    // The association sees only itself.
    const own = await lead2.get('/api/reporting').query({ from: '2026-09-01', to: '2026-12-01' });
    expect(own.body.associations).toHaveLength(1);
    expect(own.body.associations[0].associationId).toBe(d1.associations[1].id);
    expect(own.body.texts).toEqual([]);
  });

  it('keeps other departments out', async () => {
    const [d1, d2] = world;
    const lead1 = await t.loginAs(d1.leads[0]);
    await lead1.post('/api/reporting/2026-09/confirm').send({ difficultes: 'Texte du département 1' }).expect(200);
    const admin2 = await t.loginAs(d2.admin);
    const view = await admin2.get('/api/reporting').query({ from: '2026-09-01', to: '2026-12-01' });
    const ids = view.body.associations.map((a: { associationId: number }) => a.associationId);
    expect(ids).not.toContain(d1.associations[0].id);
    expect(JSON.stringify(view.body)).not.toContain('Texte du département 1');
    // Department staff do not confirm for an association.
    expect((await admin2.post('/api/reporting/2026-09/confirm').send({})).status).toBe(403);
  });

  it('validates the period, the texts and the range, in French', async () => {
    const lead = await t.loginAs(world[0].leads[0]);
    const malformed = await lead.post('/api/reporting/septembre/confirm').send({});
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/AAAA-MM/);
    expect((await lead.post('/api/reporting/2026-T3/confirm').send({})).body.error.message).toMatch(/calendrier mensuel/);
    expect((await lead.post('/api/reporting/2027-01/confirm').send({})).body.error.message).toMatch(/n’a pas encore commencé/);
    const long = await lead.post('/api/reporting/2026-10/confirm').send({ difficultes: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/au plus 2000 caractères/);
    expect((await lead.post('/api/reporting/2026-10/confirm').send({ nom: 'Léa' })).status).toBe(400);
    const range = await lead.get('/api/reporting').query({ from: '2026-12-01', to: '2026-01-01' });
    expect(range.status).toBe(400);
    expect(range.body.error.message).toMatch(/précéder/);
  });

  it('lets the department set a quarterly calendar; periods follow it', async () => {
    const [d1] = world;
    const lead = await t.loginAs(d1.leads[0]);
    expect((await lead.put('/api/reporting/calendar').send({ rhythm: 'trimestriel', dueDay: 10, reminderLeadDays: 7, remindersEnabled: true })).status).toBe(403);
    const admin = await t.loginAs(d1.admin);
    const bad = await admin.put('/api/reporting/calendar').send({ rhythm: 'trimestriel', dueDay: 31, reminderLeadDays: 7, remindersEnabled: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/entre 1 et 28/);
    const saved = await admin.put('/api/reporting/calendar').send({ rhythm: 'trimestriel', dueDay: 10, reminderLeadDays: 7, remindersEnabled: true });
    expect(saved.status).toBe(200);
    expect(saved.body.nextPeriod).toMatchObject({ id: '2026-T4', dueOn: '2027-01-10' });
    const trail = t.db.select().from(auditLog).where(eq(auditLog.target, 'calendrier_reporting')).all();
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'parametres.modifies', departmentId: d1.department.id });
    // 20 October: T3 was due on the 10th, so it is the late one; T4 is due 10 January.
    const view = await lead.get('/api/reporting').query({ from: '2026-01-01', to: '2027-01-31' });
    expect(view.body.periods.map((p: { id: string }) => p.id)).toEqual(['2025-T4', '2026-T1', '2026-T2', '2026-T3', '2026-T4']);
    expect((await lead.post('/api/reporting/2026-T3/confirm').send({})).body.onTime).toBe(false);
    // The other department keeps its own (default monthly) calendar.
    const other = await t.loginAs(world[1].admin);
    expect((await other.get('/api/reporting/calendar')).body.rhythm).toBe('mensuel');
  });
});
