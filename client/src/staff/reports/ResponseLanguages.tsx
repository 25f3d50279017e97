import { fmt, type ReportCell } from '../shared/charts/report-ui.tsx';

interface LanguageDistribution {
  items: { key: string; label: string; count: ReportCell }[];
  total: ReportCell;
}
export interface LanguageRow {
  associationId: number | null;
  label: string;
  year: number;
  languages?: { youth: LanguageDistribution; mentor: LanguageDistribution };
}

/** Youth answers per questionnaire language (issue 11): counts suppressed like every other count of the report. */
export function ResponseLanguages({ rows, k }: { rows: LanguageRow[]; k: number }) {
  const shown = rows.filter((r) => r.languages);
  const columns = shown[0]?.languages?.youth.items ?? [];
  if (columns.length === 0) return null;
  return (
    <table>
      <caption>Réponses des jeunes selon la langue du questionnaire</caption>
      <thead>
        <tr>
          <th scope="col">Association</th>
          <th scope="col">Année</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="num">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={`${r.associationId}-${r.year}`}>
            <th scope="row">{r.label}</th>
            <td>{r.year}</td>
            {r.languages!.youth.items.map((item) => (
              <td key={item.key} className="num">
                {fmt(item.count, k)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
