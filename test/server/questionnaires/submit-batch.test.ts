import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp, type TestApp } from '../../support/app.ts';
import { seedOpenLinks } from '../../../bench/support/seed.ts';
import { submitAnswer } from '../../../server/questionnaires/respond.ts';
import { ServiceError } from '../../../server/errors.ts';

let t: TestApp | undefined;
afterEach(() => t?.dispose());

const outcome = (p: Promise<unknown>) =>
  p.then(
    (value) => ({ ok: true as const, value: value as { status: string; submittedAt: string } }),
    (error: unknown) => ({ ok: false as const, code: (error as ServiceError).code, message: (error as Error).message, isServiceError: error instanceof ServiceError }),
  );

describe('submissions of one event-loop turn (one group commit)', () => {
  it('share one COMMIT; each refused one fails alone with its own French error; the database holds exactly the valid ones', async () => {
    t = testApp({ now: new Date() });
    const links = seedOpenLinks(t.database, { mentorships: 4 });
    const [valid, invalid, twice, answered, wrongCookie, retried] = links;
    const submit = (link: (typeof links)[number], key: string, answers: Record<string, unknown> = link.answers, token = link.token) =>
      outcome(submitAnswer(t!.ctx, link.publicId, token, { answers, idempotencyKey: key }));
    // Answered in an earlier turn.
    expect((await submit(answered!, 'cle-avant-0001')).ok).toBe(true);

    const exec = vi.spyOn(t.sqlite, 'exec');
    const results = await Promise.all([
      submit(valid!, 'cle-valide-001'),
      submit(invalid!, 'cle-invalide-1', { question_inexistante: 'oui' }),
      submit(twice!, 'cle-premiere-1'),
      submit(twice!, 'cle-seconde-01'),
      submit(answered!, 'cle-apres-0001'),
      outcome(submitAnswer(t.ctx, 'Z'.repeat(22), 'x'.repeat(43), { answers: {}, idempotencyKey: 'cle-inconnue1' })),
      submit(wrongCookie!, 'cle-cookie-001', wrongCookie!.answers, 'y'.repeat(43)),
      submit(retried!, 'cle-repetee-01'),
      submit(retried!, 'cle-repetee-01'),
    ]);
    // One transaction for the nine: one BEGIN, one COMMIT (each answer in its own savepoint inside it).
    expect(exec.mock.calls.map(([statement]) => statement)).toEqual(['BEGIN IMMEDIATE', 'COMMIT']);
    exec.mockRestore();

    const [okValid, badAnswers, first, second, late, unknown, badCookie, retry1, retry2] = results;
    expect(okValid).toMatchObject({ ok: true, value: { status: 'enregistre' } });
    expect(badAnswers).toMatchObject({ ok: false, isServiceError: true, code: 'BAD_REQUEST', message: expect.stringMatching(/n'existe pas dans ce questionnaire/) });
    expect(first).toMatchObject({ ok: true, value: { status: 'enregistre' } });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/déjà répondu/) });
    expect(late).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/déjà répondu/) });
    for (const refused of [unknown, badCookie]) expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/n’est pas ou plus valide/) });
    expect(retry1).toMatchObject({ ok: true, value: { status: 'enregistre' } });
    expect(retry2).toMatchObject({ ok: true, value: { status: 'deja_enregistre' } });
    expect(retry2.ok && retry1.ok && retry2.value.submittedAt).toBe(retry1.ok && retry1.value.submittedAt);

    const stored = t.sqlite
      .prepare('SELECT l.public_id AS publicId, r.idempotency_key AS key FROM responses r JOIN links l ON l.id = r.link_id ORDER BY r.id')
      .all() as { publicId: string; key: string }[];
    expect(stored).toEqual([
      { publicId: answered!.publicId, key: 'cle-avant-0001' },
      { publicId: valid!.publicId, key: 'cle-valide-001' },
      { publicId: twice!.publicId, key: 'cle-premiere-1' },
      { publicId: retried!.publicId, key: 'cle-repetee-01' },
    ]);
    const state = (publicId: string) => t!.sqlite.prepare('SELECT state FROM links WHERE public_id = ?').pluck().get(publicId);
    expect([invalid, wrongCookie].map((l) => state(l!.publicId))).toEqual(['ouvert', 'ouvert']);
    expect([valid, twice, answered, retried].map((l) => state(l!.publicId))).toEqual(['repondu', 'repondu', 'repondu', 'repondu']);
    // Indicator values only for stored answers, none left behind by a refused one.
    expect(t.sqlite.prepare('SELECT count(*) FROM indicator_values WHERE response_id NOT IN (SELECT id FROM responses)').pluck().get()).toBe(0);
    expect(t.sqlite.prepare('SELECT count(DISTINCT response_id) FROM indicator_values').pluck().get()).toBe(4);
  });
});
