/**
 * Funnel plots for comparing associations (Spiegelhalter, "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 24, 2005). Pure functions: raw counts per association in, protected figures out.
 *
 * Limits: the normal approximation to the binomial around the department's value p0,
 *   p0 ± z·√(p0(1−p0)/n), z = 1.96 (95 %) and 3.09 (99.8 %), clipped to [0, 1].
 * Chosen over the exact binomial limits because it is the formula an evaluator can check by hand and the one the
 * paper gives first; no point is placed under n = k (11 by default), where the approximation is poorest. A point
 * exactly on a limit counts as inside. No ranking: associations are listed alphabetically, the funnel only says
 * whether an association's difference from the department is larger than chance alone would give.
 */
import { guardValue, isSuppressed, suppressShare, type CountCell, type ShareCell, type ValueCell } from '../suppression.ts';

export const Z95 = 1.959963984540054;
export const Z998 = 3.090232306167813;

export interface FunnelLimits {
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}

const clip = (x: number) => Math.min(1, Math.max(0, x));

/** Control limits at sample size n around p0; null when n or p0 make no sense. */
export function funnelLimits(p0: number, n: number): FunnelLimits | null {
  if (!(n > 0) || !(p0 >= 0 && p0 <= 1)) return null;
  const se = Math.sqrt((p0 * (1 - p0)) / n);
  return { low95: clip(p0 - Z95 * se), high95: clip(p0 + Z95 * se), low998: clip(p0 - Z998 * se), high998: clip(p0 + Z998 * se) };
}

export const FUNNEL_POSITIONS = ['dedans', 'au_dessus_95', 'au_dessus_998', 'en_dessous_95', 'en_dessous_998'] as const;
export type FunnelPosition = (typeof FUNNEL_POSITIONS)[number];

export const POSITION_LABELS: Readonly<Record<FunnelPosition, string>> = {
  dedans: 'Dans les limites',
  au_dessus_95: 'Au-dessus de la limite à 95 %',
  au_dessus_998: 'Au-dessus de la limite à 99,8 %',
  en_dessous_95: 'En dessous de la limite à 95 %',
  en_dessous_998: 'En dessous de la limite à 99,8 %',
};

export function classify(value: number, limits: FunnelLimits): FunnelPosition {
  if (value > limits.high998) return 'au_dessus_998';
  if (value > limits.high95) return 'au_dessus_95';
  if (value < limits.low998) return 'en_dessous_998';
  if (value < limits.low95) return 'en_dessous_95';
  return 'dedans';
}

/** "1 association trop petite pour être placée", "2 associations trop petites pour être placées". */
export function tooSmallLabel(count: number): string {
  return count === 1 ? '1 association trop petite pour être placée' : `${count} associations trop petites pour être placées`;
}
export function maskedLabel(count: number): string {
  return count === 1 ? '1 association non placée (secret statistique)' : `${count} associations non placées (secret statistique)`;
}

export interface FunnelUnit {
  associationId: number;
  name: string;
  /** Raw counts: never sent as such, only through the rules below. */
  numerator: number;
  denominator: number;
  /**
   * The association's share as the department-year's protected source publishes it (server/reports/protection),
   * when the indicator is one of its populations: then its verdict is the only one, the same on every screen.
   */
  published?: ShareCell;
}

export type UnitStatus = 'placee' | 'trop_petite' | 'masquee' | 'sans_donnee';

export interface FunnelRow {
  associationId: number;
  name: string;
  status: UnitStatus;
  /** Shown only for a placed association. */
  n: number | null;
  value: number | null;
  position: FunnelPosition | null;
  positionLabel: string;
  limits: FunnelLimits | null;
}

export interface CurvePoint extends FunnelLimits {
  n: number;
}

export type FunnelPanel =
  | { key: string; label: string; status: 'insufficient'; message: string; rows: FunnelRow[] }
  | {
      key: string;
      label: string;
      status: 'ok';
      /** The department's value and its basis (the target line of the funnel). */
      department: { value: ValueCell; numerator: CountCell; denominator: CountCell };
      curve: CurvePoint[];
      /** Every association of the department, alphabetically (never ranked). */
      rows: FunnelRow[];
      tooSmall: number;
      masked: number;
      notes: string[];
    };

const STATUS_LABELS: Record<Exclude<UnitStatus, 'placee'>, string> = {
  trop_petite: 'Non placée : trop petite',
  masquee: 'Non placée : secret statistique',
  sans_donnee: 'Aucune donnée cette année',
};

/**
 * The group of associations left out must not be recoverable from the department's total minus the placed ones:
 * like rule 3 of suppression.ts, at least two of them, weighing together at least k in numerator and complement.
 */
