/**
 * The printable report for the steering committee: one HTML page with print CSS (A4 landscape), the value
 * chain side by side, the results told apart, the trends and the dashboard charts as inline SVG. The staff
 * app opens it in a new tab with `autoprint=1`, where a same-origin script (the CSP allows no inline script,
 * and `frame-ancestors 'none'` forbids printing it from a frame) opens the print dialog once the page is drawn.
 */
import type { Response } from 'express';
import { z } from 'zod';
import type { StaffContext } from '../context.ts';
import { HANDLED } from '../http/route.ts';
import { funnelReport } from '../reports/funnel/query.ts';
import { funnelHtml } from './evidence-print.ts';
import { dashboardReport } from '../reports/dashboard/query.ts';
import { evolutionReport } from '../reports/evolution/query.ts';
import { responseRateReport } from '../reports/response-rate/query.ts';
import { AssociationFilter, ReportYear, resolveScope } from '../reports/scope.ts';
import { valueChainReport } from '../reports/value-chain/query.ts';
import { dashboardCharts, evolutionCharts, renderSvg } from './report-charts.ts';
import { cellText, changeText, dateFr, measureUnit } from './report-format.ts';
import { today } from '../time.ts';

export const PrintParameters = z.strictObject({
  year: ReportYear,
  association: AssociationFilter,
  /** "1": the page opens the print dialog itself (the staff app's button opens it in a new tab). */
  autoprint: z.enum(['1']).optional(),
});
export type PrintParameters = z.infer<typeof PrintParameters>;

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: Marianne, Arial, Helvetica, sans-serif; color: #161616; margin: 0 auto; max-width: 1200px; padding: 16px; font-size: 11pt; }
h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 14pt; margin: 18px 0 6px; border-bottom: 2px solid #000091; }
h3 { font-size: 11pt; margin: 0 0 6px; color: #000091; }
.meta { color: #3a3a3a; margin: 0 0 8px; }
.chain { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; }
.link { border: 1px solid #ddd; border-top: 4px solid #000091; padding: 6px; break-inside: avoid; }
.fig { margin: 0 0 6px; } .fig .l { font-size: 9pt; } .fig .v { font-weight: bold; } .fig .n { font-size: 8pt; color: #555; }
.key { background: #f5f5fe; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 9.5pt; break-inside: avoid; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; } td.num { text-align: right; }
.charts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 10px; }
.chart { break-inside: avoid; margin: 0; } .chart svg { width: 100%; height: auto; }
h2 { break-after: avoid; }
.note { font-size: 9pt; color: #3a3a3a; } .warn { color: #b34000; font-weight: bold; }
.page { break-before: page; }
@media screen { .hint { background: #e8edff; padding: 8px; } }
@media print { .hint { display: none; } }
`;

export async function buildPrintable(ctx: StaffContext, p: PrintParameters): Promise<string> {
  const scope = resolveScope(ctx, p.association, 'export');
  const k = scope.k;
  const vc = valueChainReport(ctx, { year: p.year, association: p.association, compare: 'previous' }, 'export');
  const dash = dashboardReport(ctx, { year: p.year, association: p.association }, 'export');
  const evo = evolutionReport(ctx, { year: p.year, association: p.association }, 'export');
  const rates = responseRateReport(ctx, { year: p.year, association: p.association }, 'export');
  const who = scope.associationName ?? 'toutes les associations';
  const parts: string[] = [];
  parts.push(`<h1>Suivi du mentorat ${p.year} — ${escapeHtml(scope.departmentName)}</h1>`);
  parts.push(`<p class="meta">Périmètre : ${escapeHtml(who)} · produit le ${dateFr(today(ctx))} · secret statistique : effectifs de 1 à ${k - 1} affichés « &lt; ${k} »</p>`);
  parts.push('<p class="hint">Pour obtenir un PDF : Imprimer, puis « Enregistrer au format PDF ».</p>');

  parts.push(`<h2>Chaîne de valeur ${p.year} (comparée à ${p.year - 1})</h2>`);
  if (vc.status !== 'ok') parts.push(`<p role="alert">${escapeHtml(vc.message)}</p>`);
  else {
    parts.push('<div class="chain">');
    for (const link of vc.links) {
      parts.push(`<section class="link"><h3>${escapeHtml(link.label)}</h3>`);
      for (const f of link.figures) {
        if (!f.available) continue;
        const unit = measureUnit(f.current, f.unit);
        const n = f.current.denominator !== null ? `${cellText(f.current.n, k)} / ${cellText(f.current.denominator, k)}` : f.current.n !== null ? `n = ${cellText(f.current.n, k)}` : f.current.declarations !== undefined ? `${f.current.declarations} décl.` : '';
        parts.push(
          `<div class="fig${f.isKey ? ' key' : ''}"><div class="l">${f.isKey ? '★ ' : ''}${escapeHtml(f.label)}</div><div><span class="v">${escapeHtml(cellText(f.current.value, k, unit) || '—')}</span> <span class="n">${escapeHtml(n)}${f.previous ? ` · ${p.year - 1} : ${escapeHtml(cellText(f.previous.value, k, unit) || '—')} (${escapeHtml(changeText(f.change, k, unit) || '—')})` : ''}</span></div></div>`,
        );
      }
      parts.push('</section>');
    }
    parts.push('</div>');
    const apart = vc.resultsApart;
    parts.push('<h2>Résultats : arrêts et objectifs, à ne pas confondre</h2><table><thead><tr><th scope="col">Fin de mentorat</th><th scope="col">Mentorats</th><th scope="col">Part</th></tr></thead><tbody>');
    for (const i of apart.byCategory.items) parts.push(`<tr><th scope="row">${escapeHtml(i.label)}</th><td class="num">${escapeHtml(cellText(i.count, k))}</td><td class="num">${escapeHtml(cellText(i.share, k, 'part'))}</td></tr>`);
    parts.push(`</tbody></table><p class="note">Un arrêt lié au binôme (disponibilité, déménagement, contact perdu) n'est pas un objectif manqué ; un objectif non atteint n'est pas forcément un échec, il a pu changer en route (selon les jeunes : ${escapeHtml(cellText(apart.objectiveChangedYouth.value, k, 'part') || '—')}).</p>`);
  }

  parts.push('<h2>Évolution sur les années</h2>');
  if (evo.status !== 'ok') parts.push(`<p role="alert">${escapeHtml(evo.message)}</p>`);
  else {
    if (evo.wordingChanges.length > 0) {
      parts.push(`<p class="warn">Attention : la formulation des questions a changé pour ${evo.wordingChanges.map((w) => `${escapeHtml(w.indicatorId)} (${w.year})`).join(', ')} ; les années ne sont pas strictement comparables.</p>`);
    }
    // The figures first, one compact table over the years; the charts after it, only where a line can be drawn.
    parts.push(`<table><thead><tr><th scope="col">Indicateur clé</th>${evo.years.map((y) => `<th scope="col" class="num">${y}</th>`).join('')}</tr></thead><tbody>`);
    for (const s of evo.keyIndicators) {
      const cells = s.points.map((pt) => `<td class="num">${escapeHtml(pt.noData ? 'pas de données' : cellText(pt.measure.value, k, measureUnit(pt.measure, s.unit)) || '—')}${pt.smallSample ? ' △' : ''}</td>`);
      parts.push(`<tr><th scope="row">${escapeHtml(s.label)}</th>${cells.join('')}</tr>`);
    }
    parts.push('</tbody></table>');
    parts.push('<div class="charts">');
    for (const c of evolutionCharts(evo)) parts.push(`<figure class="chart">${await renderSvg(c.spec)}<figcaption class="note">${escapeHtml(c.title)}</figcaption></figure>`);
    parts.push('</div><p class="note">Barres verticales : intervalle de confiance à 95 % (Wilson). Triangles (△ dans le tableau) : part ou moyenne sur moins de 30 réponses, à lire avec prudence.</p>');
  }

  parts.push('<h2>Tableau de bord</h2>');
  if (dash.status !== 'ok') parts.push(`<p role="alert">${escapeHtml(dash.message)}</p>`);
  else {
    parts.push(`<p>Mentorats en cours au ${dateFr(dash.date)} : <strong>${escapeHtml(cellText(dash.inProgressAt, k))}</strong></p><div class="charts">`);
    for (const c of dashboardCharts(dash)) parts.push(`<figure class="chart">${await renderSvg(c.spec)}</figure>`);
    parts.push('</div>');
  }

  parts.push('<h2>Taux de réponse aux questionnaires</h2><table><thead><tr><th scope="col">Association</th><th scope="col">Jeunes : réponses / liens</th><th scope="col">Taux</th><th scope="col">Mentors : réponses / liens</th><th scope="col">Taux</th></tr></thead><tbody>');
  for (const r of rates.rows) {
    const cell = (a: typeof r.youth) => `<td class="num">${escapeHtml(cellText(a.answered, k))} / ${escapeHtml(cellText(a.issued, k))}</td><td class="num${a.lowRate ? ' warn' : ''}">${escapeHtml(cellText(a.rate, k, 'part') || '—')}${a.lowRate ? ' (moins de 50 %)' : ''}</td>`;
    parts.push(`<tr><th scope="row">${escapeHtml(r.label)}</th>${cell(r.youth)}${cell(r.mentor)}</tr>`);
  }
  parts.push('</tbody></table><p class="note">Un taux de réponse inférieur à 50 % peut biaiser les résultats issus des questionnaires.</p>');

  const autoprint = p.autoprint === '1' ? '<script src="/api/reports/export/print.js" defer></script>' : '';
  parts.push(await funnelHtml(funnelReport(ctx, { year: p.year })));

  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Suivi du mentorat ${p.year} — ${escapeHtml(scope.departmentName)}</title><style>${CSS}</style>${autoprint}</head><body><main>${parts.join('\n')}</main></body></html>`;
}

/** The self-printing script, served from our origin so that `script-src 'self'` lets it run. */
export const AUTOPRINT_SCRIPT = `'use strict';
window.addEventListener('load', function () {
  // Let the layout settle (inline SVG, fonts) before the dialog freezes the page.
  setTimeout(function () { window.print(); }, 50);
});
`;

export function sendAutoprintScript(res: Response): typeof HANDLED {
  res.type('text/javascript; charset=utf-8').set('Cache-Control', 'no-store').send(AUTOPRINT_SCRIPT);
  return HANDLED;
}

export async function sendPrintable(ctx: StaffContext, p: PrintParameters, res: Response): Promise<typeof HANDLED> {
  const html = await buildPrintable(ctx, p);
  res.type('text/html; charset=utf-8').send(html);
  return HANDLED;
}
