import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { LIST_KINDS, listValues, mentorships, territories, youngPeople, type ListKind } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { fold } from '../imports/normalize.ts';
import { audit } from '../audit/audit.ts';

const trail = (ctx: StaffContext, tx: Executor, target: string, details: Record<string, string | number | boolean | null>) =>
  audit(ctx, { action: 'parametres.modifies', target, details, db: tx });

export interface ListValue {
  id: number;
  code: string;
  label: string;
  groupLabel: string | null;
  sortOrder: number;
  retired: boolean;
}
export interface Territory {
  id: number;
  name: string;
  retired: boolean;
}
export interface DepartmentLists {
  lists: Record<ListKind, ListValue[]>;
  territories: Territory[];
}

export const LIST_KIND_LABELS: Record<ListKind, string> = {
  sexe: 'Sexes',
  niveau_scolaire: 'Niveaux scolaires',
  type_placement: 'Types de placement',
  objectif: 'Objectifs',
  modalite: 'Modalités',
  motif_cloture: 'Motifs de clôture',
};

/**
 * Closure-reason groups the reports rely on: the seed separates stops caused by the pair from objectives not
 * reached, so a department may rename reasons but every reason must sit in one of these groups.
 */
export const CLOSURE_GROUPS = ['atteint', 'binome', 'objectif'] as const;
export const CLOSURE_GROUP_LABELS: Record<(typeof CLOSURE_GROUPS)[number], string> = {
  atteint: 'Objectif atteint ou fin prévue',
  binome: 'Arrêt lié au binôme',
  objectif: 'Objectif non atteint',
};

/** Every list and territory of a department, retired values included (old rows keep them). */
export function loadDepartmentLists(db: Executor, departmentId: number): DepartmentLists {
  const lists = Object.fromEntries(LIST_KINDS.map((k) => [k, [] as ListValue[]])) as Record<ListKind, ListValue[]>;
  const values = db.select().from(listValues).where(eq(listValues.departmentId, departmentId)).orderBy(asc(listValues.sortOrder), asc(listValues.id)).all();
  for (const v of values) lists[v.kind].push({ id: v.id, code: v.code, label: v.label, groupLabel: v.groupLabel, sortOrder: v.sortOrder, retired: v.retiredAt !== null });
  const terr = db.select().from(territories).where(eq(territories.departmentId, departmentId)).orderBy(asc(territories.name)).all();
  return { lists, territories: terr.map((t) => ({ id: t.id, name: t.name, retired: t.retiredAt !== null })) };
}

/** How many rows of the department use each value: a value in use can be retired, never deleted. */
export function listUsage(db: Executor, departmentId: number): { values: Record<string, number>; territories: Record<number, number> } {
  const values: Record<string, number> = {};
  const add = (kind: ListKind, rows: { code: string | null; n: number }[]) => {
    for (const r of rows) if (r.code !== null) values[`${kind}:${r.code}`] = (values[`${kind}:${r.code}`] ?? 0) + r.n;
  };
  const youngColumn = { sexe: youngPeople.sex, niveau_scolaire: youngPeople.schoolLevel, type_placement: youngPeople.placementType } as const;
  for (const [kind, column] of Object.entries(youngColumn) as [ListKind, typeof youngPeople.sex][]) {
    add(kind, db.select({ code: column, n: count() }).from(youngPeople).where(and(eq(youngPeople.departmentId, departmentId), isNotNull(column))).groupBy(column).all());
  }
  const mentorshipColumn = { objectif: mentorships.objective, modalite: mentorships.modality, motif_cloture: mentorships.closureReason } as const;
  for (const [kind, column] of Object.entries(mentorshipColumn) as [ListKind, typeof mentorships.objective][]) {
    add(kind, db.select({ code: column, n: count() }).from(mentorships).where(and(eq(mentorships.departmentId, departmentId), isNotNull(column))).groupBy(column).all());
  }
  const territoryRows = db
    .select({ id: youngPeople.territoryId, n: count() })
    .from(youngPeople)
    .where(and(eq(youngPeople.departmentId, departmentId), isNotNull(youngPeople.territoryId)))
    .groupBy(youngPeople.territoryId)
    .all();
  return { values, territories: Object.fromEntries(territoryRows.map((r) => [r.id!, r.n])) };
}

