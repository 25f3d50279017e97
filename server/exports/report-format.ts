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
