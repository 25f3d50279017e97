/** How figures are written in exports (CSV, workbook, printable report): hidden cells as "< k", never the number. */
import { isSuppressed, type CountCell, type ValueCell } from '../reports/suppression.ts';
import type { Measure } from '../reports/measures.ts';

export type Unit = string;

export function cellText(cell: CountCell | ValueCell | undefined, k: number, unit: Unit = 'nombre'): string {
  if (cell === null || cell === undefined) return '';
  // A hidden count reads "< k"; a share, mean or amount built on one is simply "masqué".
  if (isSuppressed(cell)) return unit === 'nombre' && !cell.complement ? `< ${k}` : 'masqué';
  if (unit === 'part') return `${(cell * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
  if (unit === 'euros') return `${Math.round(cell).toLocaleString('fr-FR')} €`;
  if (unit === 'duree_jours') return `${Math.round(cell).toLocaleString('fr-FR')} j`;
  return cell.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

/** Unit used to write a measure: a share whenever it has a denominator. */
export const measureUnit = (m: Measure | null, unit: Unit) => (m && m.denominator !== null ? 'part' : unit);

export function changeText(change: ValueCell, k: number, unit: Unit): string {
  if (change === null) return '';
  // A change between two figures is not a count: "masquée" rather than "< k".
  if (isSuppressed(change)) return 'masquée';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const abs = Math.abs(change);
  if (unit === 'part') return `${sign}${(abs * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} pt`;
  return `${sign}${abs.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}`;
}

export const dateFr = (iso: string) => iso.split('-').reverse().join('/');

/**
 * A figure as the spreadsheet exports carry it: a real number with its format (so that French Excel sums and
 * sorts it), or text ("< 11", "masqué", labels). The CSV writes the number in French (decimal comma), the
 * workbook as a numeric cell with a number format.
 */
export type NumberFormat = 'entier' | 'decimal' | 'part' | 'euros' | 'jours' | 'points';
export interface NumberCell {
  num: number;
  fmt: NumberFormat;
}
export type OutCell = string | number | null | NumberCell;

export const isNumberCell = (c: unknown): c is NumberCell => typeof c === 'object' && c !== null && typeof (c as NumberCell).num === 'number';

/** Like `cellText`, but numbers stay numbers. */
export function cellOut(cell: CountCell | ValueCell | undefined, k: number, unit: Unit = 'nombre'): OutCell {
  if (cell === null || cell === undefined) return '';
  if (isSuppressed(cell)) return cellText(cell, k, unit);
  if (!Number.isFinite(cell)) return '';
  if (unit === 'part') return { num: cell, fmt: 'part' };
  if (unit === 'euros') return { num: Math.round(cell), fmt: 'euros' };
  if (unit === 'duree_jours') return { num: Math.round(cell), fmt: 'jours' };
  return Number.isInteger(cell) ? { num: cell, fmt: 'entier' } : { num: Math.round(cell * 100) / 100, fmt: 'decimal' };
}

/** Like `changeText`: a change of shares in percentage points, other changes in the figure's own unit. */
export function changeOut(change: ValueCell, k: number, unit: Unit): OutCell {
  if (change === null) return '';
  if (isSuppressed(change)) return 'masquée';
  if (unit === 'part') return { num: Math.round(change * 1000) / 10, fmt: 'points' };
  return cellOut(change, k, unit);
}

/** The CSV text of a number, as French Excel reads it back as a number: decimal comma, no thousands separator. */
export function csvNumber(c: NumberCell): string {
  const fr = (n: number, digits: number) => String(Math.round(n * 10 ** digits) / 10 ** digits).replace('.', ',');
  if (c.fmt === 'part') return `${fr(c.num * 100, 1)}%`;
  return fr(c.num, 2);
}

/** Excel number formats (the workbook's cells). */
export const EXCEL_FORMATS: Record<NumberFormat, string> = {
  entier: '#,##0',
  decimal: '#,##0.00',
  part: '0.0%',
  euros: '#,##0 "€"',
  jours: '#,##0 "j"',
  points: '+0.0" pt";-0.0" pt";0" pt"',
};
