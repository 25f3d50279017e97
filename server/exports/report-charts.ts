/** Report charts rendered on the server (workbook images, printable report), from the same specs as the browser. */
import type { TopLevelSpec } from 'vega-lite';
import { barChartSpec, trendSpec } from '../../client/src/staff/shared/charts/specs.ts';
import type { DashboardResult } from '../reports/dashboard/query.ts';
import type { EvolutionResult } from '../reports/evolution/query.ts';

export interface RenderedChart {
  key: string;
  title: string;
  spec: TopLevelSpec;
}

/**
 * vega, vega-lite and resvg weigh tens of MB once loaded and only the report exports use them: they are loaded
 * on the first export, not at start-up (the server's resident memory stays low for the answering public).
 */
let chartLibraries: Promise<{ vega: typeof import('vega'); compile: typeof import('vega-lite').compile }> | null = null;
function loadChartLibraries() {
  chartLibraries ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, compile: vegaLite.compile }));
  return chartLibraries;
}

/** SVG of a spec, with no browser and no eval (renderer "none": only the scenegraph is built). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await loadChartLibraries();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG (twice the size, for print) of an SVG, with the system's fonts. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

export function dashboardCharts(result: DashboardResult): RenderedChart[] {
  if (result.status !== 'ok') return [];
  return result.charts.map((c) => ({
    key: c.key,
    title: c.title,
    spec: barChartSpec({ title: c.title, items: c.distribution.items.map((i) => ({ label: i.label, count: i.count })), k: result.k }),
  }));
}

export function evolutionCharts(result: EvolutionResult): RenderedChart[] {
  if (result.status !== 'ok') return [];
  const shareUnits = new Set(['part']);
  // A line needs two years: a single point says nothing the table does not (issue 17.2).
  const drawable = (s: { points: { measure: { value: unknown } }[] }) => s.points.filter((p) => typeof p.measure.value === 'number').length >= 2;
  const keyCharts = result.keyIndicators.filter(drawable).map((s) => {
    const share = s.points.some((p) => p.measure.denominator !== null);
    return {
      key: `cle-${s.indicatorId}`,
      title: s.label,
      spec: trendSpec({
        title: s.label,
        share: share || shareUnits.has(s.unit),
        series: [{ name: s.label, points: s.points.map((p) => ({ year: p.year, value: p.measure.value, low: p.interval?.low, high: p.interval?.high, smallSample: p.smallSample })) }],
      }),
    };
  });
  const compared = {
    key: 'associations',
    title: `${result.compared.label} — par association (IC 95 %)`,
    spec: trendSpec({
      title: `${result.compared.label} — par association`,
      share: result.compared.associations.some((a) => a.points.some((p) => p.measure.denominator !== null)),
      series: result.compared.associations.map((a) => ({
        name: a.associationName,
        points: a.points.map((p) => ({ year: p.year, value: p.measure.value, low: p.interval?.low, high: p.interval?.high, smallSample: p.smallSample })),
      })),
    }),
  };
  return [...keyCharts, compared];
}
