/** The funnel section of the printable report: one chart and its table per indicator, associations alphabetical. */
import { funnelSpec } from '../../client/src/staff/shared/charts/specs.ts';
import type { FunnelResult } from '../reports/funnel/query.ts';
import { renderSvg } from './report-charts.ts';
import { cellText } from './report-format.ts';
// report-print.ts imports this module too: escapeHtml is a hoisted function, safe across the cycle.
import { escapeHtml } from './report-print.ts';


export async function funnelHtml(r: FunnelResult): Promise<string> {
  const parts: string[] = ['<h2>Comparer les associations sans les classer (entonnoirs)</h2>'];
  if (r.status !== 'ok') return parts.concat(`<p>${escapeHtml(r.message)}</p>`).join('\n');
  parts.push(`<p class="note">${escapeHtml(r.method)}</p>`);
  for (const p of r.panels) {
    parts.push(`<h3>${escapeHtml(p.label)}</h3>`);
    if (p.status !== 'ok' || typeof p.department.value !== 'number') {
      parts.push(`<p class="note">${escapeHtml(p.status === 'ok' ? 'Valeur du département masquée.' : p.message)}</p>`);
      continue;
    }
    const points = p.rows.filter((a) => a.status === 'placee').map((a) => ({ name: a.name, n: a.n!, value: a.value!, positionLabel: a.positionLabel }));
    const svg = points.length > 0 ? await renderSvg(funnelSpec({ title: p.label, target: p.department.value, curve: p.curve, points })) : '';
    const rows = p.rows
      .map((a) => `<tr><th scope="row">${escapeHtml(a.name)}</th><td class="num">${a.n ?? '—'}</td><td class="num">${a.value === null ? '—' : escapeHtml(cellText(a.value, r.k, 'part'))}</td><td>${escapeHtml(a.positionLabel)}</td></tr>`)
      .join('');
    parts.push(
      `<div class="charts">${svg ? `<figure class="chart">${svg}</figure>` : ''}<div><p class="note">Valeur du département : ${escapeHtml(cellText(p.department.value, r.k, 'part'))} (${escapeHtml(cellText(p.department.numerator, r.k))} sur ${escapeHtml(cellText(p.department.denominator, r.k))})${p.notes.length ? ` · ${escapeHtml(p.notes.join(' · '))}` : ''}</p><table><thead><tr><th scope="col">Association</th><th scope="col">n</th><th scope="col">Valeur</th><th scope="col">Position</th></tr></thead><tbody>${rows}</tbody></table></div></div>`,
    );
  }
  return parts.join('\n');
}