/** What forms and the Paramètres page read: lists, territories, statuses, and how often each value is used. */
export function getListsForActor(ctx: StaffContext) {
  const lists = loadDepartmentLists(ctx.db, ctx.actor.departmentId);
  const usage = listUsage(ctx.db, ctx.actor.departmentId);
  return {
    kinds: LIST_KINDS.map((kind) => ({
      kind,
      label: LIST_KIND_LABELS[kind],
      values: lists.lists[kind].map((v) => ({ ...v, inUse: usage.values[`${kind}:${v.code}`] ?? 0 })),
    })),
    territories: lists.territories.map((t) => ({ ...t, inUse: usage.territories[t.id] ?? 0 })),
    closureGroups: CLOSURE_GROUPS.map((code) => ({ code, label: CLOSURE_GROUP_LABELS[code] })),
  };
}

const Label = z.string().trim().min(1, 'Le libellé est obligatoire.').max(100, 'Le libellé fait au plus 100 caractères.');
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'Le code ne contient que des lettres sans accent, des chiffres, « _ » ou « - ».');

export const ListKindParam = z.strictObject({ kind: z.enum(LIST_KINDS) });
export const AddListValueInput = z.strictObject({ label: Label, code: Code.optional(), groupLabel: z.string().trim().max(60).optional() });
export const UpdateListValueInput = z.strictObject({
  label: Label.optional(),
  groupLabel: z.string().trim().max(60).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  retired: z.boolean().optional(),
});
export const TerritoryInput = z.strictObject({ name: z.string().trim().min(1, 'Le nom est obligatoire.').max(100) });
export const UpdateTerritoryInput = z.strictObject({ name: z.string().trim().min(1, 'Le nom est obligatoire.').max(100).optional(), retired: z.boolean().optional() });

function checkGroup(kind: ListKind, group: string | undefined | null): string | null {
  if (kind === 'motif_cloture') {
    if (!group || !(CLOSURE_GROUPS as readonly string[]).includes(group)) {
      throw badRequest(`Un motif de clôture doit être rangé dans un groupe : ${CLOSURE_GROUPS.join(', ')}.`, {
        issues: [{ field: 'groupLabel', message: `Choisissez un groupe parmi : ${CLOSURE_GROUPS.map((g) => CLOSURE_GROUP_LABELS[g]).join(' ; ')}.` }],
      });
    }
    return group;
  }
  if (kind === 'niveau_scolaire') {
    if (!group) throw badRequest('Un niveau scolaire appartient à un groupe (Primaire, Collège, Lycée, Post-bac…).', { issues: [{ field: 'groupLabel', message: 'Le groupe est obligatoire.' }] });
    return group;
  }
  return null;
}

function codeFromLabel(label: string): string {
  return fold(label).replace(/ /g, '_').slice(0, 40) || 'valeur';
}

function assertLabelFree(tx: Executor, departmentId: number, kind: ListKind, label: string, exceptId?: number) {
  const key = fold(label);
  const clash = tx
    .select({ id: listValues.id, label: listValues.label, code: listValues.code })
    .from(listValues)
    .where(and(eq(listValues.departmentId, departmentId), eq(listValues.kind, kind)))
    .all()
    .find((v) => v.id !== exceptId && (fold(v.label) === key || fold(v.code) === key));
  // Imports match values by label without accents or case: two labels folding alike would be ambiguous.
  if (clash) throw conflict(`La liste contient déjà la valeur « ${clash.label} » : choisissez un autre libellé.`);
}

export function addListValue(ctx: StaffContext, kind: ListKind, input: z.infer<typeof AddListValueInput>) {
  const departmentId = ctx.actor.departmentId;
  return ctx.db.transaction(
    (tx) => {
      const groupLabel = checkGroup(kind, input.groupLabel);
      assertLabelFree(tx, departmentId, kind, input.label);
      const code = input.code ?? codeFromLabel(input.label);
      const existing = tx.select({ id: listValues.id }).from(listValues).where(and(eq(listValues.departmentId, departmentId), eq(listValues.kind, kind), eq(listValues.code, code))).get();
      if (existing) throw conflict(`Le code « ${code} » existe déjà dans cette liste.`);
      const last = tx.select({ n: count() }).from(listValues).where(and(eq(listValues.departmentId, departmentId), eq(listValues.kind, kind))).get()?.n ?? 0;
      const row = tx.insert(listValues).values({ departmentId, kind, code, label: input.label, groupLabel, sortOrder: last }).returning().get();
      trail(ctx, tx, `liste:${kind}`, { operation: 'ajout', code });
      return { id: row.id, code: row.code, label: row.label, groupLabel: row.groupLabel, sortOrder: row.sortOrder, retired: false };
    },
    { behavior: 'immediate' },
  );
}

