import { describe, expect, it } from 'vitest';
import { barChartSpec, trendSpec } from '../../../client/src/staff/shared/charts/specs.ts';

const json = (v: unknown) => JSON.stringify(v);

describe('chart specs', () => {
  it('a bar chart never carries a hidden count: no bar, the label reads "< k"', () => {
    const spec = barChartSpec({ title: 'Par sexe', items: [{ label: 'Femme', count: 24 }, { label: 'Homme', count: { suppressed: true } }, { label: 'Non précisé', count: 0 }], k: 11 }) as any;
    const values = spec.data.values;
    expect(values).toEqual([
      { order: 0, label: 'Femme', value: 24, at: 24, text: '24' },
      { order: 1, label: 'Homme', value: null, at: 0, text: '< 11' },
      { order: 2, label: 'Non précisé', value: 0, at: 0, text: '0' },
    ]);
    expect(spec.description).toContain('Homme < 11');
    expect(spec.title).toBe('Par sexe');
  });

  it('uses no Vega expression (the CSP forbids eval)', () => {
    for (const spec of [
      barChartSpec({ title: 't', items: [{ label: 'a', count: 1 }], k: 11 }),
      trendSpec({ title: 't', share: true, series: [{ name: 's', points: [{ year: 2025, value: 0.5, low: 0.2, high: 0.8, smallSample: true }] }] }),
    ]) {
      expect(json(spec)).not.toMatch(/"(calculate|filter|expr|test)"\s*:/);
    }
  });

  it('a trend drops hidden and missing points and keeps the Wilson interval and the small-sample mark', () => {
    const spec = trendSpec({
      title: 'Objectif atteint',
      share: true,
      series: [
        { name: 'A', points: [{ year: 2024, value: { suppressed: true } }, { year: 2025, value: 0.4, low: 0.3, high: 0.5, smallSample: false }, { year: 2026, value: null }] },
        { name: 'B', points: [{ year: 2025, value: 0.7, low: 0.4, high: 0.9, smallSample: true }] },
      ],
    }) as any;
    expect(spec.data.values).toEqual([
      { serie: 'A', annee: '2025', value: 0.4, low: 0.3, high: 0.5, echantillon: '30 réponses ou plus' },
      { serie: 'B', annee: '2025', value: 0.7, low: 0.4, high: 0.9, echantillon: 'Petit échantillon (moins de 30)' },
    ]);
    expect(spec.layer.map((l: any) => l.mark.type)).toEqual(['line', 'rule', 'point']);
    expect((trendSpec({ title: 'n', share: false, series: [] }) as any).layer.map((l: any) => l.mark.type)).toEqual(['line', 'point']);
  });
});
