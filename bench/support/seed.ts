import { eq, inArray } from 'drizzle-orm';
import { associations, departmentAssociations, links, mentors, mentorships, questionnaireVersions, users, youngPeople } from '../../db/schema/index.ts';
import type { OpenedDatabase } from '../../db/open.ts';
import type { StaffContext } from '../../server/context.ts';
import { testConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { createDepartment } from '../../server/settings/create-department.ts';
import { DEFAULT_LISTS } from '../../server/settings/default-lists.ts';
import { closeMentorship } from '../../server/mentorships/close.ts';
import { hashToken } from '../../server/questionnaires/tokens.ts';
import { plausibleAnswers } from '../../db/seed/answers.ts';
import { seededRandom } from '../../db/seed/random.ts';

export interface OpenLink {
  publicId: string;
  /** The raw token: it becomes the respondent cookie `im_q_<publicId>`. */
  token: string;
  audience: 'youth' | 'mentor';
  /** Plausible answers for this link's questionnaire version, generated from a seeded PRNG. */
  answers: Record<string, unknown>;
}

/**
 * Creates `mentorships` closed mentorships (so twice as many open links, youth and mentor) through the same
 * domain function as the app (`closeMentorship`), and plausible answers for each. Deterministic for a seed,
 * except the random tokens, which the domain draws itself.
 */
export function seedOpenLinks(database: OpenedDatabase, options: { mentorships: number; seed?: number; now?: Date }): OpenLink[] {
  const now = options.now ?? new Date();
  const random = seededRandom(options.seed ?? 8);
  const { db, sqlite } = database;
  const config = testConfig({ publicUrl: 'http://localhost' });
  // Seeding is not production data: skip the fsync per commit, then put durability back.
  sqlite.pragma('synchronous = OFF');
  try {
    const { department } = createDepartment(db, { code: `BENCH${random.int(1000, 9999)}`, name: 'Département de mesure', respondentContact: 'mentorat@exemple.fr', now });
    const association = db.insert(associations).values({ name: 'Association de mesure', createdAt: now }).returning().get();
    db.insert(departmentAssociations).values({ departmentId: department.id, associationId: association.id, createdAt: now }).run();
    const lead = db
      .insert(users)
      .values({ email: `mesure-${department.id}@exemple.fr`, passwordHash: 'x', role: 'responsable_association', associationId: association.id, createdAt: now })
      .returning()
      .get();
    const ctx: StaffContext = {
      db,
      sqlite,
      config,
      logger: createLogger('silent'),
      now: () => now,
      actor: { userId: lead.id, role: 'responsable_association', departmentId: department.id, associationId: association.id },
    };
    // Same choice as the demo data: a reason from the default list whose group agrees with the status.
    const reachedReasons = DEFAULT_LISTS.motif_cloture.filter((r) => r.groupLabel === 'atteint').map((r) => r.code);
    const endedOn = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const tokens: { token: string; audience: 'youth' | 'mentor' }[] = [];
    const batch = 500;
    for (let start = 0; start < options.mentorships; start += batch) {
      const ids = db.transaction((tx) => {
        const out: number[] = [];
        for (let k = start; k < Math.min(options.mentorships, start + batch); k++) {
          const reference = `B-${String(k + 1).padStart(7, '0')}`;
          const young = tx
            .insert(youngPeople)
            .values({ departmentId: department.id, associationId: association.id, reference, sex: random.pick(['F', 'H']), birthMonth: `20${String(random.int(5, 12)).padStart(2, '0')}-0${random.int(1, 9)}`, schoolLevel: '4E', placementType: 'MECS_ASSO', createdAt: now })
            .returning({ id: youngPeople.id })
            .get();
          const mentor = tx.insert(mentors).values({ associationId: association.id, reference: `BM-${k + 1}`, createdAt: now }).returning({ id: mentors.id }).get();
          const m = tx
            .insert(mentorships)
            .values({ departmentId: department.id, associationId: association.id, reference, youngPersonId: young.id, mentorId: mentor.id, appliedOn: '2025-01-10', matchedOn: '2025-02-01', startedOn: '2025-02-15', status: 'en_cours', objective: 'soutien_scolaire', modality: 'presentiel', createdAt: now, updatedAt: now })
            .returning({ id: mentorships.id })
            .get();
          out.push(m.id);
        }
        return out;
      });
      for (const id of ids) {
        const closed = closeMentorship(ctx, id, { endedOn, status: 'objectif_atteint', closureReason: random.pick(reachedReasons) });
        for (const link of closed.links) tokens.push({ token: link.url.slice(link.url.lastIndexOf('/') + 1), audience: link.audience });
      }
    }
    const rows = new Map<string, { publicId: string; versionId: number }>();
    for (let i = 0; i < tokens.length; i += 500) {
      const hashes = tokens.slice(i, i + 500).map((t) => hashToken(t.token));
      for (const r of db.select({ h: links.tokenHash, publicId: links.publicId, versionId: links.questionnaireVersionId }).from(links).where(inArray(links.tokenHash, hashes)).all()) {
        rows.set(r.h, { publicId: r.publicId, versionId: r.versionId });
      }
    }
    const surveys = new Map<number, unknown>();
    return tokens.map((t) => {
      const row = rows.get(hashToken(t.token))!;
      if (!surveys.has(row.versionId)) surveys.set(row.versionId, db.select({ s: questionnaireVersions.surveyJson }).from(questionnaireVersions).where(eq(questionnaireVersions.id, row.versionId)).get()!.s);
      return { publicId: row.publicId, token: t.token, audience: t.audience, answers: plausibleAnswers(surveys.get(row.versionId) as never, random) };
    });
  } finally {
    sqlite.pragma('synchronous = FULL');
  }
}
