/** CSV of each report (RFC 4180), with the cells a spreadsheet would run as a formula neutralised. */
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { StaffContext } from '../context.ts';
import { HANDLED } from '../http/route.ts';
import { IsoDate } from '../http/validation.ts';
import { INDICATOR_IDS } from '../../surveys/catalogue.ts';
import { AssociationFilter, Compare, ReportYear } from '../reports/scope.ts';
import { dashboardReport, type DashboardResult } from '../reports/dashboard/query.ts';
import { evolutionReport, type EvolutionResult } from '../reports/evolution/query.ts';
import type { Series } from '../reports/evolution/compute.ts';
import { pairsReport, type PairsResult } from '../reports/pairs/query.ts';
import { responseRateReport, type ResponseRateResult } from '../reports/response-rate/query.ts';
import { valueChainReport, type ValueChainResult } from '../reports/value-chain/query.ts';
import { cellOut, changeOut, csvNumber, isNumberCell, measureUnit, type OutCell } from './report-format.ts';
import { funnelRows, nonResponseRows } from './evidence-rows.ts';
import { funnelReport } from '../reports/funnel/query.ts';
import { nonResponseReport } from '../reports/non-response/query.ts';
import { neutralise as neutraliseText } from './registry-xlsx.ts';

export const REPORTS = ['value-chain', 'dashboard', 'evolution', 'response-rate', 'pairs', 'funnel', 'non-response'] as const;
export const ReportCsvParameters = z.strictObject({
  report: z.enum(REPORTS),
  year: ReportYear,
  association: AssociationFilter,
  compare: Compare,
  date: IsoDate.optional(),
  indicator: z.enum(INDICATOR_IDS).optional(),
});
export type ReportCsvParameters = z.infer<typeof ReportCsvParameters>;

export type Row = OutCell[];

/**
 * A text cell starting with = + - @, a tab or a carriage return is read as a formula by spreadsheets (CSV
 * injection): it is prefixed with an apostrophe (OWASP's advice), whoever wrote it. Only real numbers pass as is.
 */
export function neutralise(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  // One rule for every export (registry workbook, report workbook, CSV).
  return neutraliseText(value);
}

/** A cell's CSV text: our own numbers in French (never neutralised: "-2,5" is a number), any text neutralised. */
export function csvCell(value: OutCell): string {
  return isNumberCell(value) ? csvNumber(value) : neutralise(value);
}

/**
 * CSV as French Excel opens it with a double click: `;` between fields (the comma is the decimal mark),
 * CRLF, quotes doubled, and a UTF-8 BOM so that accents survive.
 */
