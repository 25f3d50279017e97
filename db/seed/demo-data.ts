import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import {
  associations,
  declarations,
  departmentAssociations,
  mentors,
  mentorships,
  questionnaireVersions,
  users,
  youngPeople,
  type ClosingStatus,
  type UserRole,
} from '../schema/index.ts';
import type { OpenedDatabase } from '../open.ts';
import type { AppContext, StaffContext } from '../../server/context.ts';
import type { Config } from '../../server/config.ts';
import { createDepartment } from '../../server/settings/create-department.ts';
import { DEFAULT_LISTS } from '../../server/settings/default-lists.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { closeMentorship } from '../../server/mentorships/close.ts';
import { findOpenLinkByToken, submitResponse } from '../../server/questionnaires/respond.ts';
import { plausibleAnswers } from './answers.ts';
import { seededRandom } from './random.ts';
import { seedDemoReporting } from '../../server/reporting/demo.ts';

export interface DemoLogin {
  role: UserRole;
  email: string;
  password: string;
  label: string;
}
export interface DemoLink {
  audience: 'youth' | 'mentor';
  url: string;
}

/** Demo passwords are public by design (printed and in the README); a real deployment creates its own accounts. */
export const DEMO_PASSWORD = 'demo-mentorat-2026';

const ASSOCIATION_NAMES = ['Association Trait d’Union', 'Les Passerelles', 'Envol Mentorat'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number) => iso(new Date(Date.parse(isoDate) + days * 86_400_000));

/**
 * Fills an empty database with one department, three associations and ~150 mentorships over two years,
 * closed through the same domain functions as the app (links, questionnaire versions, validated answers).
 */
