/**
 * The steering committee's Excel workbook, with the five tabs of the seed's model. Every figure in it comes
 * from the suppressed reports: "Données" holds the aggregated tables behind the charts, never one row per
 * young person (a row with sex, birth month, placement and territory identifies a child in a small department,
 * names or not); the row-level steering table stays in the platform, where access is checked and logged.
 */
import type { Response } from 'express';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { indicators, CHAIN_LINK_LABELS } from '../../surveys/catalogue.ts';
import type { StaffContext } from '../context.ts';
import { HANDLED } from '../http/route.ts';
import { dashboardReport } from '../reports/dashboard/query.ts';
import { evolutionReport } from '../reports/evolution/query.ts';
import { pairsReport } from '../reports/pairs/query.ts';
import { responseRateReport } from '../reports/response-rate/query.ts';
import { AssociationFilter, ReportYear, resolveScope } from '../reports/scope.ts';
import { valueChainReport } from '../reports/value-chain/query.ts';
import { loadKeyIndicators } from '../reports/key-indicators.ts';
import { dashboardCharts, evolutionCharts, renderSvg, svgToPng } from './report-charts.ts';
import { dashboardRows, evolutionRows, pairsRows, responseRateRows, valueChainRows, type Row } from './report-csv.ts';
import { funnelRows, nonResponseRows } from './evidence-rows.ts';
import { funnelReport } from '../reports/funnel/query.ts';
import { nonResponseReport } from '../reports/non-response/query.ts';
import { cellOut, cellText, EXCEL_FORMATS, isNumberCell, type OutCell } from './report-format.ts';
import { neutralise } from './registry-xlsx.ts';
import { today } from '../time.ts';

export const WorkbookParameters = z.strictObject({ year: ReportYear, association: AssociationFilter });
export type WorkbookParameters = z.infer<typeof WorkbookParameters>;

export const SHEETS = ['Explications', 'Synthèse des résultats', 'Tableau de bord', 'Données', 'Paramètres figés'] as const;

const LIST_TITLES: Record<string, string> = {
  sexe: 'Sexe',
  niveau_scolaire: 'Niveau scolaire',
  type_placement: 'Type de placement',
  objectif: 'Objectif du mentorat',
  modalite: 'Modalité',
  motif_cloture: 'Motif de clôture',
};

/**
 * A cell as the workbook writes it: our numbers as numeric cells with their number format (French Excel sums,
 * sorts and charts them), every text through the same neutralisation as the CSV and registry exports, so that
 * a label someone typed as "=HYPERLINK(…)" stays text.
 */
function writeCell(cell: ExcelJS.Cell, value: OutCell) {
  if (isNumberCell(value)) {
    cell.value = value.num;
    cell.numFmt = EXCEL_FORMATS[value.fmt];
  } else if (typeof value === 'number') cell.value = value;
  else cell.value = value === null ? '' : neutralise(value);
}

function addRow(sheet: ExcelJS.Worksheet, values: OutCell[]): ExcelJS.Row {
  const row = sheet.addRow([]);
  values.forEach((v, i) => writeCell(row.getCell(i + 1), v));
  return row;
}

function addTable(sheet: ExcelJS.Worksheet, title: string, rows: Row[]) {
  const titleRow = addRow(sheet, [title]);
  titleRow.font = { bold: true, size: 12 };
  rows.forEach((r, i) => {
    const row = addRow(sheet, r);
    if (i === 0) {
      row.font = { bold: true };
      row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3E3FD' } };
    }
  });
  sheet.addRow([]);
}

