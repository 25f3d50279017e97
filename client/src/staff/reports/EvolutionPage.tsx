import { useMemo, useState, type ReactNode } from 'react';
// The catalogue alone: surveys/browser.ts would bring SurveyJS (and the questionnaires' text) into the staff bundle.
import { indicators } from '../../../../surveys/catalogue.ts';
import type { ApiData, Me } from '../api.ts';
import { Chart } from '../shared/charts/Chart.tsx';
import { trendSpec } from '../shared/charts/specs.ts';
import { basis, csvHref, fmt, Insufficient, Loading, ReportFilters, SuppressionNote, unitOf, useReport } from '../shared/charts/report-ui.tsx';
import { parisYear } from '../shared/paris-date.ts';

type Evolution = ApiData<'/api/reports/evolution'>;
type Series = Extract<Evolution, { status: 'ok' }>['keyIndicators'][number];

const COMPARABLE = ['resultats.objectif_atteint', 'impact.confiance', 'impact.notes', 'impact.stage', 'impact.competences_psychosociales', 'realisations.frequence', 'realisations.assiduite', 'realisations.duree_moyenne', 'realisations.jeunes_accompagnes', 'realisations.qualite_relation'];
// A line needs two years with a value: a single point says nothing the table does not.
const drawable = (s: Series) => s.points.filter((p) => typeof p.measure.value === 'number').length >= 2;
const isShare = (s: Series) => s.points.some((p) => p.measure.denominator !== null);
const toPoints = (s: Series) => s.points.map((p) => ({ year: p.year, value: p.measure.value, low: p.interval?.low, high: p.interval?.high, smallSample: p.smallSample }));
const labelOf = (id: string) => indicators.find((i) => i.id === id)?.label ?? id;

/** Charts drawn only once asked for: the table already says everything, the charts are a second reading. */
function OnDemand({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="charts-on-demand" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children}
    </details>
  );
}

export function EvolutionPage({ me }: { me: Me }) {
  const [year, setYear] = useState(parisYear());
  const [association, setAssociation] = useState<number | undefined>();
  const [indicator, setIndicator] = useState<string>('');
  const query = { year, association, indicator: indicator || undefined };
  const { data, error } = useReport('/reports/evolution', query);
  const charts = useMemo(() => {
    if (data?.status !== 'ok') return null;
    return {
      keys: data.keyIndicators.filter(drawable).map((s) => ({ s, spec: trendSpec({ title: s.label, share: isShare(s), series: [{ name: s.label, points: toPoints(s) }], width: 340 }) })),
      compared: data.compared.associations.some(drawable)
        ? trendSpec({ title: `${data.compared.label} — par association`, share: data.compared.associations.some(isShare), series: data.compared.associations.map((a) => ({ name: a.associationName, points: toPoints(a) })), width: 520 })
        : null,
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
          <h2 id="indicateurs-cles">
            Indicateurs clés, {data.years[0]}–{data.years.at(-1)}
          </h2>
          <div className="table-scroll">
            <table className="evolution-table" aria-labelledby="indicateurs-cles">
              <thead>
                <tr>
                  <th scope="col">Indicateur</th>
                  {data.years.map((y) => (
                    <th key={y} scope="col" className="num">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.keyIndicators.map((s) => (
                  <tr key={s.indicatorId}>
                    <th scope="row">{s.label}</th>
                    {s.points.map((p) => {
                      const changed = data.wordingChanges.some((w) => w.indicatorId === s.indicatorId && w.year === p.year);
                      return (
                        <td key={p.year} className="num" data-year={p.year}>
                          {p.noData ? <span className="note">pas de données</span> : fmt(p.measure.value, data.k, unitOf(p.measure, s.unit))}
                          {!p.noData && <div className="note">{basis(p.measure, data.k)}</div>}
                          {p.smallSample && (
                            <div className="low-rate" title="Moins de 30 réponses : à lire avec prudence">
                              △ petit échantillon
                            </div>
                          )}
                          {changed && (
                            <div className="low-rate" title="La formulation de la question a changé cette année">
                              ✎ formulation modifiée
                            </div>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="note">
            « pas de données » : rien n’est enregistré pour cette année. △ : part ou moyenne calculée sur moins de 30 réponses. ✎ : la question a changé de formulation, l’année n’est pas
            strictement comparable à la précédente.
          </p>
          <OnDemand summary={`Voir les graphiques des indicateurs clés (${charts.keys.length})`}>
            {charts.keys.length === 0 ? (
              <p className="note">Aucune courbe à tracer : il faut au moins deux années avec une valeur affichable.</p>
            ) : (
              <div className="chart-grid">
                {charts.keys.map(({ s, spec }) => (
                  <Chart key={s.indicatorId} spec={spec} title={s.label} fileName={`evolution-${s.indicatorId}`} />
                ))}
              </div>
            )}
          </OnDemand>
          <h2>{data.compared.label} : associations comparées</h2>
          <p className="note">Intervalle de confiance à 95 % (méthode de Wilson) pour les parts. Petit échantillon : moins de 30 réponses, à lire avec prudence.</p>
          {charts.compared && (
            <OnDemand summary={`Voir le graphique : ${data.compared.label} par association`}>
              <Chart spec={charts.compared} title={`${data.compared.label} par association`} fileName={`associations-${data.compared.indicatorId}`} />
            </OnDemand>
          )}
          <div className="table-scroll">
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
                  .filter((p) => !p.noData)
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
          </div>
        </>
      )}
    </>
  );
}
