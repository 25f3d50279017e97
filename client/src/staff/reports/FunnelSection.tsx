import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../api.ts';
import { QueryState } from '../shared/ApiErrorBanner.tsx';
import { Chart } from '../shared/charts/Chart.tsx';
import { funnelSpec } from '../shared/charts/specs.ts';
import { fmt } from '../shared/charts/report-ui.tsx';

type Funnel = ApiData<'/api/reports/funnel'>;
type Panel = Extract<Funnel, { status: 'ok' }>['panels'][number];

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`);

function PanelView({ panel, k, year }: { panel: Panel; k: number; year: number }) {
  const spec = useMemo(
    () =>
      panel.status === 'ok' && typeof panel.department.value === 'number'
        ? funnelSpec({
            title: panel.label,
            target: panel.department.value,
            curve: panel.curve,
            points: panel.rows.filter((r) => r.status === 'placee').map((r) => ({ name: r.name, n: r.n!, value: r.value!, positionLabel: r.positionLabel })),
          })
        : null,
    [panel],
  );
  const id = `entonnoir-${panel.key.replace(/\W+/g, '-')}`;
  return (
    <section className="funnel-panel" aria-labelledby={id} data-funnel={panel.key}>
      <h3 id={id}>{panel.label}</h3>
      {panel.status === 'insufficient' ? (
        <p className="note" role="status">
          {panel.message}
        </p>
      ) : (
        <>
          <p className="note">
            Valeur du département : <strong>{fmt(panel.department.value, k, 'part')}</strong> ({fmt(panel.department.numerator, k)} sur {fmt(panel.department.denominator, k)})
            {panel.notes.length > 0 && <> · {panel.notes.join(' · ')}</>}
          </p>
          <div className="chart-grid">
            {spec && <Chart spec={spec} title={`Entonnoir : ${panel.label}`} fileName={`${id}-${year}`} />}
            <table data-testid={`table-${panel.key}`}>
              <caption>{panel.label} — associations par ordre alphabétique (pas de classement)</caption>
              <thead>
                <tr>
                  <th scope="col">Association</th>
                  <th scope="col" className="num">n</th>
                  <th scope="col" className="num">Valeur</th>
                  <th scope="col">Position</th>
                </tr>
              </thead>
              <tbody>
                {panel.rows.map((r) => (
                  <tr key={r.associationId}>
                    <th scope="row">{r.name}</th>
                    <td className="num">{r.n === null ? '—' : r.n.toLocaleString('fr-FR')}</td>
                    <td className="num">{pct(r.value)}</td>
                    <td className={r.position && r.position !== 'dedans' ? 'funnel-out' : undefined}>{r.positionLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Associations compared without ranking: a funnel per key share and per response rate (department staff). */
export function FunnelSection({ year }: { year: number }) {
  const query = useQuery(apiQuery('/api/reports/funnel', { params: { query: { year } } }));
  return (
    <section aria-labelledby="comparer-associations" className="funnels">
      <h2 id="comparer-associations">Comparer les associations sans les classer (entonnoirs)</h2>
      <QueryState query={query}>
        {(data) =>
          data.status === 'insufficient' ? (
            <p role="status">{data.message}</p>
          ) : (
            <>
              <p className="note">{data.method}</p>
              {data.panels.map((p) => (
                <PanelView key={p.key} panel={p} k={data.k} year={data.year} />
              ))}
            </>
          )
        }
      </QueryState>
    </section>
  );
}