export async function seedDemo(database: OpenedDatabase, options: { config: Config; logger: Logger; now?: Date; seed?: number; openLinks?: { youth: number; mentor: number } }) {
  const now = options.now ?? new Date();
  const random = seededRandom(options.seed ?? 2026);
  const ctx: AppContext = { db: database.db, sqlite: database.sqlite, config: options.config, logger: options.logger, now: () => now };
  const { db } = database;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const { department, territories } = createDepartment(db, {
    code: 'DEMO',
    name: 'Département de démonstration',
    respondentContact: 'le service Mentorat du département : mentorat@departement-demo.fr, 01 23 45 67 89',
    now,
  });

  const logins: DemoLogin[] = [];
  const addUser = (role: UserRole, email: string, label: string, ids: { departmentId?: number; associationId?: number }) => {
    db.insert(users).values({ email, passwordHash, role, displayName: label, departmentId: ids.departmentId ?? null, associationId: ids.associationId ?? null, createdAt: now }).run();
    logins.push({ role, email, password: DEMO_PASSWORD, label });
  };
  addUser('admin', 'admin@departement-demo.fr', 'Administratrice du département', { departmentId: department.id });
  addUser('evaluateur', 'evaluation@departement-demo.fr', 'Chargée de mission mentorat', { departmentId: department.id });

  const associationRows = ASSOCIATION_NAMES.map((name, i) => {
    const association = db.insert(associations).values({ name, createdAt: now }).returning().get();
    db.insert(departmentAssociations).values({ departmentId: department.id, associationId: association.id, createdAt: now }).run();
    addUser('responsable_association', `reporting${i + 1}@association-demo.fr`, `Responsable reporting — ${name}`, { associationId: association.id });
    return association;
  });

  const thisYear = now.getUTCFullYear();
  const firstYear = thisYear - 1;
  const sizes = [70, 50, 30];
  const closures: { mentorshipId: number; associationId: number; status: ClosingStatus; endedOn: string; reason: string }[] = [];

  associationRows.forEach((association, ai) => {
    const mentorCount = Math.round(sizes[ai]! * 0.9);
    const mentorIds = Array.from({ length: mentorCount }, (_, k) =>
      db
        .insert(mentors)
        .values({
          associationId: association.id,
          reference: `M-${ai + 1}-${String(k + 1).padStart(3, '0')}`,
          trainedOn: random.chance(0.85) ? `${random.pick([firstYear - 1, firstYear, thisYear])}-${String(random.int(1, 10)).padStart(2, '0')}-15` : null,
          createdAt: now,
        })
        .returning({ id: mentors.id })
        .get().id,
    );
    for (let k = 0; k < sizes[ai]!; k++) {
      const age = random.weighted([[random.int(10, 12), 2], [random.int(13, 15), 4], [random.int(16, 18), 5], [random.int(19, 21), 2]] as const);
      const startYear = random.chance(0.5) ? firstYear : thisYear;
      const appliedOn = `${startYear}-${String(random.int(1, startYear === thisYear ? 9 : 11)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const matchedOn = addDays(appliedOn, random.int(10, 75));
      const startedOn = addDays(matchedOn, random.int(3, 20));
      const birthYear = startYear - age;
      const schoolLevel = age <= 10 ? random.pick(['CM1', 'CM2']) : age <= 14 ? random.pick(['6E', '5E', '4E', '3E']) : age <= 17 ? random.pick(['2NDE', '1RE', 'TLE', 'CAP']) : random.pick(['POSTBAC', 'CAP', 'DESCO']);
      const young = db
        .insert(youngPeople)
        .values({
          departmentId: department.id,
          associationId: association.id,
          reference: `J-${ai + 1}-${String(k + 1).padStart(3, '0')}`,
          sex: random.weighted([['F', 5], ['H', 5], ['NP', 0.3]] as const),
          birthMonth: `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}`,
          schoolLevel,
          placementType: random.weighted([['MECS_ASSO', 4], ['SAF_REGIE', 3], ['SAF_ASSO', 2], ['MNA', 2], ['STRUCT_BS', 1], ['MILIEU_OUVERT', 1]] as const),
          territoryId: random.pick(territories).id,
          createdAt: now,
        })
        .returning({ id: youngPeople.id })
        .get();
      // A pairing whose start would fall after today is still a candidature (the registry refuses future dates).
      const notStarted = (startYear === thisYear && random.chance(0.08)) || startedOn > iso(now);
      const row = db
        .insert(mentorships)
        .values({
          departmentId: department.id,
          associationId: association.id,
          reference: `J-${ai + 1}-${String(k + 1).padStart(3, '0')}`,
          youngPersonId: young.id,
          mentorId: notStarted ? null : mentorIds[k % mentorIds.length]!,
          appliedOn,
          matchedOn: notStarted ? null : matchedOn,
          startedOn: notStarted ? null : startedOn,
          status: notStarted ? 'candidature' : 'en_cours',
          objective: random.weighted([['soutien_scolaire', 4], ['orientation', 2], ['insertion_pro', 2], ['socio_affectif', 3]] as const),
          modality: random.weighted([['presentiel', 6], ['distanciel', 2], ['mixte', 2]] as const),
          isRenewal: random.chance(0.12),
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: mentorships.id })
        .get();
      if (notStarted) continue;
      const length = random.int(120, 400);
      const endedOn = addDays(startedOn, length);
      if (endedOn >= iso(now)) continue;
      const status = random.weighted([['objectif_atteint', 5], ['cloture', 3], ['abandonne', 2]] as const);
      const reasons = DEFAULT_LISTS.motif_cloture.filter((r) =>
        status === 'objectif_atteint' ? r.groupLabel === 'atteint' : status === 'cloture' ? r.groupLabel !== 'atteint' || r.code === 'fin_prevue' : r.groupLabel === 'binome',
      );
      closures.push({ mentorshipId: row.id, associationId: association.id, status, endedOn, reason: random.pick(reasons).code });
    }
  });

  const wanted = options.openLinks ?? { youth: 4, mentor: 2 };
  const open: DemoLink[] = [];
  const leads = db.select({ id: users.id, associationId: users.associationId }).from(users).where(eq(users.role, 'responsable_association')).all();
  // Most recent closures keep their links open, so the demo has questionnaires left to answer.
  closures.sort((a, b) => (a.endedOn < b.endedOn ? 1 : -1));
  closures.forEach((closure, index) => {
    const lead = leads.find((l) => l.associationId === closure.associationId)!;
    const staff: StaffContext = { ...ctx, actor: { userId: lead.id, role: 'responsable_association', departmentId: department.id, associationId: closure.associationId } };
    const result = closeMentorship(staff, closure.mentorshipId, { endedOn: closure.endedOn, status: closure.status, closureReason: closure.reason });
    for (const link of result.links) {
      const keepOpen = index < Math.max(wanted.youth, wanted.mentor) && (link.audience === 'youth' ? index < wanted.youth : index < wanted.mentor);
      if (keepOpen) {
        open.push({ audience: link.audience, url: link.url });
        continue;
      }
      if (!random.chance(link.audience === 'youth' ? 0.78 : 0.7)) continue;
      const token = link.url.slice(link.url.lastIndexOf('/') + 1);
      const linkRow = findOpenLinkByToken(ctx, token)!;
      const version = db.select({ survey: questionnaireVersions.surveyJson }).from(questionnaireVersions).where(eq(questionnaireVersions.id, linkRow.questionnaireVersionId)).get()!;
      submitResponse(ctx, linkRow, { answers: plausibleAnswers(version.survey as never, random) });
    }
  });

  for (const association of associationRows) {
    for (const year of [firstYear, thisYear]) {
      const size = sizes[associationRows.indexOf(association)]!;
      db.insert(declarations)
        .values({
          departmentId: department.id,
          associationId: association.id,
          year,
          state: year === firstYear ? 'soumise' : 'brouillon',
          content: demoDeclaration(size, random),
          submittedAt: year === firstYear ? now : null,
          updatedAt: now,
        })
        .run();
    }
  }
  seedDemoReporting(db, department.id, associationRows, now, firstYear);
  return { departmentId: department.id, logins, links: open };
}

function demoDeclaration(size: number, random: ReturnType<typeof seededRandom>): Record<string, unknown> {
  const scale = size / 50;
  return {
    etpSalaries: Math.round(scale * random.int(10, 25)) / 10,
    etpBenevoles: Math.round(scale * random.int(20, 60)) / 10,
    financements: [
      { sousProjet: 'mentorat', financeur: 'departement', montant: Math.round(scale * random.int(30, 60)) * 1000 },
      { sousProjet: 'mentorat', financeur: 'autres', montant: Math.round(scale * random.int(10, 30)) * 1000 },
      { sousProjet: 'parrainage', financeur: 'autres', montant: Math.round(scale * random.int(0, 15)) * 1000 },
    ],
    coutsAnnexes: { locaux: random.int(3, 12) * 1000, communication: random.int(1, 5) * 1000, transport: random.int(1, 6) * 1000, developpement: random.int(0, 5) * 1000 },
    outils: ['Tableur partagé', ...(random.chance(0.5) ? ['CRM associatif'] : [])],
    structuresContactees: random.int(8, 25),
    structuresRencontrees: random.int(4, 12),
    reunionsDepartement: random.int(2, 6),
    actionsSensibilisation: random.int(1, 8),
    ateliersCollectifs: random.int(2, 15),
    projetsComplementaires: random.int(0, 3),
    evenements: random.int(1, 10),
  };
}