export function updateListValue(ctx: StaffContext, id: number, input: z.infer<typeof UpdateListValueInput>) {
  const departmentId = ctx.actor.departmentId;
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(listValues).where(and(eq(listValues.id, id), eq(listValues.departmentId, departmentId))).get();
      if (!row) throw notFound('Cette valeur');
      if (input.label !== undefined) assertLabelFree(tx, departmentId, row.kind, input.label, id);
      const groupLabel = input.groupLabel !== undefined ? checkGroup(row.kind, input.groupLabel) : row.groupLabel;
      const retiredAt = input.retired === undefined ? row.retiredAt : input.retired ? (row.retiredAt ?? ctx.now()) : null;
      const updated = tx
        .update(listValues)
        .set({ label: input.label ?? row.label, groupLabel, sortOrder: input.sortOrder ?? row.sortOrder, retiredAt })
        .where(eq(listValues.id, id))
        .returning()
        .get();
      trail(ctx, tx, `liste:${row.kind}`, { operation: 'modification', code: row.code, retiree: updated.retiredAt !== null });
      return { id: updated.id, code: updated.code, label: updated.label, groupLabel: updated.groupLabel, sortOrder: updated.sortOrder, retired: updated.retiredAt !== null };
    },
    { behavior: 'immediate' },
  );
}

export function deleteListValue(ctx: StaffContext, id: number): void {
  const departmentId = ctx.actor.departmentId;
  ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(listValues).where(and(eq(listValues.id, id), eq(listValues.departmentId, departmentId))).get();
      if (!row) throw notFound('Cette valeur');
      const used = listUsage(tx, departmentId).values[`${row.kind}:${row.code}`] ?? 0;
      if (used > 0) {
        throw conflict(`« ${row.label} » est utilisée par ${used} ligne${used > 1 ? 's' : ''} : elle ne peut pas être supprimée. Retirez-la plutôt : elle ne sera plus proposée pour les nouvelles lignes.`);
      }
      tx.delete(listValues).where(eq(listValues.id, id)).run();
      trail(ctx, tx, `liste:${row.kind}`, { operation: 'suppression', code: row.code });
    },
    { behavior: 'immediate' },
  );
}

function assertTerritoryFree(tx: Executor, departmentId: number, name: string, exceptId?: number) {
  const key = fold(name);
  const clash = tx.select().from(territories).where(eq(territories.departmentId, departmentId)).all().find((t) => t.id !== exceptId && fold(t.name) === key);
  if (clash) throw conflict(`Le territoire « ${clash.name} » existe déjà.`);
}

export function addTerritory(ctx: StaffContext, input: z.infer<typeof TerritoryInput>) {
  const departmentId = ctx.actor.departmentId;
  return ctx.db.transaction(
    (tx) => {
      assertTerritoryFree(tx, departmentId, input.name);
      const row = tx.insert(territories).values({ departmentId, name: input.name }).returning().get();
      trail(ctx, tx, `territoire:${row.id}`, { operation: 'ajout' });
      return { id: row.id, name: row.name, retired: false };
    },
    { behavior: 'immediate' },
  );
}

export function updateTerritory(ctx: StaffContext, id: number, input: z.infer<typeof UpdateTerritoryInput>) {
  const departmentId = ctx.actor.departmentId;
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(territories).where(and(eq(territories.id, id), eq(territories.departmentId, departmentId))).get();
      if (!row) throw notFound('Ce territoire');
      if (input.name !== undefined) assertTerritoryFree(tx, departmentId, input.name, id);
      const retiredAt = input.retired === undefined ? row.retiredAt : input.retired ? (row.retiredAt ?? ctx.now()) : null;
      const updated = tx.update(territories).set({ name: input.name ?? row.name, retiredAt }).where(eq(territories.id, id)).returning().get();
      trail(ctx, tx, `territoire:${id}`, { operation: 'modification', retire: updated.retiredAt !== null });
      return { id: updated.id, name: updated.name, retired: updated.retiredAt !== null };
    },
    { behavior: 'immediate' },
  );
}

export function deleteTerritory(ctx: StaffContext, id: number): void {
  const departmentId = ctx.actor.departmentId;
  ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(territories).where(and(eq(territories.id, id), eq(territories.departmentId, departmentId))).get();
      if (!row) throw notFound('Ce territoire');
      const used = listUsage(tx, departmentId).territories[id] ?? 0;
      if (used > 0) throw conflict(`Le territoire « ${row.name} » est utilisé par ${used} ligne${used > 1 ? 's' : ''} : il ne peut pas être supprimé. Retirez-le plutôt.`);
      tx.delete(territories).where(eq(territories.id, id)).run();
      trail(ctx, tx, `territoire:${id}`, { operation: 'suppression' });
    },
    { behavior: 'immediate' },
  );
}
