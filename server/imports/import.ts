import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { associations, mentors, mentorships, youngPeople } from '../../db/schema/index.ts';
import type { Executor } from '../../db/open.ts';
import type { StaffContext } from '../context.ts';
import { badRequest, forbidden, notFound } from '../errors.ts';
import { audit } from '../audit/audit.ts';
import { loadDepartmentLists, type DepartmentLists } from '../settings/lists.ts';
import { FIELD_LABELS, indexLists, referenceKey, STATUS_LABELS, type RegistryRow, type RowField } from '../mentorships/rules.ts';
import { analyse, resolveColumns, type Analysis, type ColumnInfo, type ImportRow, type MappingOverride, type StoredRow } from './analyse.ts';
import { buildMatchers } from './cells.ts';
import { EXPORT_HEADERS, IMPORT_FIELDS, type ImportField } from './columns.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { inspectArchive, readGrid, type Grid } from './workbook.ts';
import { today } from '../time.ts';

/**
 * Previews wait in memory for their confirmation (they hold the parsed sheet, never the file): one per user,
 * dropped after `previewTtlMs` or once confirmed. A restart loses them; the user simply uploads again.
 */
interface Preview {
  id: string;
  userId: number;
  departmentId: number;
  associationId: number;
  grid: Grid;
  columns: ColumnInfo[];
  expiresAt: number;
}
const previews = new Map<string, Preview>();

function sweep(now: number) {
  for (const [id, p] of previews) if (p.expiresAt <= now) previews.delete(id);
}

function requireAssociation(ctx: StaffContext): number {
  if (ctx.actor.associationId === null) throw forbidden('Seule une association importe ses propres lignes.');
  return ctx.actor.associationId;
}

function findPreview(ctx: StaffContext, id: string): Preview {
  sweep(ctx.now().getTime());
  const p = previews.get(id);
  // Another user's preview is answered exactly like a missing one.
  if (!p || p.userId !== ctx.actor.userId || p.departmentId !== ctx.actor.departmentId || p.associationId !== ctx.actor.associationId) {
    throw notFound('Cet aperçu d’import (expiré ou déjà confirmé ; importez le fichier à nouveau)');
  }
  return p;
}

/** The association's rows as the import compares them, keyed by reference, plus its mentors' training dates. */
function loadStored(db: Executor, departmentId: number, associationId: number) {
  const rows = db
    .select({ m: mentorships, y: youngPeople, mentorReference: mentors.reference })
    .from(mentorships)
    .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
    .leftJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .where(and(eq(mentorships.departmentId, departmentId), eq(mentorships.associationId, associationId)))
    .all();
  const stored = new Map<string, StoredRow & { youngPersonId: number }>();
  for (const { m, y, mentorReference } of rows) {
    stored.set(referenceKey(m.reference), {
      mentorshipId: m.id,
      youngPersonId: y.id,
      reference: m.reference,
      sex: y.sex,
      birthMonth: y.birthMonth,
      schoolLevel: y.schoolLevel,
      placementType: y.placementType,
      territoryId: y.territoryId,
      mentorReference,
      appliedOn: m.appliedOn,
      matchedOn: m.matchedOn,
      startedOn: m.startedOn,
      endedOn: m.endedOn,
      status: m.status,
      objective: m.objective,
      modality: m.modality,
      isRenewal: m.isRenewal,
      closureReason: m.closureReason,
    });
  }
  const mentorRows = db.select({ id: mentors.id, reference: mentors.reference, trainedOn: mentors.trainedOn }).from(mentors).where(eq(mentors.associationId, associationId)).all();
  return { stored, mentors: new Map(mentorRows.map((r) => [r.reference, r])) };
}

function run(db: Executor, ctx: StaffContext, preview: Preview) {
  const lists = loadDepartmentLists(db, preview.departmentId);
  const { stored, mentors: mentorRows } = loadStored(db, preview.departmentId, preview.associationId);
  const analysis = analyse({
    grid: preview.grid,
    columns: preview.columns,
    matchers: buildMatchers(lists),
    lists: indexLists(lists),
    stored,
    mentorDates: new Map([...mentorRows].map(([ref, m]) => [ref, m.trainedOn])),
    today: today(ctx),
    associationName: db.select({ name: associations.name }).from(associations).where(eq(associations.id, preview.associationId)).get()?.name,
  });
  return { analysis, lists, stored, mentorRows };
}

