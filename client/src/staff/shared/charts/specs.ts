/**
 * Vega-Lite specifications of the report charts: pure functions of the report JSON, shared by the browser
 * (vega-embed) and the server (SVG/PNG for the Excel workbook and the printable report).
 * A hidden count is never drawn as a length: its bar is absent and its label reads "< k".
 * No Vega expression is used anywhere (the page's CSP forbids eval; the interpreter handles the rest).
 */
import type { TopLevelSpec } from 'vega-lite';

export type Cell = number | { suppressed: true; complement?: true } | null;
export const isHidden = (c: unknown): c is { suppressed: true; complement?: true } => typeof c === 'object' && c !== null && (c as { suppressed?: unknown }).suppressed === true;
/** A small count reads "< k"; a count hidden only in complement is not small and reads "masqué". */
export const hiddenCountLabel = (c: { complement?: true }, k: number) => (c.complement ? 'masqué' : `< ${k}`);

const FONT = 'Marianne, Arial, Helvetica, sans-serif';
const BLUE = '#000091';
const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
  // Legends stacked under the chart, one entry per line: side by side they ran out of their card.
  legend: { labelFont: FONT, titleFont: FONT, labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'vertical', labelLimit: 300 },
  title: { font: FONT, fontSize: 14, anchor: 'start', color: '#161616' },
} as const;

export interface BarItem {
  label: string;
  count: Cell;
}

/** Horizontal bars of a distribution (dashboard charts), categories in the given order. */
export function barChartSpec(input: { title: string; items: readonly BarItem[]; k: number; width?: number }): TopLevelSpec {
  const values = input.items.map((item, order) => ({
    order,
    label: item.label,
    value: typeof item.count === 'number' ? item.count : null,
    // The label of a hidden count sits at the axis: no bar, no length, only "< k".
    at: typeof item.count === 'number' ? item.count : 0,
    text: isHidden(item.count) ? hiddenCountLabel(item.count, input.k) : typeof item.count === 'number' ? item.count.toLocaleString('fr-FR') : '—',
  }));
  const y = { field: 'label', type: 'nominal', sort: { field: 'order', order: 'ascending' }, title: null } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title,
    description: `${input.title} : ${values.map((v) => `${v.label} ${v.text}`).join(', ')}`,
    width: input.width ?? 360,
    height: { step: 26 },
    config: CONFIG,
    data: { values },
    layer: [
      { mark: { type: 'bar', color: BLUE }, encoding: { y, x: { field: 'value', type: 'quantitative', title: 'Effectif', axis: { format: 'd', tickMinStep: 1 } } } },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#161616', fontSize: 12 },
        encoding: { y, x: { field: 'at', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
  } as TopLevelSpec;
}

export interface TrendPoint {
  year: number;
  value: Cell;
  low?: number | null;
  high?: number | null;
  smallSample?: boolean;
}
export interface TrendSeries {
  name: string;
  points: readonly TrendPoint[];
}

/**
 * Values over the years, one line per series (key indicator, or association); a share gets its 95 % Wilson
 * interval as a vertical rule and small samples a distinct point shape, named in the legend.
 */
export function trendSpec(input: { title: string; series: readonly TrendSeries[]; share: boolean; width?: number }): TopLevelSpec {
  const values = input.series.flatMap((s) =>
    s.points
      .filter((p) => typeof p.value === 'number')
      .map((p) => ({
        serie: s.name,
        annee: String(p.year),
        value: p.value as number,
        low: p.low ?? null,
        high: p.high ?? null,
        echantillon: p.smallSample ? 'Petit échantillon (moins de 30)' : '30 réponses ou plus',
      })),
  );
  const x = { field: 'annee', type: 'ordinal', title: 'Année', axis: { labelAngle: 0 } } as const;
  // '~f' (not '~s': "500m" for 0.5) and a domain that never collapses: a series of zeros drew "NaN" ticks.
  const yAxis = input.share ? { format: '.0%' } : { format: '~f' };
  const max = Math.max(0, ...values.map((v) => v.value));
  // One series (a key indicator alone) needs no colour legend: its title says what it is.
  const color = { field: 'serie', type: 'nominal', title: null, ...(input.series.length <= 1 ? { legend: null } : {}) } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title,
    description: `${input.title} : ${values.map((v) => `${v.serie} ${v.annee} ${input.share ? `${Math.round(v.value * 100)} %` : v.value.toLocaleString('fr-FR')}`).join(', ')}`,
    width: input.width ?? 420,
    height: 220,
    config: CONFIG,
    data: { values },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { field: 'value', type: 'quantitative', title: input.share ? 'Part' : 'Valeur', axis: yAxis, scale: input.share ? { domain: [0, 1] } : max > 0 ? { domainMin: 0, nice: true } : { domain: [0, 1] } }, color } },
      ...(input.share
        ? [{ mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.6 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color } }]
        : []),
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: { x, y: { field: 'value', type: 'quantitative' }, color, shape: { field: 'echantillon', type: 'nominal', title: null, scale: { domain: ['30 réponses ou plus', 'Petit échantillon (moins de 30)'], range: ['circle', 'triangle-up'] } } },
      },
    ],
  } as TopLevelSpec;
}

