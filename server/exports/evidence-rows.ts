/** Rows of the funnel and non-response reports for the CSV, the workbook and the printable report. */
import type { FunnelResult } from '../reports/funnel/query.ts';
import type { NonResponseResult } from '../reports/non-response/query.ts';
import { cellText } from './report-format.ts';

type Row = (string | number | null)[];

const AUDIENCE = { youth: 'Jeunes', mentor: 'Mentors' } as const;

/** One row per association and indicator, alphabetical (never ranked), with the limits at its n when placed. */
export function funnelRows(r: FunnelResult): Row[] {
  if (r.status !== 'ok') return [['Message'], [r.message]];
  const rows: Row[] = [['Indicateur', 'Association', 'n', 'Valeur', 'Position', 'Limite basse 99,8 %', 'Limite basse 95 %', 'Valeur du département', 'Limite haute 95 %', 'Limite haute 99,8 %']];
  for (const p of r.panels) {
    if (p.status !== 'ok') {
      rows.push([p.label, '', '', '', p.message, '', '', '', '', '']);
      continue;
    }
    const target = cellText(p.department.value, r.k, 'part');
    for (const a of p.rows) {
      const l = a.limits;
      rows.push([p.label, a.name, a.n, a.value === null ? '' : cellText(a.value, r.k, 'part'), a.positionLabel, l ? cellText(l.low998, r.k, 'part') : '', l ? cellText(l.low95, r.k, 'part') : '', target, l ? cellText(l.high95, r.k, 'part') : '', l ? cellText(l.high998, r.k, 'part') : '']);
    }
    for (const note of p.notes) rows.push([p.label, note, '', '', '', '', '', '', '', '']);
  }
  return rows;
}

export function nonResponseRows(r: NonResponseResult): Row[] {
  if (r.message) return [['Message'], [r.message]];
  const rows: Row[] = [['Public', 'Répartition', 'Catégorie', 'Mentorats terminés', 'Part des terminés', 'Répondants', 'Part des répondants', 'Écart (points)', `Écart de plus de ${r.gapPoints} points`]];
  for (const a of r.audiences) {
    for (const o of a.outcomes.items) rows.push([AUDIENCE[a.audience], 'Issue du questionnaire', o.label, cellText(o.count, r.k), cellText(o.share, r.k, 'part'), '', '', '', '']);
    for (const t of a.tables) {
      for (const row of t.rows) {
        rows.push([AUDIENCE[a.audience], t.title, row.label, cellText(row.closures, r.k), cellText(row.closuresShare, r.k, 'part'), cellText(row.respondents, r.k), cellText(row.respondentsShare, r.k, 'part'), cellText(row.gapPoints, r.k, 'points'), row.flagged ? 'oui' : '']);
      }
    }
  }
  for (const d of r.definitions) rows.push(['Définition', d, '', '', '', '', '', '', '']);
  return rows;
}
