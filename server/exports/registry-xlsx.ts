import { and, asc, eq } from 'drizzle-orm';
import { associations, listValues, mentors, mentorships, territories, youngPeople } from '../../db/schema/index.ts';
import type { StaffContext } from '../context.ts';
import { audit } from '../audit/audit.ts';
import { mentorshipScope } from '../mentorships/scope.ts';
import { STATUS_LABELS } from '../mentorships/rules.ts';
import { EXPORT_HEADERS, IGNORED_HEADERS, type ImportField } from '../imports/columns.ts';

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

/**
 * The steering table as an .xlsx with the import's own columns (sheet « Données »): importing the file an
 * association exported changes nothing. The department's file adds an « Association » column, which the
 * import ignores.
 */
export async function exportRegistry(ctx: StaffContext): Promise<{ buffer: Buffer; filename: string; rows: number }> {
  const today = ctx.now().toISOString().slice(0, 10);
  const consolidated = ctx.actor.associationId === null;
  const rows = ctx.db
    .select({ m: mentorships, y: youngPeople, mentorReference: mentors.reference, mentorTrainedOn: mentors.trainedOn, territory: territories.name, association: associations.name })
    .from(mentorships)
    .innerJoin(youngPeople, eq(youngPeople.id, mentorships.youngPersonId))
    .innerJoin(associations, eq(associations.id, mentorships.associationId))
    .leftJoin(mentors, eq(mentors.id, mentorships.mentorId))
    .leftJoin(territories, eq(territories.id, youngPeople.territoryId))
    .where(and(mentorshipScope(ctx.actor)))
    .orderBy(asc(associations.name), asc(mentorships.reference))
    .all();
  const values = ctx.db.select().from(listValues).where(eq(listValues.departmentId, ctx.actor.departmentId)).all();
  const label = new Map(values.map((v) => [`${v.kind}:${v.code}`, v]));
  const text = (kind: string, code: string | null) => (code === null ? null : neutralise(label.get(`${kind}:${code}`)?.label ?? code));

  // Loaded on first use: exceljs is heavy and only the exports and imports need it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Impact Mentorat';
  workbook.created = ctx.now();
  const sheet = workbook.addWorksheet('Données', { views: [{ state: 'frozen', ySplit: 1 }] });
  type Column = { header: string; width: number; date?: boolean; value: (r: (typeof rows)[number]) => string | number | Date | null };
  const h = (field: ImportField) => EXPORT_HEADERS[field];
  const columns: Column[] = [
    { header: h('reference'), width: 16, value: (r) => neutralise(r.m.reference) },
    ...(consolidated ? [{ header: IGNORED_HEADERS.association, width: 28, value: (r: (typeof rows)[number]) => neutralise(r.association) }] : []),
    { header: h('sex'), width: 12, value: (r) => text('sexe', r.y.sex) },
    // Text mm/aaaa, not a date: the platform keeps only the month, and a date cell would invent a day.
    { header: h('birthMonth'), width: 16, value: (r) => (r.y.birthMonth ? `${r.y.birthMonth.slice(5, 7)}/${r.y.birthMonth.slice(0, 4)}` : null) },
    { header: IGNORED_HEADERS.age, width: 8, value: (r) => ageAt(r.y.birthMonth, today) },
    { header: h('schoolLevel'), width: 16, value: (r) => text('niveau_scolaire', r.y.schoolLevel) },
    { header: IGNORED_HEADERS.schoolGroup, width: 18, value: (r) => (r.y.schoolLevel ? neutralise(label.get(`niveau_scolaire:${r.y.schoolLevel}`)?.groupLabel ?? '') || null : null) },
    { header: h('placementType'), width: 20, value: (r) => text('type_placement', r.y.placementType) },
    { header: h('territory'), width: 20, value: (r) => (r.territory ? neutralise(r.territory) : null) },
    { header: h('status'), width: 16, value: (r) => STATUS_LABELS[r.m.status] },
    { header: h('mentorReference'), width: 16, value: (r) => (r.mentorReference ? neutralise(r.mentorReference) : null) },
    { header: h('mentorTrainedOn'), width: 14, date: true, value: (r) => utcDate(r.mentorTrainedOn) },
    { header: h('appliedOn'), width: 14, date: true, value: (r) => utcDate(r.m.appliedOn) },
    { header: h('matchedOn'), width: 14, date: true, value: (r) => utcDate(r.m.matchedOn) },
    { header: h('startedOn'), width: 14, date: true, value: (r) => utcDate(r.m.startedOn) },
    { header: h('endedOn'), width: 14, date: true, value: (r) => utcDate(r.m.endedOn) },
    { header: h('objective'), width: 24, value: (r) => text('objectif', r.m.objective) },
    { header: h('modality'), width: 12, value: (r) => text('modalite', r.m.modality) },
    { header: h('isRenewal'), width: 10, value: (r) => (r.m.isRenewal ? 'Oui' : 'Non') },
    { header: h('closureReason'), width: 28, value: (r) => text('motif_cloture', r.m.closureReason) },
  ];
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.date ? { numFmt: 'dd/mm/yyyy' } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => c.value(r)));

  const notes = workbook.addWorksheet('Explications');
  notes.getColumn(1).width = 110;
  [
    `Tableau de pilotage exporté le ${today.split('-').reverse().join('/')} : ${rows.length} mentorat${rows.length > 1 ? 's' : ''}.`,
    'La feuille « Données » a les colonnes de l’import : vous pouvez la compléter puis l’importer à nouveau ; les lignes sont reconnues par leur référence.',
    'Aucun nom n’est conservé par la plateforme. L’âge et le groupe de niveau scolaire sont recalculés ; ils ne sont pas relus à l’import.',
    consolidated ? 'Fichier consolidé du département : la colonne « Association » indique l’association de chaque ligne.' : '',
  ]
    .filter(Boolean)
    .forEach((line) => notes.addRow([line]));

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  audit(ctx, { action: 'export', target: 'tableau-de-pilotage.xlsx', details: { lignes: rows.length, consolide: consolidated } });
  return { buffer, filename: `tableau-de-pilotage-${today}.xlsx`, rows: rows.length };
}
