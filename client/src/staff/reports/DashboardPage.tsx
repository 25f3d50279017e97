import { useMemo, useState } from 'react';
import type { Me } from '../api.ts';
import { Chart } from '../shared/charts/Chart.tsx';
import { barChartSpec } from '../shared/charts/specs.ts';
import { csvHref, fmt, Insufficient, Loading, ReportFilters, SuppressionNote, useReport, type ReportCell } from '../shared/charts/report-ui.tsx';

const dateFr = (iso: string) => iso.split('-').reverse().join('/');

export function DashboardPage({ me }: { me: Me }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [association, setAssociation] = useState<number | undefined>();
  // No day picker: the figures are read on the year's reference day (31 December of a past year, today in the
  // current one); two chosen days apart would give away who started or ended in between.
  const query = { year, association };
  const { data, error } = useReport('/reports/dashboard', query);
  const specs = useMemo(
    () => (data?.status === 'ok' ? data.charts.map((c) => ({ ...c, spec: barChartSpec({ title: c.title, items: c.distribution.items.map((i) => ({ label: i.label, count: i.count })), k: data.k }) })) : []),
    [data],
  );
  return (
    <>
      <ReportFilters me={me} year={year} onYear={setYear} association={association} onAssociation={setAssociation} associations={data?.associations ?? []}>
        <a href={csvHref('dashboard', query)} download>
          Télécharger en CSV
        </a>
      </ReportFilters>
      <Loading data={data} error={error} />
      {data?.status === 'insufficient' && <Insufficient message={data.message} />}
      {data?.status === 'ok' && (
        <>
          <ul className="report-cards" aria-label="Chiffres clés">
            <li>
              <strong data-testid="en-cours">{fmt(data.inProgressAt, data.k)}</strong> mentorats en cours au {dateFr(data.date)}
            </li>
            <li>
              <strong>{fmt(data.mentorshipsOfYear, data.k)}</strong> mentorats en {data.year} (candidatures comprises)
            </li>
            <li>
              <strong>{fmt(data.youngPeople, data.k)}</strong> jeunes accompagnés en {data.year}
            </li>
          </ul>
          <SuppressionNote k={data.k} />
          <div className="chart-grid">
            {specs.map((c) => (
              <section key={c.key} aria-labelledby={`titre-${c.key}`}>
                <h2 id={`titre-${c.key}`} className="sr-only">
                  {c.title}
                </h2>
                <Chart spec={c.spec} title={c.title} fileName={`${c.key}-${data.year}`} />
                <details>
                  <summary>Voir le tableau : {c.title}</summary>
                  <table>
                    <caption className="sr-only">{c.title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Catégorie</th>
                        <th scope="col" className="num">Effectif</th>
                        <th scope="col" className="num">Part</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.distribution.items.map((i) => (
                        <tr key={i.key}>
                          <th scope="row">{i.label}</th>
                          <td className="num">{fmt(i.count, data.k)}</td>
                          <td className="num">{fmt(i.share, data.k, 'part')}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row">Total</th>
                        <td className="num">{fmt(c.distribution.total, data.k)}</td>
                        <td />
                      </tr>
                    </tbody>
                  </table>
                </details>
              </section>
            ))}
          </div>
          {data.byAssociation && (
            <section aria-labelledby="par-association">
              <h2 id="par-association">Mentorats de l’année par association et par statut</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Association</th>
                    {data.byAssociation.columns.map((c) => (
                      <th key={c.key} scope="col" className="num">
                        {c.label}
                      </th>
                    ))}
                    <th scope="col" className="num">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {data.byAssociation.rows.map((r, ri) => (
                    <tr key={r.key}>
                      <th scope="row">{r.label}</th>
                      {data.byAssociation!.cells[ri]!.map((cell, ci) => (
                        <td key={ci} className="num">
                          {fmt(cell, data.k)}
                        </td>
                      ))}
                      <td className="num">{fmt(data.byAssociation!.rowTotals[ri]!, data.k)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Total</th>
                    {data.byAssociation.columnTotals.map((cell, ci) => (
                      <td key={ci} className="num">
                        {fmt(cell, data.k)}
                      </td>
                    ))}
                    <td className="num">{fmt(data.byAssociation.total, data.k)}</td>
                  </tr>
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </>
  );
}
