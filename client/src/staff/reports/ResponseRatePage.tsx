import { useState } from 'react';
import type { ApiData, Me } from '../api.ts';
import { NonResponseSection } from './NonResponseSection.tsx';
import { ResponseLanguages, type LanguageRow } from './ResponseLanguages.tsx';
import { basis, csvHref, fmt, Loading, ReportFilters, SuppressionNote, useReport, type ReportCell, type ReportMeasure } from '../shared/charts/report-ui.tsx';
import { parisYear } from '../shared/paris-date.ts';

type Rates = ApiData<'/api/reports/response-rate'>;
type AudienceRate = Rates['rows'][number]['youth'];

function RateCells({ a, k }: { a: AudienceRate; k: number }) {
  return (
    <>
      <td className="num">{fmt(a.issued, k)}</td>
      <td className="num">{fmt(a.answered, k)}</td>
      <td className="num">{fmt(a.declined, k)}</td>
      <td className={`num${a.lowRate ? ' low-rate' : ''}`}>
        {fmt(a.rate, k, 'part')}
        {a.lowRate && <span> ⚠ moins de 50 %</span>}
      </td>
    </>
  );
}

export function ResponseRatePage({ me }: { me: Me }) {
  const [year, setYear] = useState(parisYear());
  const [association, setAssociation] = useState<number | undefined>();
  const query = { year, association, compare: 'previous' };
  const rates = useReport('/reports/response-rate', query);
  const pairs = useReport('/reports/pairs', { year, association });
  const low = rates.data?.rows.some((r) => r.youth.lowRate || r.mentor.lowRate);
  return (
    <>
      <ReportFilters me={me} year={year} onYear={setYear} association={association} onAssociation={setAssociation} associations={rates.data?.associations ?? []}>
        <a href={csvHref('response-rate', query)} download>
          Taux de réponse en CSV
        </a>
        <a href={csvHref('pairs', { year, association })} download>
          Concordance en CSV
        </a>
      </ReportFilters>
      <Loading data={rates.data} error={rates.error} />
      {rates.data && (
        <>
          {low && (
            <div className="warning" role="note">
              Un taux de réponse inférieur à 50 % biaise les résultats issus des questionnaires : les jeunes et mentors qui répondent ne ressemblent pas forcément à ceux qui ne répondent pas.
            </div>
          )}
          <SuppressionNote k={rates.data.k} />
          <table>
            <caption>Réponses aux questionnaires de fin de mentorat (mentorats terminés dans l’année ; liens révoqués exclus)</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>Association</th>
                <th scope="col" rowSpan={2}>Année</th>
                <th scope="colgroup" colSpan={4}>Jeunes</th>
                <th scope="colgroup" colSpan={4}>Mentors</th>
              </tr>
              <tr>
                {['Liens émis', 'Réponses', 'Refus', 'Taux', 'Liens émis', 'Réponses', 'Refus', 'Taux'].map((h, i) => (
                  <th key={i} scope="col" className="num">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rates.data.rows.map((r) => (
                <tr key={`${r.associationId}-${r.year}`}>
                  <th scope="row">{r.label}</th>
                  <td>{r.year}</td>
                  <RateCells a={r.youth} k={rates.data!.k} />
                  <RateCells a={r.mentor} k={rates.data!.k} />
                </tr>
              ))}
            </tbody>
          </table>
          <ResponseLanguages rows={rates.data.rows} k={rates.data.k} />
        </>
      )}
      <NonResponseSection year={year} association={association} />
      <h2>Le jeune et le mentor sont-ils d’accord ?</h2>
      <p className="note">Parmi les binômes où les deux ont répondu : même réponse sur l’objectif atteint (oui, en partie, non), et même fréquence de rencontre (ou à un cran près).</p>
      <Loading data={pairs.data} error={pairs.error} />
      {pairs.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Association</th>
              <th scope="col">Objectif atteint : même réponse</th>
              <th scope="col">Fréquence : même réponse</th>
              <th scope="col">Fréquence : à un cran près</th>
            </tr>
          </thead>
          <tbody>
            {pairs.data.rows.map((r) => (
              <tr key={String(r.associationId)}>
                <th scope="row">{r.label}</th>
                {(['objective', 'frequency', 'frequencyClose'] as const).map((key) => (
                  <td key={key}>
                    {fmt(r.agreement[key].value, pairs.data!.k, 'part')} <span className="note">({basis(r.agreement[key], pairs.data!.k)})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
