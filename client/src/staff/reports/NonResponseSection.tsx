import { useQuery } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../api.ts';
import { QueryState } from '../shared/ApiErrorBanner.tsx';
import { csvHref, fmt } from '../shared/charts/report-ui.tsx';

type NonResponse = ApiData<'/api/reports/non-response'>;
type Audience = NonResponse['audiences'][number];

const AUDIENCE_TITLES = { youth: 'Jeunes', mentor: 'Mentors' } as const;

function gapText(cell: Audience['tables'][number]['rows'][number]['gapPoints']): string {
  if (cell === null) return '—';
  if (typeof cell !== 'number') return 'masqué';
  const sign = cell > 0 ? '+' : cell < 0 ? '−' : '±';
  return `${sign}${Math.abs(cell).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} pt`;
}

function AudienceView({ a, k, gap }: { a: Audience; k: number; gap: number }) {
  const title = AUDIENCE_TITLES[a.audience];
  return (
    <section aria-labelledby={`non-reponse-${a.audience}`} data-non-response={a.audience}>
      <h3 id={`non-reponse-${a.audience}`}>
        {title} : {fmt(a.respondents, k)} répondants sur {fmt(a.closures, k)} mentorats terminés
      </h3>
      <table>
        <caption>{title} : ce qu’est devenu chaque questionnaire (refus et brouillons comptés à part)</caption>
        <thead>
          <tr>
            <th scope="col">Issue</th>
            <th scope="col" className="num">Mentorats</th>
            <th scope="col" className="num">Part</th>
          </tr>
        </thead>
        <tbody>
          {a.outcomes.items.map((o) => (
            <tr key={o.key}>
              <th scope="row">{o.label}</th>
              <td className="num">{fmt(o.count, k)}</td>
              <td className="num">{fmt(o.share, k, 'part')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.tables.map((t) => (
        <table key={t.key} data-testid={`non-reponse-${a.audience}-${t.key}`}>
          <caption>
            {title} — {t.title} : répondants comparés à tous les mentorats terminés
          </caption>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col" className="num">Terminés</th>
              <th scope="col" className="num">Part des terminés</th>
              <th scope="col" className="num">Répondants</th>
              <th scope="col" className="num">Part des répondants</th>
              <th scope="col" className="num">Écart</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{fmt(r.closures, k)}</td>
                <td className="num">{fmt(r.closuresShare, k, 'part')}</td>
                <td className="num">{fmt(r.respondents, k)}</td>
                <td className="num">{fmt(r.respondentsShare, k, 'part')}</td>
                <td className={`num${r.flagged ? ' gap-flag' : ''}`}>
                  {gapText(r.gapPoints)}
                  {r.flagged && <span> ⚠ plus de {gap} points</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

/** Who is missing from the answers: respondents against every ending, youth and mentors apart. */
export function NonResponseSection({ year, association }: { year: number; association: number | undefined }) {
  const query = useQuery(apiQuery('/api/reports/non-response', { params: { query: { year, association } } }));
  return (
    <section aria-labelledby="non-reponse">
      <h2 id="non-reponse">Qui ne répond pas ? Répondants et ensemble des mentorats terminés</h2>
      <QueryState query={query}>
        {(data) => (
          <>
            <ul className="note">
              {data.definitions.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            <p>
              <a href={csvHref('non-response', { year, association })} download>
                Non-réponse en CSV
              </a>
            </p>
            {data.message ? (
              <p role="status">{data.message}</p>
            ) : (
              data.audiences.map((a) => <AudienceView key={a.audience} a={a} k={data.k} gap={data.gapPoints} />)
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
