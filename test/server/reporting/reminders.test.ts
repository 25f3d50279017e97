import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../support/app.ts';
import { makeWorld } from '../../support/factories.ts';
import { sendDueReminders } from '../../../server/reporting/reminders.ts';
import { createMailTransport } from '../../../server/mail/transport.ts';
import { reportingReminders } from '../../../db/schema/index.ts';

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on loopback: what nodemailer really delivers lands in `received`. */
async function startSmtp(options: { rejectFirst?: number } = {}) {
  const received: Received[] = [];
  let toReject = options.rejectFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (toReject > 0) {
        toReject -= 1;
        const error = new Error('Boîte indisponible') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable bodies fold long lines and encode accents: decode enough to read the text. */
const decode = (data: string) =>
  Buffer.from(
    data
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;

async function setUp(smtpOptions: { rejectFirst?: number } = {}) {
  smtp = await startSmtp(smtpOptions);
  // 26 November: the deadline of "novembre 2026" (1 December) is within the default 5 days.
  t = testApp({ now: new Date('2026-11-26T08:00:00Z'), config: { smtpUrl: smtp.url } });
  world = await makeWorld(t.db);
}
afterEach(async () => {
  t.dispose();
  await smtp.close();
});

describe('reporting reminders through a real SMTP server', () => {
  beforeEach(() => setUp());

  it('e-mails each association’s reporting lead once, and not again on a second run', async () => {
    const [d1, d2] = world;
    // One association already confirmed: it gets no reminder.
    const lead = await t.loginAs(d1.leads[1]);
    await lead.post('/api/reporting/2026-11/confirm').send({}).expect(200);

    const first = await sendDueReminders(t.ctx);
    expect(first).toEqual({ sent: 3, listed: 0, failed: 0, skipped: 1 });
    expect(smtp.received).toHaveLength(3);
    const recipients = smtp.received.flatMap((m) => m.to).sort();
    expect(recipients).toEqual([d1.leads[0].email, d2.leads[0].email, d2.leads[1].email].sort());
    const text = decode(smtp.received.find((m) => m.to.includes(d1.leads[0].email))!.data);
    expect(text).toMatch(/Subject: =\?UTF-8\?|Subject: Rappel/);
    expect(text).toContain('novembre 2026');
    expect(text).toContain('1er décembre 2026');
    expect(text).toContain('http://localhost:3000/reporting');
    expect(text).toContain(d1.department.name);

    const second = await sendDueReminders(t.ctx);
    expect(second).toEqual({ sent: 0, listed: 0, failed: 0, skipped: 4 });
    expect(smtp.received).toHaveLength(3);

    // The next day is still within the lead time: still nothing new.
    t.setNow(new Date('2026-11-27T08:00:00Z'));
    expect((await sendDueReminders(t.ctx)).sent).toBe(0);
    expect(smtp.received).toHaveLength(3);
    const rows = t.db.select().from(reportingReminders).all();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.state === 'envoye' && r.channel === 'email' && r.recipients === 1 && r.sentAt !== null)).toBe(true);
  });

  it('sends once when two runs overlap (timer and cron at the same time)', async () => {
    const transport = createMailTransport(t.ctx.config)!;
    try {
      const results = await Promise.all([sendDueReminders(t.ctx, { transport }), sendDueReminders(t.ctx, { transport }), sendDueReminders(t.ctx)]);
      expect(results.reduce((s, r) => s + r.sent, 0)).toBe(4);
      expect(results.reduce((s, r) => s + r.skipped, 0)).toBe(8);
    } finally {
      transport.close();
    }
    expect(smtp.received).toHaveLength(4);
    expect(new Set(smtp.received.flatMap((m) => m.to)).size).toBe(4);
  });

  it('sends nothing outside the lead time or once the deadline passed', async () => {
    t.setNow(new Date('2026-11-20T08:00:00Z'));
    expect(await sendDueReminders(t.ctx)).toEqual({ sent: 0, listed: 0, failed: 0, skipped: 0 });
    t.setNow(new Date('2026-12-02T08:00:00Z'));
    expect((await sendDueReminders(t.ctx)).sent).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('a refused send is retried, a claimed one is not', () => {
  beforeEach(() => setUp({ rejectFirst: 1 }));

  it('marks the refused reminder as failed and sends it on the next run', async () => {
    const first = await sendDueReminders(t.ctx);
    expect(first).toMatchObject({ sent: 3, failed: 1 });
    const failed = t.db.select().from(reportingReminders).where(eq(reportingReminders.state, 'echec')).all();
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastError).toMatch(/550|Boîte indisponible|rejected/i);

    const second = await sendDueReminders(t.ctx);
    expect(second).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(4);
    expect(t.db.select().from(reportingReminders).where(eq(reportingReminders.id, failed[0]!.id)).get()).toMatchObject({ state: 'envoye', attempts: 2 });
  });

  it('never re-sends a reminder left "being sent" by a process that died mid-send (at most once)', async () => {
    const [d1] = world;
    t.db.insert(reportingReminders)
      .values({ departmentId: d1.department.id, associationId: d1.associations[0].id, period: '2026-11', dueOn: '2026-12-01', channel: 'email', state: 'envoi', recipients: 1, createdAt: t.ctx.now() })
      .run();
    const run = await sendDueReminders(t.ctx);
    expect(run.sent + run.failed).toBe(3);
    expect(smtp.received.flatMap((m) => m.to)).not.toContain(d1.leads[0].email);
  });
});

describe('without SMTP_URL', () => {
  beforeEach(async () => {
    smtp = await startSmtp();
    t = testApp({ now: new Date('2026-11-26T08:00:00Z') });
    world = await makeWorld(t.db);
  });

  it('records the reminders once and lists them on the Reporting page', async () => {
    expect(await sendDueReminders(t.ctx)).toEqual({ sent: 0, listed: 4, failed: 0, skipped: 0 });
    expect(await sendDueReminders(t.ctx)).toEqual({ sent: 0, listed: 0, failed: 0, skipped: 4 });
    expect(smtp.received).toHaveLength(0);

    const [d1] = world;
    const lead = await t.loginAs(d1.leads[0]);
    const own = await lead.get('/api/reporting');
    expect(own.status).toBe(200);
    expect(own.body.reminders).toHaveLength(1);
    expect(own.body.reminders[0]).toMatchObject({ associationId: d1.associations[0].id, period: '2026-11', channel: 'liste', state: 'enregistre' });

    const evaluator = await t.loginAs(d1.evaluator);
    const all = await evaluator.get('/api/reporting');
    expect(all.body.reminders.map((r: { associationId: number }) => r.associationId).sort()).toEqual(d1.associations.map((a) => a.id).sort());
  });

  it('sends none when the department turned reminders off', async () => {
    for (const d of world) {
      const admin = await t.loginAs(d.admin);
      await admin.put('/api/reporting/calendar').send({ rhythm: 'mensuel', dueDay: 1, reminderLeadDays: 5, remindersEnabled: false }).expect(200);
    }
    expect((await sendDueReminders(t.ctx)).listed).toBe(0);
  });
});
