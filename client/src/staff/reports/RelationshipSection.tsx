import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../api.ts';
import { QueryState } from '../shared/ApiErrorBanner.tsx';
import { fmt } from '../shared/charts/report-ui.tsx';

/** Impact indicators read by relationship-quality band: descriptive, every count suppressed. */
export function RelationshipSection({ year, association }: { year: number; association: number | undefined }) {
  const query = useQuery(apiQuery('/api/reports/relationship', { params: { query: { year, association } } }));
  return (
    <section aria-labelledby="impact-relation">
      <h2 id="impact-relation">L’impact selon la qualité de la relation</h2>
      <p className="note">
        Part des jeunes qui ont progressé grâce au mentorat, selon la qualité de la relation qu’ils décrivent (score de 0 à 100 : faible sous 50, moyenne de 50 à 74, bonne à partir de 75). Lecture descriptive : un écart ne prouve pas que la relation en est la cause.
      </p>
      <QueryState query={query}>
        {(data) =>
          data.message ? (
            <p role="status">{data.message}</p>
          ) : (
            <div className="chart-grid">
              {data.splits.map((s) => (
                <table key={s.indicatorId} data-testid={`relation-${s.indicatorId}`}>
                  <caption>{s.label}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Relation</th>
                      <th scope="col" className="num">Jeunes ayant répondu</th>
                      <th scope="col" className="num">Ont progressé</th>
                      <th scope="col" className="num">Part</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.rows.map((r) => (
                      <tr key={r.key}>
                        <th scope="row">{r.label}</th>
                        <td className="num">{fmt(r.answered, data.k)}</td>
                        <td className="num">{fmt(r.yes, data.k)}</td>
                        <td className="num">{fmt(r.share, data.k, 'part')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