export async function buildWorkbook(ctx: StaffContext, p: WorkbookParameters): Promise<{ filename: string; buffer: Buffer }> {
  const scope = resolveScope(ctx, p.association, 'export');
  const k = scope.k;
  const valueChain = valueChainReport(ctx, { year: p.year, association: p.association, compare: 'previous' }, 'export');
  const dashboard = dashboardReport(ctx, { year: p.year, association: p.association }, 'export');
  const evolution = evolutionReport(ctx, { year: p.year, association: p.association }, 'export');
  const rates = responseRateReport(ctx, { year: p.year, association: p.association, compare: 'previous' }, 'export');
  const pairs = pairsReport(ctx, { year: p.year, association: p.association }, 'export');
  const who = scope.associationName ?? 'toutes les associations';

  // Loaded on first use: exceljs is heavy and only the exports and imports need it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Impact Mentorat';
  wb.created = ctx.now();
  wb.title = `Suivi du mentorat ${p.year} — ${scope.departmentName}`;

  // 1. Explications
  const explain = wb.addWorksheet(SHEETS[0]);
  explain.columns = [{ width: 34 }, { width: 70 }, { width: 90 }];
  explain.addRow([`Suivi et pilotage du mentorat — ${scope.departmentName}`]).font = { bold: true, size: 14 };
  explain.addRow(['Année', p.year]);
  addRow(explain, ['Périmètre', who]);
  explain.addRow(['Produit le', today(ctx).split('-').reverse().join('/')]);
  explain.addRow([]);
  for (const line of [
    'Ce classeur reprend les cinq onglets du tableau de pilotage : Explications, Synthèse des résultats, Tableau de bord, Données, Paramètres figés.',
    `Secret statistique : un effectif de 1 à ${k - 1} est remplacé par « < ${k} », et une part, une moyenne ou une évolution calculée sur un tel effectif est notée « masqué ». D'autres cases, petites ou non, sont notées « masqué » pour qu'on ne puisse pas retrouver une case masquée par différence avec un total ou par recoupement de tableaux et d'années.`,
    "Chaque part est donnée avec son effectif (n) et son dénominateur. Les arrêts liés au binôme ne sont jamais comptés comme des objectifs non atteints.",
    "L'onglet Données contient les tableaux agrégés qui alimentent les graphiques : aucune ligne par jeune, aucun nom, aucune réponse libre.",
    'Les ressources et activités proviennent des déclarations annuelles soumises par les associations (les brouillons ne sont pas comptés).',
  ])
    explain.addRow([line]);
  explain.addRow([]);
  explain.addRow(['Indicateur', 'Définition', 'Mode de calcul']).font = { bold: true };
  for (const ind of indicators) explain.addRow([`${CHAIN_LINK_LABELS[ind.link]} — ${ind.label}`, ind.definition, ind.computation]);
  explain.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  explain.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  // 2. Synthèse des résultats
  const synth = wb.addWorksheet(SHEETS[1]);
  synth.columns = [{ width: 16 }, { width: 60 }, { width: 12 }, { width: 16 }, { width: 10 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 34 }];
  addTable(synth, `Chaîne de valeur ${p.year} (comparée à ${p.year - 1})`, valueChainRows(valueChain));
  if (valueChain.status === 'ok') {
    const apart = valueChain.resultsApart;
    addTable(synth, 'Résultats, à ne pas confondre : fins de mentorat par catégorie', [
      ['Catégorie', 'Mentorats', 'Part'],
      ...apart.byCategory.items.map((i) => [i.label, cellOut(i.count, k), cellOut(i.share, k, 'part')]),
      ['Total', cellOut(apart.byCategory.total, k), ''],
    ]);
  }
  addTable(synth, 'Taux de réponse aux questionnaires', responseRateRows(rates));
  addTable(synth, 'Concordance jeune / mentor', pairsRows(pairs));
  addTable(synth, 'Comparer les associations sans les classer (entonnoirs, limites à 95 % et 99,8 %)', funnelRows(funnelReport(ctx, { year: p.year })));
  addTable(synth, 'Non-réponse : répondants comparés à tous les mentorats terminés', nonResponseRows(nonResponseReport(ctx, { year: p.year, association: p.association })));

  // 3. Tableau de bord: the charts as images.
  const board = wb.addWorksheet(SHEETS[2]);
  board.getColumn(1).width = 2;
  if (dashboard.status === 'ok') {
    board.addRow(['', `Mentorats en cours au ${dashboard.date.split('-').reverse().join('/')} : ${cellText(dashboard.inProgressAt, k)}`]).font = { bold: true, size: 12 };
  } else {
    board.addRow(['', dashboard.message]);
  }
  const charts = [...dashboardCharts(dashboard), ...evolutionCharts(evolution)];
  let rowAt = 2;
  for (let i = 0; i < charts.length; i++) {
    const png = await svgToPng(await renderSvg(charts[i]!.spec));
    const id = wb.addImage({ base64: png.toString('base64'), extension: 'png' });
    const col = i % 2 === 0 ? 1 : 9;
    // ExcelJS places images by cell; each chart gets a 8-column × 18-row box.
    board.addImage(id, { tl: { col, row: rowAt }, ext: { width: 520, height: 300 } });
    writeCell(board.getCell(rowAt, col + 1), charts[i]!.title);
    if (i % 2 === 1) rowAt += 18;
  }

  // 4. Données (aggregated, suppressed)
  const data = wb.addWorksheet(SHEETS[3]);
  data.columns = [{ width: 44 }, { width: 40 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 16 }];
  addTable(data, `Tableau de bord ${p.year}`, dashboardRows(dashboard));
  addTable(data, 'Évolution sur les années', evolutionRows(evolution));

  // 5. Paramètres figés
  const params = wb.addWorksheet(SHEETS[4]);
  params.columns = [{ width: 24 }, { width: 22 }, { width: 50 }, { width: 22 }];
  addTable(params, 'Réglages', [
    ['Paramètre', 'Valeur'],
    ['Seuil du secret statistique (k)', k],
    ['Indicateurs clés', loadKeyIndicators(ctx, scope.departmentId, p.year).map((id) => indicators.find((i) => i.id === id)?.label ?? id).join(' ; ')],
  ]);
  addTable(params, 'Listes', [
    ['Liste', 'Code', 'Libellé', 'Groupe'],
    ...Object.entries(scope.lists).flatMap(([kind, entries]) => entries.map((e) => [LIST_TITLES[kind] ?? kind, e.code, e.label, e.group ?? ''])),
  ]);
  addTable(params, 'Territoires', [['Territoire'], ...[...scope.territories.values()].map((t) => [t])]);

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `suivi-mentorat-${p.year}${scope.associationId ? `-association-${scope.associationId}` : ''}.xlsx`, buffer };
}

export async function sendWorkbook(ctx: StaffContext, p: WorkbookParameters, res: Response): Promise<typeof HANDLED> {
  const { filename, buffer } = await buildWorkbook(ctx, p);
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(filename).send(buffer);
  return HANDLED;
}
