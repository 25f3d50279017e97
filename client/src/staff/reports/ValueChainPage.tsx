import { useMemo, useState } from 'react';
import type { ApiData, Me } from '../api.ts';
import { Chart } from '../shared/charts/Chart.tsx';
import { FunnelSection } from './FunnelSection.tsx';
import { RelationshipSection } from './RelationshipSection.tsx';
import { barChartSpec } from '../shared/charts/specs.ts';
import { basis, csvHref, fmt, fmtChange, Insufficient, Loading, ReportFilters, SuppressionNote, unitOf, useReport, type ReportCell, type ReportMeasure } from '../shared/charts/report-ui.tsx';
import { parisYear } from '../shared/paris-date.ts';

type ValueChain = ApiData<'/api/reports/value-chain'>;
type Chain = Extract<ValueChain, { status: 'ok' }>;
type Figure = Chain['links'][number]['figures'][number];
type Distribution = Chain['resultsApart']['byCategory'];
type AudienceAnswers = Chain['answers']['youth'];
type DataQuality = Chain['dataQuality'];

/** Status/reason conflicts, drafts, and the answers each impact share rests on: what to check before reading the figures. */
function DataQualityPanel({ q, k, year }: { q: DataQuality; k: number; year: number }) {
  return (
    <section className="data-quality" aria-labelledby="qualite-donnees" data-testid="qualite-donnees">
      <h2 id="qualite-donnees">Qualité des données {year}</h2>
      <h3>Objectif atteint : quel chiffre est l’indicateur ?</h3>
      <p>{q.objectiveDefinition}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Lecture</th>
            <th scope="col" className="num">Mentorats terminés</th>
          </tr>
        </thead>
        <tbody>
          {q.objectiveReadings.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {r.isIndicator ? <strong>{r.label}</strong> : r.label}
              </th>
              <td className="num">{fmt(r.count, k)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Statut et motif de fin en désaccord</h3>
      {q.conflicts.total === 0 ? (
        <p>Aucun mentorat terminé en {year} n’a un statut et un motif de fin contradictoires.</p>
      ) : (
        <>
          <DistributionTable title="Lignes du tableau de pilotage à corriger, par type de désaccord" d={q.conflicts} k={k} />
          {q.conflictsByAssociation && <DistributionTable title="Lignes à corriger, par association" d={q.conflictsByAssociation} k={k} />}
        </>
      )}
      <h3>Déclarations annuelles non soumises</h3>
      {q.declarations.length === 0 ? (
        <p>Toutes les déclarations {year} sont soumises.</p>
      ) : (
        <ul>
          {q.declarations.map((d) => (
            <li key={d.associationId}>
              {d.name} : {d.state === 'brouillon' ? 'brouillon non soumis (non compté dans Ressources et Activités)' : 'pas encore commencée'}
            </li>
          ))}
        </ul>
      )}
      <h3>Couverture des réponses, à côté de chaque part d’impact</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Indicateur d’impact</th>
            <th scope="col" className="num">Jeunes ayant répondu</th>
            <th scope="col" className="num">Mentorats terminés</th>
            <th scope="col" className="num">Couverture</th>
          </tr>
        </thead>
        <tbody>
          {q.coverage.map((c) => (
            <tr key={c.indicatorId}>
              <th scope="row">{c.label}</th>
              <td className="num">{fmt(c.answers, k)}</td>
              <td className="num">{fmt(c.closed, k)}</td>
              <td className="num">{fmt(c.share, k, 'part')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DistributionTable({ title, d, k }: { title: string; d: Distribution; k: number }) {
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Catégorie</th>
          <th scope="col" className="num">Effectif</th>
          <th scope="col" className="num">Part</th>
        </tr>
      </thead>
      <tbody>
        {d.items.map((i) => (
          <tr key={i.key}>
            <th scope="row">{i.label}</th>
            <td className="num">{fmt(i.count, k)}</td>
            <td className="num">{fmt(i.share, k, 'part')}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">Total</th>
          <td className="num">{fmt(d.total, k)}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}

function FigureView({ f, k, year, compare }: { f: Figure; k: number; year: number; compare: boolean }) {
  const unit = unitOf(f.current, f.unit);
  const change = typeof f.change === 'number' ? (f.change > 0 ? 'change-up' : f.change < 0 ? 'change-down' : '') : '';
  return (
    <div className={`vc-figure${f.isKey ? ' key' : ''}`} data-indicator={f.indicatorId}>
      <div className="vc-label">
        {f.isKey && <span aria-label="Indicateur clé">★ </span>}
        {f.label}
      </div>
      {f.available ? (
        <>
          <div className="vc-value">{fmt(f.current.value, k, unit)}</div>
          <div className="vc-meta">{basis(f.current, k)}</div>
          {compare && f.previous && (
            <div className="vc-meta">
              {f.previous.value === null ? (
                <>{year - 1} : pas de données</>
              ) : (
                <>
                  {year - 1} : {fmt(f.previous.value, k, unit)} · évolution <span className={change}>{fmtChange(f.change, k, unit)}</span>
                </>
              )}
            </div>
          )}
        </>
      ) : (
        <div className="vc-meta">Non disponible</div>
      )}
      {(f.details.length > 0 || f.breakdowns.length > 0 || f.list.length > 0 || f.note) && (
        <details>
          <summary>Détail</summary>
          {f.note && <p className="note">{f.note}</p>}
          <p className="note">Source : {f.sources.join(' + ')}</p>
          {f.details.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">Détail</th>
                  <th scope="col" className="num">{year}</th>
                  {compare && <th scope="col" className="num">{year - 1}</th>}
                </tr>
              </thead>
              <tbody>
                {f.details.map((d) => (
                  <tr key={d.key}>
                    <th scope="row">
                      {d.label}
                      <div className="note">{basis(d.current, k)}</div>
                    </th>
                    <td className="num">{fmt(d.current.value, k, unitOf(d.current, d.unit))}</td>
                    {compare && <td className="num">{d.previous ? fmt(d.previous.value, k, unitOf(d.previous, d.unit)) : '—'}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {f.breakdowns.map((b) => (
            <DistributionTable key={b.key} title={b.title} d={b.current} k={k} />
          ))}
          {f.list.length > 0 && <p>{f.list.join(', ')}</p>}
        </details>
      )}
    </div>
  );
}

export function ValueChainPage({ me }: { me: Me }) {
  const [year, setYear] = useState(parisYear());
  const [association, setAssociation] = useState<number | undefined>();
  const [compare, setCompare] = useState(true);
  const query = { year, association, compare: compare ? 'previous' : undefined };
  const { data, error } = useReport('/reports/value-chain', query);
  const apartSpec = useMemo(
    () =>
      data?.status === 'ok'
        ? barChartSpec({ title: `Fins de mentorat ${data.year}, par catégorie de motif`, items: data.resultsApart.byCategory.items.map((i) => ({ label: i.label, count: i.count })), k: data.k, width: 300 })
        : null,
    [data],
  );
  return (
    <>
      <ReportFilters me={me} year={year} onYear={setYear} association={association} onAssociation={setAssociation} associations={data?.associations ?? []}>
        <div>
          <label htmlFor="f-compare">
            <input id="f-compare" type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} style={{ minHeight: 'auto', marginRight: '.5rem' }} />
            Comparer à l’année précédente
          </label>
        </div>
        <a href={csvHref('value-chain', query)} download>
          Télécharger en CSV
        </a>
      </ReportFilters>
      <Loading data={data} error={error} />
      {data?.status === 'insufficient' && <Insufficient message={data.message} />}
      {data?.status === 'ok' && (
        <>
          <p className="summary" data-testid="resume">
            <strong>{fmt(data.youngPeople, data.k)}</strong> jeunes accompagnés en {data.year} · <strong>{fmt(data.mentorshipsClosed, data.k)}</strong> mentorats terminés ·{' '}
            {data.declarationsSubmitted} déclaration(s) annuelle(s) soumise(s)
          </p>
          <p className="summary" data-testid="reponses">
            Questionnaires reçus : <strong>{fmt(data.answers.youth.answered, data.k)}</strong> réponses de jeunes sur {fmt(data.answers.youth.issued, data.k)} liens (taux{' '}
            {fmt(data.answers.youth.rate, data.k, 'part')}) · <strong>{fmt(data.answers.mentor.answered, data.k)}</strong> réponses de mentors sur {fmt(data.answers.mentor.issued, data.k)} liens
            (taux {fmt(data.answers.mentor.rate, data.k, 'part')})
          </p>
          {data.compare && data.previousHasData === false && <p className="note">Rien n’est enregistré pour {data.year - 1} : les comparaisons à cette année sont notées « pas de données ».</p>}
          <SuppressionNote k={data.k} />
          <div className="chain">
            {data.links.map((l) => (
              <section key={l.link} className="chain-link" aria-labelledby={`maillon-${l.link}`}>
                <h2 id={`maillon-${l.link}`}>{l.label}</h2>
                {l.figures.map((f) => (
                  <FigureView key={f.indicatorId} f={f} k={data.k} year={data.year} compare={data.compare} />
                ))}
              </section>
            ))}
          </div>
          <section aria-labelledby="resultats-distincts">
            <h2 id="resultats-distincts">Résultats : arrêts et objectifs, à ne pas confondre</h2>
            <p>
              Un arrêt lié au binôme (disponibilité, déménagement, contact perdu) n’est pas un objectif manqué. Un objectif non atteint n’est pas forcément un échec : il a pu changer en
              route ({fmt(data.resultsApart.objectiveChangedYouth.value, data.k, 'part')} selon les jeunes, {fmt(data.resultsApart.objectiveChangedMentor.value, data.k, 'part')} selon les
              mentors).
            </p>
            <div className="chart-grid">
              {apartSpec && <Chart spec={apartSpec} title="Fins de mentorat par catégorie" fileName={`fins-de-mentorat-${data.year}`} />}
              <div>
                <DistributionTable title="Motifs de fin, par catégorie" d={data.resultsApart.byReason} k={data.k} />
                <DistributionTable title="Arrêt anticipé : raison donnée par les jeunes" d={data.resultsApart.stopReasonsYouth} k={data.k} />
                <DistributionTable title="Arrêt anticipé : raison donnée par les mentors" d={data.resultsApart.stopReasonsMentor} k={data.k} />
              </div>
            </div>
            <p className="note">{data.dataQuality.objectiveDefinition}</p>
          </section>
          <DataQualityPanel q={data.dataQuality} k={data.k} year={data.year} />
        </>
      )}
      <RelationshipSection year={year} association={association} />
      {me.association === null && <FunnelSection year={year} />}
    </>
  );
}
