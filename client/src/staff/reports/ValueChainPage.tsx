import { useMemo, useState } from 'react';
import type { Me } from '../api.ts';
import { Chart } from '../shared/charts/Chart.tsx';
import { FunnelSection } from './FunnelSection.tsx';
import { RelationshipSection } from './RelationshipSection.tsx';
import { barChartSpec } from '../shared/charts/specs.ts';
import { basis, csvHref, fmt, fmtChange, Insufficient, Loading, ReportFilters, SuppressionNote, unitOf, useReport, type ReportCell, type ReportMeasure } from '../shared/charts/report-ui.tsx';

interface Distribution {
  items: { key: string; label: string; count: ReportCell; share: ReportCell }[];
  total: ReportCell;
}
interface Figure {
  indicatorId: string;
  label: string;
  unit: string;
  isKey: boolean;
  sources: string[];
  available: boolean;
  note: string | null;
  current: ReportMeasure;
  previous: ReportMeasure | null;
  change: ReportCell;
  details: { key: string; label: string; unit: string; current: ReportMeasure; previous: ReportMeasure | null }[];
  breakdowns: { key: string; title: string; current: Distribution }[];
  list: string[];
}
type ValueChain =
  | { status: 'insufficient'; year: number; k: number; message: string; associations: { id: number; name: string }[] }
  | {
      status: 'ok';
      year: number;
      compare: boolean;
      k: number;
      youngPeople: ReportCell;
      mentorshipsClosed: ReportCell;
      answersReceived: ReportCell;
      declarationsSubmitted: number;
      links: { link: string; label: string; figures: Figure[] }[];
      resultsApart: { byCategory: Distribution; byReason: Distribution; stopReasonsYouth: Distribution; stopReasonsMentor: Distribution; objectiveChangedYouth: ReportMeasure; objectiveChangedMentor: ReportMeasure };
      associations: { id: number; name: string }[];
    };

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
              {year - 1} : {fmt(f.previous.value, k, unit)} · évolution <span className={change}>{fmtChange(f.change, k, unit)}</span>
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
  const [year, setYear] = useState(new Date().getFullYear());
  const [association, setAssociation] = useState<number | undefined>();
  const [compare, setCompare] = useState(true);
  const query = { year, association, compare: compare ? 'previous' : undefined };
  const { data, error } = useReport<ValueChain>('/reports/value-chain', query);
  const apartSpec = useMemo(
    () =>
      data?.status === 'ok'
        ? barChartSpec({ title: `Fins de mentorat ${data.year}, par catégorie`, items: data.resultsApart.byCategory.items.map((i) => ({ label: i.label, count: i.count })), k: data.k, width: 300 })
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
            <strong>{fmt(data.answersReceived, data.k)}</strong> questionnaires reçus · {data.declarationsSubmitted} déclaration(s) annuelle(s) soumise(s)
          </p>
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
          </section>
        </>
      )}
      <RelationshipSection year={year} association={association} />
      {me.association === null && <FunnelSection year={year} />}
    </>
  );
}
