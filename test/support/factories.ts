import { eq } from 'drizzle-orm';
import {
  associations,
  departmentAssociations,
  mentors,
  mentorships,
  users,
  youngPeople,
  type UserRole,
} from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import { createDepartment } from '../../server/settings/create-department.ts';
import { hashPassword } from '../../server/auth/password.ts';

const NOW = new Date('2026-06-15T10:00:00Z');
let sequence = 0;
const next = () => ++sequence;

export const TEST_PASSWORD = 'un-mot-de-passe-de-test-solide';
let cachedHash: Promise<string> | null = null;
const testPasswordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export function makeDepartment(db: Executor, overrides: Partial<{ code: string; name: string; respondentContact: string }> = {}) {
  const n = next();
  return createDepartment(db, { code: `D${n}`, name: `Département ${n}`, respondentContact: 'mentorat@exemple.fr', now: NOW, ...overrides });
}

export function makeAssociation(db: Executor, departmentIds: number[], overrides: Partial<{ name: string }> = {}) {
  const association = db.insert(associations).values({ name: `Association ${next()}`, createdAt: NOW, ...overrides }).returning().get();
  for (const departmentId of departmentIds) db.insert(departmentAssociations).values({ departmentId, associationId: association.id, createdAt: NOW }).run();
  return association;
}

export async function makeUser(db: Executor, input: { role: UserRole; departmentId?: number; associationId?: number; email?: string; password?: string }) {
  const email = input.email ?? `personne${next()}@exemple.fr`;
  const passwordHash = input.password ? await hashPassword(input.password) : await testPasswordHash();
  const user = db
    .insert(users)
    .values({ email, passwordHash, role: input.role, departmentId: input.departmentId ?? null, associationId: input.associationId ?? null, createdAt: NOW })
    .returning()
    .get();
  return { ...user, password: input.password ?? TEST_PASSWORD };
}

type MentorshipOverrides = Partial<typeof mentorships.$inferInsert> & { sex?: string; birthMonth?: string; territoryId?: number | null };

export function makeMentorship(db: Executor, input: { departmentId: number; associationId: number } & MentorshipOverrides) {
  const n = next();
  const reference = input.reference ?? `REF-${n}`;
  const young = db
    .insert(youngPeople)
    .values({
      departmentId: input.departmentId,
      associationId: input.associationId,
      reference,
      sex: input.sex ?? 'F',
      birthMonth: input.birthMonth ?? '2010-03',
      schoolLevel: '4E',
      placementType: 'MECS_ASSO',
      territoryId: input.territoryId ?? null,
      createdAt: NOW,
    })
    .returning()
    .get();
  const mentor = db.insert(mentors).values({ associationId: input.associationId, reference: `M-${n}`, trainedOn: '2025-09-01', createdAt: NOW }).returning().get();
  const { sex: _s, birthMonth: _b, territoryId: _t, ...rest } = input;
  return db
    .insert(mentorships)
    .values({
      reference,
      youngPersonId: young.id,
      mentorId: mentor.id,
      appliedOn: '2025-09-01',
      matchedOn: '2025-09-20',
      startedOn: '2025-10-01',
      status: 'en_cours',
      objective: 'soutien_scolaire',
      modality: 'presentiel',
      createdAt: NOW,
      updatedAt: NOW,
      ...rest,
    })
    .returning()
    .get();
}

/** Two departments, each with two associations and one user per role: the tenant-isolation world. */
export async function makeWorld(db: Executor) {
  const build = async () => {
    const { department, territories } = makeDepartment(db);
    const a1 = makeAssociation(db, [department.id]);
    const a2 = makeAssociation(db, [department.id]);
    return {
      department,
      territories,
      associations: [a1, a2] as const,
      admin: await makeUser(db, { role: 'admin', departmentId: department.id }),
      evaluator: await makeUser(db, { role: 'evaluateur', departmentId: department.id }),
      leads: [await makeUser(db, { role: 'responsable_association', associationId: a1.id }), await makeUser(db, { role: 'responsable_association', associationId: a2.id })] as const,
    };
  };
  return [await build(), await build()] as const;
}

export function findUser(db: Executor, email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}