function groupIsSafe(hidden: readonly FunnelUnit[], k: number): boolean {
  if (hidden.length === 0) return true;
  const x = hidden.reduce((s, u) => s + u.numerator, 0);
  const n = hidden.reduce((s, u) => s + u.denominator, 0);
  return hidden.length >= 2 && x >= k && n - x >= k;
}

/** Steps of n for the limit curves, from k to a little beyond the largest placed association. */
function curveSizes(k: number, largest: number): number[] {
  const top = Math.max(k + 1, Math.ceil(largest * 1.15));
  const steps = 60;
  const sizes = new Set<number>();
  for (let i = 0; i <= steps; i++) sizes.add(Math.round(k * Math.pow(top / k, i / steps)));
  return [...sizes].sort((a, b) => a - b);
}

/**
 * `department`: the department's share from the protected source, when the units carry theirs (`published`): the
 * source's single suppression pass already holds "department = sum of the associations" as a line, so its verdicts
 * are used as they are. Otherwise (questionnaire shares) the panel protects itself: suppressShare per association
 * and complementary masking of the left-out group.
 */
export function funnelPanel(input: { key: string; label: string; units: readonly FunnelUnit[]; k: number; department?: ShareCell }): FunnelPanel {
  const { k } = input;
  const units = [...input.units].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const X = units.reduce((s, u) => s + u.numerator, 0);
  const N = units.reduce((s, u) => s + u.denominator, 0);
  const published = input.department !== undefined;
  const department = input.department ?? suppressShare(X, N, k);
  const status = new Map<number, UnitStatus>();
  for (const u of units) {
    const shown = published ? u.published !== undefined && typeof u.published.value === 'number' && !isSuppressed(u.published.denominator) : typeof suppressShare(u.numerator, u.denominator, k).value === 'number';
    // A small count the source writes « masqué » (its « < k » would give it away) is not said to be too small.
    const relabelled = published && isSuppressed(u.published?.denominator) && u.published.denominator.complement === true;
    if (u.denominator === 0) status.set(u.associationId, 'sans_donnee');
    else if (u.denominator < k && !relabelled) status.set(u.associationId, 'trop_petite');
    else if (!shown) status.set(u.associationId, 'masquee');
    else status.set(u.associationId, 'placee');
  }
  // Complementary masking: while the left-out group could be recovered by difference, leave out the smallest placed one.
  const left = () => units.filter((u) => status.get(u.associationId) === 'trop_petite' || status.get(u.associationId) === 'masquee');
  while (!published && !groupIsSafe(left(), k)) {
    const next = units.filter((u) => status.get(u.associationId) === 'placee').sort((a, b) => a.denominator - b.denominator || a.name.localeCompare(b.name, 'fr'))[0];
    if (!next) break;
    status.set(next.associationId, 'masquee');
  }
  const p0 = guardValue(N === 0 ? null : X / N, N, k);
  const rowOf = (u: FunnelUnit, placed: boolean): FunnelRow => {
    const st = status.get(u.associationId)!;
    if (!placed || st !== 'placee' || typeof p0 !== 'number') {
      return { associationId: u.associationId, name: u.name, status: st === 'placee' ? 'masquee' : st, n: null, value: null, position: null, positionLabel: STATUS_LABELS[st === 'placee' ? 'masquee' : st], limits: null };
    }
    const value = u.numerator / u.denominator;
    const limits = funnelLimits(p0, u.denominator)!;
    const position = classify(value, limits);
    return { associationId: u.associationId, name: u.name, status: 'placee', n: u.denominator, value, position, positionLabel: POSITION_LABELS[position], limits };
  };
  if (typeof department.value !== 'number' || typeof p0 !== 'number' || (!published && !groupIsSafe(left(), k))) {
    const message =
      N === 0
        ? 'Aucune donnée pour cette année : rien à comparer.'
        : `Trop peu de réponses pour comparer les associations sans révéler un effectif de moins de ${k} : la valeur du département est masquée.`;
    return { key: input.key, label: input.label, status: 'insufficient', message, rows: units.map((u) => rowOf(u, false)) };
  }
  const rows = units.map((u) => rowOf(u, true));
  const placed = rows.filter((r) => r.status === 'placee');
  const tooSmall = rows.filter((r) => r.status === 'trop_petite').length;
  const masked = rows.filter((r) => r.status === 'masquee').length;
  const notes: string[] = [];
  if (tooSmall > 0) notes.push(tooSmallLabel(tooSmall));
  if (masked > 0) notes.push(maskedLabel(masked));
  const largest = Math.max(k, ...placed.map((r) => r.n!));
  return {
    key: input.key,
    label: input.label,
    status: 'ok',
    department: { value: department.value, numerator: department.numerator, denominator: department.denominator },
    curve: curveSizes(k, largest).map((n) => ({ n, ...funnelLimits(p0, n)! })),
    rows,
    tooSmall,
    masked,
    notes,
  };
}
