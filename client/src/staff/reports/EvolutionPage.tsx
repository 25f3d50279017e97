import { useMemo, useState } from 'react';
import { indicators } from '../../../../surveys/browser.ts';
import type { Me } from '../api.ts';
import { Chart } from '../shared/charts/Chart.tsx';
import { trendSpec } from '../shared/charts/specs.ts';
import { basis, csvHref, fmt, Insufficient, Loading, ReportFilters, SuppressionNote, unitOf, useReport, type ReportMeasure } from '../shared/charts/report-ui.tsx';

interface Point {
  year: number;
  measure: ReportMeasure;
  interval: { low: number; high: number } | null;
  smallSample: boolean;
}
interface Series {
  indicatorId: string;
  label: string;
  unit: string;
  points: Point[];
}
type Evolution =
  | { status: 'insufficient'; year: number; k: number; message: string }
  | {
      status: 'ok';
      k: number;
      years: number[];
      keyIndicators: Series[];
      compared: { indicatorId: string; label: string; associations: (Series & { associationId: number; associationName: string })[] };
      wordingChanges: { indicatorId: string; audience: 'youth' | 'mentor'; year: number }[];
      associations: { id: number; name: string }[];
    };

const COMPARABLE = ['resultats.objectif_atteint', 'impact.confiance', 'impact.notes', 'impact.stage', 'impact.competences_psychosociales', 'realisations.frequence', 'realisations.assiduite', 'realisations.duree_moyenne', 'realisations.jeunes_accompagnes'];
const drawable = (s: Series) => s.points.some((p) => typeof p.measure.value === 'number');
const isShare = (s: Series) => s.points.some((p) => p.measure.denominator !== null);
const toPoints = (s: Series) => s.points.map((p) => ({ year: p.year, value: p.measure.value, low: p.interval?.low, high: p.interval?.high, smallSample: p.smallSample }));
const labelOf = (id: string) => indicators.find((i) => i.id === id)?.label ?? id;

export function EvolutionPage({ me }: { me: Me }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [association, setAssociation] = useState<number | undefined>();
  const [indicator, setIndicator] = useState<string>('');
  const query = { year, association, indicator: indicator || undefined };
  const { data, error } = useReport<Evolution>('/reports/evolution', query);
  const charts = useMemo(() => {
    if (data?.status !== 'ok') return null;
    return {
      keys: data.keyIndicators.map((s) => ({ s, spec: trendSpec({ title: s.label, share: isShare(s), series: [{ name: s.label, points: toPoints(s) }], width: 380 }) })),
      compared: trendSpec({ title: `${data.compared.label} — par association`, share: data.compared.associations.some(isShare), series: data.compared.associations.map((a) => ({ name: a.associationName, points: toPoints(a) })) }),
    };
  }, [data]);
  return (
    <>
      <ReportFilters me={me} year={year} onYear={setYear} association={association} onAssociation={setAssociation} associations={data?.status === 'ok' ? data.associations : []}>
        <div>
          <label htmlFor="f-indicateur">Indicateur comparé entre associations</label>
          <select id="f-indicateur" value={indicator} onChange={(e) => setIndicator(e.target.value)}>
            <option value="">Premier indicateur clé exprimé en part</option>
            {COMPARABLE.map((id) => (
              <option key={id} value={id}>
                {labelOf(id)}
              </option>
            ))}
          </select>
        </div>
        <a href={csvHref('evolution', query)} download>
          Télécharger en CSV
        </a>
      </ReportFilters>
      <Loading data={data} error={error} />
      {data?.status === 'insufficient' && <Insufficient message={data.message} />}
      {data?.status === 'ok' && charts && (
        <>
          {data.wordingChanges.length > 0 && (
            <div className="warning" role="note">
              <strong>Formulation modifiée :</strong>{' '}
              {data.wordingChanges.map((w) => `${labelOf(w.indicatorId)} (questionnaire ${w.audience === 'youth' ? 'jeune' : 'mentor'}, ${w.year})`).join(' ; ')}. Les années avant et après ne
              sont pas strictement comparables.
            </div>
          )}
          <SuppressionNote k={data.k} />
          <h2>Indicateurs clés, {data.years[0]}–{data.years.at(-1)}</h2>
          <div className="chart-grid">
            {charts.keys.map(({ s, spec }) =>
              drawable(s) ? (
                <Chart key={s.indicatorId} spec={spec} title={s.label} fileName={`evolution-${s.indicatorId}`} />
              ) : (
                <div key={s.indicatorId} className="chart-box">
                  <h3>{s.label}</h3>
                  <p className="note">Aucune valeur affichable : indicateur non disponible, ou effectifs masqués par le secret statistique chaque année.</p>
                </div>
              ),
            )}
          </div>
          <h2>{data.compared.label} : associations comparées</h2>
          <p className="note">Barres verticales : intervalle de confiance à 95 % (méthode de Wilson). Triangles : moins de 30 réponses, à lire avec prudence.</p>
          <Chart spec={charts.compared} title={`${data.compared.label} par association`} fileName={`associations-${data.compared.indicatorId}`} />
          <table>
            <caption>{data.compared.label} par association et par année</caption>
            <thead>
              <tr>
                <th scope="col">Association</th>
                <th scope="col">Année</th>
                <th scope="col" className="num">Valeur</th>
                <th scope="col">Base</th>
                <th scope="col">IC 95 %</th>
                <th scope="col">Remarque</th>
              </tr>
            </thead>
            <tbody>
              {data.compared.associations.flatMap((a) =>
                a.points
                  .filter((p) => p.measure.value !== null)
                  .map((p) => (
                    <tr key={`${a.associationId}-${p.year}`}>
                      <th scope="row">{a.associationName}</th>
                      <td>{p.year}</td>
                      <td className="num">{fmt(p.measure.value, data.k, unitOf(p.measure, a.unit))}</td>
                      <td>{basis(p.measure, data.k)}</td>
                      <td>{p.interval ? `${fmt(p.interval.low, data.k, 'part')} – ${fmt(p.interval.high, data.k, 'part')}` : '—'}</td>
                      <td>{p.smallSample && <span className="low-rate">Petit échantillon : prudence</span>}</td>
                    </tr>
                  )),
              )}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