const SAMPLE_SIZE = 20;
const CHANGES_SHOWN = 200;

const frDate = (iso: string) => iso.split('-').reverse().join('/');

/** A stored value as the preview prints it: list labels, territory names, French dates, « (vide) ». */
function displayValue(labels: Record<string, Map<string, string>>, territories: Map<number, string>) {
  const kinds: Partial<Record<RowField, string>> = { sex: 'sexe', schoolLevel: 'niveau_scolaire', placementType: 'type_placement', objective: 'objectif', modality: 'modalite', closureReason: 'motif_cloture' };
  return (field: RowField, value: RegistryRow[RowField]): string => {
    if (value === null || value === '') return '(vide)';
    if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
    if (field === 'territoryId') return territories.get(value as number) ?? String(value);
    if (field === 'status') return STATUS_LABELS[value as RegistryRow['status']];
    if (field === 'birthMonth') return `${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
    if (field === 'appliedOn' || field === 'matchedOn' || field === 'startedOn' || field === 'endedOn') return frDate(String(value));
    const kind = kinds[field];
    return kind ? (labels[kind]?.get(String(value)) ?? String(value)) : String(value);
  };
}

function describe(preview: Preview, analysis: Analysis, lists: DepartmentLists) {
  const ignoredNames = preview.columns.filter((c) => c.target === 'name').map((c) => c.header);
  const recomputed = preview.columns.filter((c) => c.target === 'age' || c.target === 'schoolGroup' || c.target === 'association').map((c) => c.header);
  const unknown = preview.columns.filter((c) => c.target === null && c.header).map((c) => c.header);
  const notes: string[] = [];
  if (ignoredNames.length) notes.push(`Les colonnes ${ignoredNames.map((h) => `« ${h} »`).join(', ')} (noms et prénoms) ont été ignorées : la plateforme ne conserve jamais le nom des jeunes ni des mentors.`);
  if (recomputed.length) notes.push(`Les colonnes ${recomputed.map((h) => `« ${h} »`).join(', ')} ne sont pas reprises : l’âge est recalculé à partir du mois de naissance, le groupe de niveau scolaire vient de la liste du département.`);
  if (preview.columns.some((c) => c.target === 'birthMonth')) notes.push('Seuls le mois et l’année de naissance sont conservés, jamais la date complète.');
  if (analysis.counts.skipped) notes.push(`${analysis.counts.skipped} ligne${analysis.counts.skipped > 1 ? 's' : ''} sans donnée à reprendre (vides, consignes entre crochets, noms seuls) ignorée${analysis.counts.skipped > 1 ? 's' : ''}.`);
  const closing = analysis.changes.updated.filter((r) => r.status !== 'en_cours' && r.status !== 'candidature').length + analysis.changes.created.filter((r) => r.status !== 'en_cours' && r.status !== 'candidature').length;
  if (closing) notes.push('Les mentorats terminés importés ne reçoivent pas de liens de questionnaire : pour un mentorat qui se termine maintenant, utilisez « Clôturer » dans la page Mentorats.');
  const labels = Object.fromEntries(Object.entries(lists.lists).map(([kind, values]) => [kind, new Map(values.map((v) => [v.code, v.label]))])) as Record<string, Map<string, string>>;
  const territories = new Map(lists.territories.map((t) => [t.id, t.name]));
  const shownValue = displayValue(labels, territories);
  if (analysis.erased.length) {
    const n = analysis.erased.length;
    notes.push(`Attention : ${n} cellule${n > 1 ? 's' : ''} vide${n > 1 ? 's' : ''} effacer${n > 1 ? 'ont' : 'a'} une valeur enregistrée (détail ci-dessous). Une cellule vide efface la valeur ; pour garder les valeurs d’un champ, retirez sa colonne du fichier.`);
  }
  const changeOf = (r: ImportRow, before: RegistryRow | null, fields: RowField[]) => ({
    line: r.line,
    reference: r.reference,
    kind: before ? ('mise_a_jour' as const) : ('nouvelle' as const),
    fields: fields.map((field) => ({ field, label: FIELD_LABELS[field], before: before ? shownValue(field, before[field]) : null, after: shownValue(field, r[field]) })),
  });
  const changes = [
    ...analysis.changes.created.map((r) => changeOf(r, null, [])),
    ...analysis.changes.updated.map((r) => changeOf(r, r.before, r.changed)),
  ]
    .sort((a, b) => a.line - b.line)
    .slice(0, CHANGES_SHOWN);
  return {
    importId: preview.id,
    expiresAt: new Date(preview.expiresAt).toISOString(),
    sheetName: preview.grid.sheetName,
    headerRow: preview.grid.headerRow,
    columns: preview.columns,
    fields: IMPORT_FIELDS.map((field) => ({ field, label: EXPORT_HEADERS[field] })),
    counts: analysis.counts,
    mentorsUpdated: analysis.mentorDates.size,
    ignoredColumns: { names: ignoredNames, recomputed, unknown },
    notes,
    blocking: analysis.blocking,
    errors: analysis.errors,
    errorCount: analysis.errorTotal,
    canConfirm: analysis.blocking === null && analysis.errors.length === 0 && analysis.counts.rows > 0,
    /** New and updated rows, in file order: what each update changes (before → after, as the lead reads them). */
    changes,
    erased: analysis.erased.slice(0, CHANGES_SHOWN).map((e) => ({
      line: e.line,
      reference: e.reference,
      label: FIELD_LABELS[e.field],
      before: shownValue(e.field, e.before),
      message: `Ligne ${e.line} (${e.reference}) : la cellule « ${FIELD_LABELS[e.field]} » est vide ; la valeur enregistrée « ${shownValue(e.field, e.before)} » sera effacée.`,
    })),
    erasedCount: analysis.erased.length,
    sample: analysis.rows.slice(0, SAMPLE_SIZE).map((r) => ({
      line: r.line,
      reference: r.reference,
      sex: r.sex && (labels.sexe?.get(r.sex) ?? r.sex),
      birthMonth: r.birthMonth,
      schoolLevel: r.schoolLevel && (labels.niveau_scolaire?.get(r.schoolLevel) ?? r.schoolLevel),
      placementType: r.placementType && (labels.type_placement?.get(r.placementType) ?? r.placementType),
      territory: r.territoryId === null ? null : (territories.get(r.territoryId) ?? null),
      status: STATUS_LABELS[r.status],
      startedOn: r.startedOn,
      endedOn: r.endedOn,
    })),
  };
}
export type ImportPreview = ReturnType<typeof describe>;

/** Checks and reads the uploaded workbook, keeps the parsed sheet, and tells what importing it would do. */
export async function previewImport(ctx: StaffContext, buffer: Buffer): Promise<ImportPreview> {
  const associationId = requireAssociation(ctx);
  await inspectArchive(buffer);
  const grid = await readGrid(buffer);
  const now = ctx.now().getTime();
  sweep(now);
  for (const [id, p] of previews) if (p.userId === ctx.actor.userId) previews.delete(id);
  const preview: Preview = {
    id: randomBytes(16).toString('base64url'),
    userId: ctx.actor.userId,
    departmentId: ctx.actor.departmentId,
    associationId,
    grid,
    columns: resolveColumns(grid.headers),
    expiresAt: now + IMPORT_LIMITS.previewTtlMs,
  };
  previews.set(preview.id, preview);
  const { analysis, lists } = run(ctx.db, ctx, preview);
  return describe(preview, analysis, lists);
}

export const ImportIdParam = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, { error: 'Identifiant d’import invalide.' }) });
export const MappingInput = z.strictObject({
  /** By 1-based column number: the field the column holds, or « ignorer ». */
  mapping: z.record(z.string().regex(/^\d{1,3}$/), z.enum([...IMPORT_FIELDS, 'ignorer'])),
});

/** Applies the user's column choices to a stored preview and reads it again. */
export function remapImport(ctx: StaffContext, id: string, input: z.infer<typeof MappingInput>): ImportPreview {
  requireAssociation(ctx);
  const preview = findPreview(ctx, id);
  const width = preview.grid.headers.length;
  for (const key of Object.keys(input.mapping)) {
    if (Number(key) < 1 || Number(key) > width) throw badRequest(`La colonne ${key} n’existe pas dans la feuille (elle a ${width} colonnes).`);
  }
  const previousManual: MappingOverride = Object.fromEntries(preview.columns.filter((c) => c.source === 'manuel').map((c) => [String(c.index), (c.target ?? 'ignorer') as ImportField | 'ignorer']));
  preview.columns = resolveColumns(preview.grid.headers, { ...previousManual, ...input.mapping });
  const { analysis, lists } = run(ctx.db, ctx, preview);
  return describe(preview, analysis, lists);
}

/**
 * Writes every row of the preview in one transaction, or nothing: the analysis runs again inside the
 * transaction (rows or lists may have changed since the preview) and any error refuses the whole file.
 */
export function confirmImport(ctx: StaffContext, id: string) {
  const associationId = requireAssociation(ctx);
  const preview = findPreview(ctx, id);
  const { departmentId } = ctx.actor;
  const now = ctx.now();
  const result = ctx.db.transaction(
    (tx) => {
      const { analysis, stored, mentorRows } = run(tx, ctx, preview);
      if (analysis.blocking) throw badRequest(analysis.blocking);
      if (analysis.errors.length) {
        throw badRequest(`Le fichier contient des erreurs : rien n’a été importé. ${analysis.errors[0]!.message}`, { errors: analysis.errors.slice(0, 50) });
      }
      const written = writeRows(ctx, tx, { departmentId, associationId, analysis, stored, mentorRows, now });
      audit(ctx, { action: 'import', target: `import:${preview.grid.sheetName}`, details: { crees: written.created, modifies: written.updated, inchanges: analysis.counts.unchanged }, db: tx });
      return { created: written.created, updated: written.updated, unchanged: analysis.counts.unchanged, mentorsCreated: written.mentorsCreated, ignoredNames: preview.columns.filter((c) => c.target === 'name').map((c) => c.header) };
    },
    { behavior: 'immediate' },
  );
  previews.delete(id);
  const names = result.ignoredNames.length ? ` Les colonnes ${result.ignoredNames.map((h) => `« ${h} »`).join(', ')} (noms et prénoms) ont été ignorées : aucun nom n’est conservé.` : '';
  return {
    ...result,
    message: `Import terminé : ${result.created} mentorat${result.created > 1 ? 's' : ''} ajouté${result.created > 1 ? 's' : ''}, ${result.updated} mis à jour, ${result.unchanged} inchangé${result.unchanged > 1 ? 's' : ''}.${names}`,
  };
}

/** Cancels a preview (nothing was written). */
export function cancelImport(ctx: StaffContext, id: string): void {
  findPreview(ctx, id);
  previews.delete(id);
}

/**
 * Batch write with statements prepared once: a 10,000-row file is a few tens of thousands of inserts,
 * which better-sqlite3 runs in well under a second inside one transaction. The column lists mirror
 * db/schema/{young-person,mentor,mentorship}.ts.
 */
function writeRows(
  ctx: StaffContext,
  tx: Executor,
  input: {
    departmentId: number;
    associationId: number;
    analysis: Analysis;
    stored: Map<string, StoredRow & { youngPersonId: number }>;
    mentorRows: Map<string, { id: number; trainedOn: string | null }>;
    now: Date;
  },
) {
  const { departmentId, associationId, analysis, stored, now } = input;
  const at = now.getTime();
  const sqlite = ctx.sqlite;
  const mentorIds = new Map([...input.mentorRows].map(([ref, m]) => [ref, m.id]));
  const insertMentor = sqlite.prepare('INSERT INTO mentors (association_id, reference, trained_on, created_at) VALUES (?, ?, ?, ?)');
  const setMentorDate = sqlite.prepare('UPDATE mentors SET trained_on = ? WHERE id = ?');
  let mentorsCreated = 0;
  const mentorId = (reference: string | null): number | null => {
    if (reference === null) return null;
    let id = mentorIds.get(reference);
    if (id === undefined) {
      id = Number(insertMentor.run(associationId, reference, analysis.mentorDates.get(reference) ?? null, at).lastInsertRowid);
      mentorIds.set(reference, id);
      mentorsCreated++;
    }
    return id;
  };
  for (const [reference, date] of analysis.mentorDates) {
    const existing = input.mentorRows.get(reference);
    if (existing) setMentorDate.run(date, existing.id);
  }

  // Young people whose mentorship was removed keep their row: reuse it rather than collide on the reference.
  const orphanYoung = new Map(
    tx
      .select({ id: youngPeople.id, reference: youngPeople.reference })
      .from(youngPeople)
      .where(and(eq(youngPeople.departmentId, departmentId), eq(youngPeople.associationId, associationId)))
      .all()
      .filter((y) => !stored.has(referenceKey(y.reference)))
      .map((y) => [y.reference, y.id]),
  );
  const insertYoung = sqlite.prepare(
    'INSERT INTO young_people (department_id, association_id, reference, sex, birth_month, school_level, placement_type, territory_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const updateYoung = sqlite.prepare('UPDATE young_people SET sex = ?, birth_month = ?, school_level = ?, placement_type = ?, territory_id = ? WHERE id = ?');
  const insertMentorship = sqlite.prepare(
    'INSERT INTO mentorships (department_id, association_id, reference, young_person_id, mentor_id, applied_on, matched_on, started_on, ended_on, status, objective, modality, is_renewal, closure_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const updateMentorship = sqlite.prepare(
    'UPDATE mentorships SET mentor_id = ?, applied_on = ?, matched_on = ?, started_on = ?, ended_on = ?, status = ?, objective = ?, modality = ?, is_renewal = ?, closure_reason = ?, updated_at = ? WHERE id = ?',
  );

  for (const r of analysis.changes.created) {
    let youngId = orphanYoung.get(r.reference);
    if (youngId === undefined) {
      youngId = Number(insertYoung.run(departmentId, associationId, r.reference, r.sex, r.birthMonth, r.schoolLevel, r.placementType, r.territoryId, at).lastInsertRowid);
    } else updateYoung.run(r.sex, r.birthMonth, r.schoolLevel, r.placementType, r.territoryId, youngId);
    insertMentorship.run(departmentId, associationId, r.reference, youngId, mentorId(r.mentorReference), r.appliedOn, r.matchedOn, r.startedOn, r.endedOn, r.status, r.objective, r.modality, r.isRenewal ? 1 : 0, r.closureReason, at, at);
  }
  for (const r of analysis.changes.updated) {
    const before = stored.get(referenceKey(r.reference))!;
    updateYoung.run(r.sex, r.birthMonth, r.schoolLevel, r.placementType, r.territoryId, before.youngPersonId);
    updateMentorship.run(mentorId(r.mentorReference), r.appliedOn, r.matchedOn, r.startedOn, r.endedOn, r.status, r.objective, r.modality, r.isRenewal ? 1 : 0, r.closureReason, at, r.mentorshipId);
  }
  // Mentors named only with a training date on unchanged rows still need to exist.
  for (const reference of analysis.mentorDates.keys()) mentorId(reference);
  // A file that corrects a row's mentor reference must not leave the old mentor behind with no pair: dropped unless
  // another row still names it or its training date makes it a real trained mentor (same rule as the row form).
  const dropGhost = sqlite.prepare(
    'DELETE FROM mentors WHERE association_id = ? AND reference = ? AND trained_on IS NULL AND NOT EXISTS (SELECT 1 FROM mentorships WHERE mentorships.mentor_id = mentors.id)',
  );
  for (const r of analysis.changes.updated) {
    const previous = r.before.mentorReference;
    if (previous !== null && previous !== r.mentorReference && !analysis.mentorDates.has(previous)) dropGhost.run(associationId, previous);
  }
  return { created: analysis.changes.created.length, updated: analysis.changes.updated.length, mentorsCreated };
}

