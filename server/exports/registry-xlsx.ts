import { and, asc, eq } from 'drizzle-orm';
import { associations, departmentAssociations, listValues, mentors, mentorships, territories, youngPeople } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { audit } from '../audit/audit.ts';
import { listFilter, type RegistryFilters } from '../mentorships/read.ts';
import { STATUS_LABELS } from '../mentorships/rules.ts';
import { EXPORT_HEADERS, IGNORED_HEADERS, type ImportField } from '../imports/columns.ts';
import { today as parisToday } from '../time.ts';

/**
 * A text cell starting with = + - @ (or a tab / carriage return) could be read as a formula by a spreadsheet:
 * it is prefixed with an apostrophe, which the import strips again.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const utcDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function ageAt(birthMonth: string | null, today: string): number | null {
  if (!birthMonth) return null;
  const months = (Number(today.slice(0, 4)) - Number(birthMonth.slice(0, 4))) * 12 + (Number(today.slice(5, 7)) - Number(birthMonth.slice(5, 7)));
  return months >= 0 ? Math.floor(months / 12) : null;
}

type ExportRow = {
  m: typeof mentorships.$inferSelect;
  y: typeof youngPeople.$inferSelect;
  mentorReference: string | null;
  mentorTrainedOn: string | null;
  territory: string | null;
  association: string;
};

/** Rows written under the data for drop-downs: room to add lines in the exported file or the template. */
const EXTRA_LINES = 1000;

/**
 * The « Données » sheet with the import's own columns, and the department's fixed lists as drop-downs (data
 * validation pointing to a « Listes » sheet), so that a file edited in Excel only holds values the import accepts.
 */