export function toCsv(rows: Row[]): string {
  return stringify(rows.map((r) => r.map(csvCell)), { delimiter: ';', record_delimiter: 'windows', bom: true, quoted_match: /[";\r\n]/ });
}

export function valueChainRows(r: ValueChainResult): Row[] {
  if (r.status !== 'ok') return [['Message'], [r.message]];
  const header: Row = ['Maillon', 'Indicateur', 'Indicateur clé', `Valeur ${r.year}`, 'n', 'Dénominateur', ...(r.compare ? [`Valeur ${r.year - 1}`, 'Évolution'] : []), 'Source'];
  const rows: Row[] = [header];
  for (const link of r.links) {
    for (const f of link.figures) {
      const unit = measureUnit(f.current, f.unit);
      rows.push([
        link.label,
        f.label,
        f.isKey ? 'oui' : 'non',
        f.available ? cellOut(f.current.value, r.k, unit) : 'non disponible',
        cellOut(f.current.n ?? null, r.k) || (f.current.declarations !== undefined ? `${f.current.declarations} déclaration(s)` : ''),
        cellOut(f.current.denominator, r.k),
        ...(r.compare ? [cellOut(f.previous?.value ?? null, r.k, unit), changeOut(f.change, r.k, unit)] : []),
        f.sources.join(' + '),
      ]);
      for (const d of f.details) {
        const du = measureUnit(d.current, d.unit);
        rows.push([link.label, `  ${d.label}`, '', cellOut(d.current.value, r.k, du), cellOut(d.current.n, r.k), cellOut(d.current.denominator, r.k), ...(r.compare ? [cellOut(d.previous?.value ?? null, r.k, du), ''] : []), '']);
      }
    }
  }
  return rows;
}

export function dashboardRows(r: DashboardResult): Row[] {
  if (r.status !== 'ok') return [['Message'], [r.message]];
  const rows: Row[] = [['Graphique', 'Catégorie', 'Effectif', 'Part']];
  rows.push(['Mentorats en cours', `au ${r.date}`, cellOut(r.inProgressAt, r.k), '']);
  for (const c of r.charts) {
    for (const i of c.distribution.items) rows.push([c.title, i.label, cellOut(i.count, r.k), cellOut(i.share, r.k, 'part')]);
    rows.push([c.title, 'Total', cellOut(c.distribution.total, r.k), '']);
  }
  return rows;
}

export function evolutionRows(r: EvolutionResult): Row[] {
  if (r.status !== 'ok') return [['Message'], [r.message]];
  const rows: Row[] = [['Série', 'Indicateur', 'Année', 'Valeur', 'n', 'Dénominateur', 'IC 95 % bas', 'IC 95 % haut', 'Petit échantillon', 'Formulation modifiée']];
  const changed = (id: string, year: number) => (r.wordingChanges.some((w) => w.indicatorId === id && w.year === year) ? 'oui' : '');
  const push = (serie: string, s: Series) => {
    for (const p of s.points) {
      const unit = measureUnit(p.measure, s.unit);
      rows.push([
        serie,
        s.label,
        p.year,
        cellOut(p.measure.value, r.k, unit),
        cellOut(p.measure.n, r.k),
        cellOut(p.measure.denominator, r.k),
        p.interval ? cellOut(p.interval.low, r.k, 'part') : '',
        p.interval ? cellOut(p.interval.high, r.k, 'part') : '',
        p.smallSample ? 'oui' : '',
        changed(s.indicatorId, p.year),
      ]);
    }
  };
  for (const s of r.keyIndicators) push('Indicateurs clés', s);
  for (const a of r.compared.associations) push(a.associationName, a);
  return rows;
}

export function responseRateRows(r: ResponseRateResult): Row[] {
  const rows: Row[] = [['Association', 'Année', 'Public', 'Liens émis', 'Réponses', 'Refus', 'Sans réponse', 'Taux de réponse', 'Alerte']];
  for (const row of r.rows) {
    for (const [audience, label] of [['youth', 'Jeunes'], ['mentor', 'Mentors']] as const) {
      const a = row[audience];
      rows.push([row.label, row.year, label, cellOut(a.issued, r.k), cellOut(a.answered, r.k), cellOut(a.declined, r.k), cellOut(a.pending, r.k), cellOut(a.rate, r.k, 'part'), a.lowRate ? 'taux inférieur à 50 %' : '']);
    }
  }
  return rows;
}

export function pairsRows(r: PairsResult): Row[] {
  const rows: Row[] = [['Association', 'Question', 'Binômes d’accord', 'Binômes où les deux ont répondu', 'Part']];
  for (const row of r.rows) {
    for (const [key, label] of [['objective', 'Objectif atteint'], ['frequency', 'Fréquence des rencontres (même réponse)'], ['frequencyClose', 'Fréquence des rencontres (à un cran près)']] as const) {
      const m = row.agreement[key];
      rows.push([row.label, label, cellOut(m.n, r.k), cellOut(m.denominator, r.k), cellOut(m.value, r.k, 'part')]);
    }
  }
  return rows;
}

export function reportCsv(ctx: StaffContext, p: ReportCsvParameters): { filename: string; body: string } {
  const base = { year: p.year, association: p.association };
  let rows: Row[];
  switch (p.report) {
    case 'value-chain':
      rows = valueChainRows(valueChainReport(ctx, { ...base, compare: p.compare }, 'export'));
      break;
    case 'dashboard':
      rows = dashboardRows(dashboardReport(ctx, { ...base, date: p.date }, 'export'));
      break;
    case 'evolution':
      rows = evolutionRows(evolutionReport(ctx, { ...base, indicator: p.indicator }, 'export'));
      break;
    case 'response-rate':
      rows = responseRateRows(responseRateReport(ctx, { ...base, compare: p.compare }, 'export'));
      break;
    case 'pairs':
      rows = pairsRows(pairsReport(ctx, base, 'export'));
      break;
    case 'funnel':
      rows = funnelRows(funnelReport(ctx, { year: p.year }));
      break;
    case 'non-response':
      rows = nonResponseRows(nonResponseReport(ctx, base));
      break;
  }
  return { filename: `${p.report}-${p.year}${p.association ? `-association-${p.association}` : ''}.csv`, body: toCsv(rows) };
}

export function sendReportCsv(ctx: StaffContext, p: ReportCsvParameters, res: Response): typeof HANDLED {
  const { filename, body } = reportCsv(ctx, p);
  res.type('text/csv; charset=utf-8').attachment(filename).send(body);
  return HANDLED;
}