export interface FunnelCurvePoint {
  n: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}
export interface FunnelPoint {
  name: string;
  n: number;
  value: number;
  positionLabel: string;
}

/**
 * Funnel plot (Spiegelhalter 2005): each placed association's value against its n, the department's value as a
 * horizontal line, the 95 % and 99.8 % limits as curves. Only placed associations are given: one left out has no
 * point, no size and no limit here. Points carry their name as a label (no ranking, no colour by rank).
 */
export function funnelSpec(input: { title: string; target: number; curve: readonly FunnelCurvePoint[]; points: readonly FunnelPoint[]; width?: number }): TopLevelSpec {
  const limits = input.curve.flatMap((c) => [
    { n: c.n, borne: 'Limites à 95 %', bas: c.low95, haut: c.high95 },
    { n: c.n, borne: 'Limites à 99,8 %', bas: c.low998, haut: c.high998 },
  ]);
  const x = { field: 'n', type: 'quantitative', title: 'Nombre de réponses ou de mentorats (n)', scale: { zero: false } } as const;
  const y = { type: 'quantitative', title: 'Valeur', axis: { format: '.0%' }, scale: { domain: [0, 1] } } as const;
  const pct = (v: number) => `${Math.round(v * 1000) / 10} %`.replace('.', ',');
  const dash = { field: 'borne', type: 'nominal', title: null, scale: { domain: ['Limites à 95 %', 'Limites à 99,8 %'], range: [[6, 3], [2, 2]] } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: input.title,
    description: `${input.title} : valeur du département ${pct(input.target)} ; ${input.points.map((p) => `${p.name} ${pct(p.value)} (n = ${p.n}, ${p.positionLabel.toLowerCase()})`).join(', ')}`,
    width: input.width ?? 460,
    height: 260,
    config: CONFIG,
    layer: [
      { data: { values: limits }, mark: { type: 'line', color: '#666666', strokeWidth: 1.2 }, encoding: { x, y: { ...y, field: 'bas' }, strokeDash: dash, detail: { field: 'borne' } } },
      { data: { values: limits }, mark: { type: 'line', color: '#666666', strokeWidth: 1.2 }, encoding: { x, y: { ...y, field: 'haut' }, strokeDash: dash, detail: { field: 'borne' } } },
      { data: { values: [{ target: input.target }] }, mark: { type: 'rule', color: BLUE, strokeWidth: 1.5 }, encoding: { y: { ...y, field: 'target' } } },
      { data: { values: input.points.map((p) => ({ ...p })) }, mark: { type: 'point', filled: true, size: 70, color: BLUE }, encoding: { x, y: { ...y, field: 'value' }, tooltip: [{ field: 'name', title: 'Association' }, { field: 'n', title: 'n' }, { field: 'value', title: 'Valeur', format: '.1%' }, { field: 'positionLabel', title: 'Position' }] } },
      { data: { values: input.points.map((p) => ({ ...p })) }, mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 11, color: '#161616' }, encoding: { x, y: { ...y, field: 'value' }, text: { field: 'name' } } },
    ],
  } as unknown as TopLevelSpec;
}