async function registryWorkbook(ctx: StaffContext, rows: ExportRow[], options: { consolidated: boolean; explanations: string[] }) {
  const today = parisToday(ctx);
  const { consolidated } = options;
  const values = ctx.db.select().from(listValues).where(eq(listValues.departmentId, ctx.actor.departmentId)).orderBy(asc(listValues.sortOrder), asc(listValues.label)).all();
  const label = new Map(values.map((v) => [`${v.kind}:${v.code}`, v]));
  const text = (kind: string, code: string | null) => (code === null ? null : neutralise(label.get(`${kind}:${code}`)?.label ?? code));

  // Loaded on first use: exceljs is heavy and only the exports and imports need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Impact Mentorat';
  workbook.created = ctx.now();
  const sheet = workbook.addWorksheet('Données', { views: [{ state: 'frozen', ySplit: 1 }] });
  type Column = { header: string; width: number; date?: boolean; list?: string[]; value: (r: ExportRow) => string | number | Date | null };
  const h = (field: ImportField) => EXPORT_HEADERS[field];
  // Values in force only: a retired value stays on the rows that have it, but is not offered for new ones.
  const inForce = (kind: string) => values.filter((v) => v.kind === kind && !v.retiredAt).map((v) => v.label);
  const territoryNames = ctx.db.select({ name: territories.name, retiredAt: territories.retiredAt }).from(territories).where(eq(territories.departmentId, ctx.actor.departmentId)).orderBy(asc(territories.name)).all().filter((t) => !t.retiredAt).map((t) => t.name);
  const columns: Column[] = [
    { header: h('reference'), width: 16, value: (r) => neutralise(r.m.reference) },
    ...(consolidated ? [{ header: IGNORED_HEADERS.association, width: 28, value: (r: ExportRow) => neutralise(r.association) }] : []),
    { header: h('sex'), width: 12, list: inForce('sexe'), value: (r) => text('sexe', r.y.sex) },
    // Text mm/aaaa, not a date: the platform keeps only the month, and a date cell would invent a day.
    { header: h('birthMonth'), width: 16, value: (r) => (r.y.birthMonth ? `${r.y.birthMonth.slice(5, 7)}/${r.y.birthMonth.slice(0, 4)}` : null) },
    { header: IGNORED_HEADERS.age, width: 8, value: (r) => ageAt(r.y.birthMonth, today) },
    { header: h('schoolLevel'), width: 16, list: inForce('niveau_scolaire'), value: (r) => text('niveau_scolaire', r.y.schoolLevel) },
    { header: IGNORED_HEADERS.schoolGroup, width: 18, value: (r) => (r.y.schoolLevel ? neutralise(label.get(`niveau_scolaire:${r.y.schoolLevel}`)?.groupLabel ?? '') || null : null) },
    { header: h('placementType'), width: 20, list: inForce('type_placement'), value: (r) => text('type_placement', r.y.placementType) },
    { header: h('territory'), width: 20, list: territoryNames, value: (r) => (r.territory ? neutralise(r.territory) : null) },
    { header: h('status'), width: 16, list: Object.values(STATUS_LABELS), value: (r) => STATUS_LABELS[r.m.status] },
    { header: h('mentorReference'), width: 16, value: (r) => (r.mentorReference ? neutralise(r.mentorReference) : null) },
    { header: h('mentorTrainedOn'), width: 14, date: true, value: (r) => utcDate(r.mentorTrainedOn) },
    { header: h('appliedOn'), width: 14, date: true, value: (r) => utcDate(r.m.appliedOn) },
    { header: h('matchedOn'), width: 14, date: true, value: (r) => utcDate(r.m.matchedOn) },
    { header: h('startedOn'), width: 14, date: true, value: (r) => utcDate(r.m.startedOn) },
    { header: h('endedOn'), width: 14, date: true, value: (r) => utcDate(r.m.endedOn) },
    { header: h('objective'), width: 24, list: inForce('objectif'), value: (r) => text('objectif', r.m.objective) },
    { header: h('modality'), width: 12, list: inForce('modalite'), value: (r) => text('modalite', r.m.modality) },
    { header: h('isRenewal'), width: 10, list: ['Oui', 'Non'], value: (r) => (r.m.isRenewal ? 'Oui' : 'Non') },
    { header: h('closureReason'), width: 28, list: inForce('motif_cloture'), value: (r) => text('motif_cloture', r.m.closureReason) },
  ];
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.date ? { numFmt: 'dd/mm/yyyy' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));

  // exceljs writes range validations but does not declare `dataValidations` in its types.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: import('exceljs').DataValidation): void } }).dataValidations;
  const lists = workbook.addWorksheet('Listes', { state: 'hidden' });
  const lastLine = rows.length + 1 + EXTRA_LINES;
  columns.forEach((c, i) => {
    if (!c.list?.length) return;
    const listColumn = lists.getColumn(i + 1);
    listColumn.values = [c.header, ...c.list.map(neutralise)];
    const letter = listColumn.letter;
    validations.add(`${sheet.getColumn(i + 1).letter}2:${sheet.getColumn(i + 1).letter}${lastLine}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`Listes!$${letter}$2:$${letter}$${c.list.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: 'Cette valeur ne fait pas partie de la liste du département : l’import la refusera.',
    });
  });
  for (const c of columns.filter((col) => col.date)) {
    const letter = sheet.getColumn(columns.indexOf(c) + 1).letter;
    validations.add(`${letter}2:${letter}${lastLine}`, {
      type: 'date',
      operator: 'greaterThan',
      allowBlank: true,
      formulae: [new Date(Date.UTC(2000, 0, 1))],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: 'Date attendue (jj/mm/aaaa), postérieure au 01/01/2000.',
    });
  }

  const notes = workbook.addWorksheet('Explications');
  notes.getColumn(1).width = 110;
  [
    ...options.explanations,
    'Les colonnes à liste (Sexe, Niveau scolaire, Type de placement, Territoire, Statut, Objectif, Modalité, Renouvellement, Motif de clôture) proposent les valeurs en vigueur du département.',
    'Une cellule vide efface la valeur enregistrée à l’import ; pour ne pas toucher à un champ, supprimez toute sa colonne.',
    'Aucun nom n’est conservé par la plateforme. L’âge et le groupe de niveau scolaire sont recalculés ; ils ne sont pas relus à l’import.',
    consolidated ? 'Fichier consolidé du département : la colonne « Association » indique l’association de chaque ligne.' : '',
  ]
    .filter(Boolean)
    .forEach((line) => notes.addRow([line]));
  return workbook;
}

/** The active filters in words, for the file's explanations (territory, objective and association by name). */
function describeFilters(ctx: StaffContext, filters: RegistryFilters): string[] {
  const out: string[] = [];
  if (filters.q) out.push(`référence contenant « ${filters.q} »`);
  if (filters.associationId) {
    // Named only inside the actor's reach (a partner of the department; for a lead, its own association): an id
    // typed in the address must not reveal another tenant's association.
    const inReach = ctx.actor.associationId === null ? true : filters.associationId === ctx.actor.associationId;
    const name = !inReach
      ? undefined
      : ctx.db
          .select({ name: associations.name })
          .from(associations)
          .innerJoin(departmentAssociations, and(eq(departmentAssociations.associationId, associations.id), eq(departmentAssociations.departmentId, ctx.actor.departmentId)))
          .where(eq(associations.id, filters.associationId))
          .get()?.name;
    out.push(`association « ${name ?? filters.associationId} »`);
  }
  if (filters.status) out.push(`statut « ${STATUS_LABELS[filters.status]} »`);
  if (filters.territoryId) {
    const name = ctx.db.select({ name: territories.name }).from(territories).where(and(eq(territories.id, filters.territoryId), eq(territories.departmentId, ctx.actor.departmentId))).get()?.name;
    out.push(`territoire « ${name ?? filters.territoryId} »`);
  }
  if (filters.year) out.push(`mentorats actifs en ${filters.year}`);
  if (filters.objective) {
    const name = ctx.db.select({ label: listValues.label }).from(listValues).where(and(eq(listValues.departmentId, ctx.actor.departmentId), eq(listValues.kind, 'objectif'), eq(listValues.code, filters.objective))).get()?.label;
    out.push(`objectif « ${name ?? filters.objective} »`);
  }
  return out;
}

/**
 * The steering table as an .xlsx with the import's own columns (sheet « Données »), limited to the page's active
 * filters: importing the file an association exported changes nothing. The department's file adds an
 * « Association » column, which the import ignores.
 */
export async function exportRegistry(ctx: StaffContext, filters: RegistryFilters = {}): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  const today = parisToday(ctx);
  const consolidated = ctx.actor.associationId === null;
  const rows = ctx.db
    .select({ m: mentorships, y: youngPeople, mentorReference: mentors.reference, mentorTrainedOn: mentors.trainedOn, territory: territories.name, association: associations.name })
    .from(mentorships)
    .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
    .innerJoin(associations, eq(associations.id, mentorships.associationId))
    .leftJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .leftJoin(territories, eq(territories.id, youngPeople.territoryId))
    .where(listFilter(ctx, filters))
    .orderBy(asc(associations.name), asc(mentorships.reference))
    .all();
  const active = describeFilters(ctx, filters);
  const workbook = await registryWorkbook(ctx, rows, {
    consolidated,
    explanations: [
      `Tableau de pilotage exporté le ${today.split('-').reverse().join('/')} : ${rows.length} mentorat${rows.length > 1 ? 's' : ''}.`,
      active.length ? `Filtres appliqués : ${active.join(', ')}. Les autres lignes ne figurent pas dans ce fichier (elles ne sont pas modifiées par son import).` : 'Aucun filtre : toutes les lignes figurent dans ce fichier.',
      'La feuille « Données » a les colonnes de l’import : vous pouvez la compléter puis l’importer à nouveau ; les lignes sont reconnues par leur référence.',
    ],
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  audit(ctx, { action: 'export', target: 'tableau-de-pilotage.xlsx', details: { lignes: rows.length, consolide: consolidated, filtres: active.length } });
  return { buffer, filename: `tableau-de-pilotage-${today}.xlsx`, rows: rows.length };
}

/** An empty steering table with the accepted headers and the department's drop-downs, to start a file from. */
export async function registryTemplate(ctx: StaffContext): Promise<{ buffer: Buffer; filename: string }> {
  const workbook = await registryWorkbook(ctx, [], {
    consolidated: false,
    explanations: [
      'Modèle du tableau de pilotage : une ligne par mentorat, identifiée par la référence interne de l’association (jamais le nom du jeune).',
      'Remplissez la feuille « Données » puis importez le fichier (page « Import Excel »). Dates au format jj/mm/aaaa ; mois de naissance au format mm/aaaa.',
      'Les colonnes « Âge » et « Groupe niveau scolaire » se calculent : laissez-les vides.',
    ],
  });
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), filename: 'modele-tableau-de-pilotage.xlsx' };
}
