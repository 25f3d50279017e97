import { useState } from 'react';
import type { Me } from '../api.ts';
import { csvHref, ReportFilters, useReport } from '../shared/charts/report-ui.tsx';
import '../shared/charts/reports.css';
import { parisYear } from '../shared/paris-date.ts';

const q = (o: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();

export function ExportsPage({ me }: { me: Me }) {
  const [year, setYear] = useState(parisYear());
  const [association, setAssociation] = useState<number | undefined>();
  const [printing, setPrinting] = useState(false);
  const [status, setStatus] = useState('');
  const list = useReport('/reports/response-rate', { year });
  const k = list.data?.k;
  const printUrl = `/api/reports/export/print?${q({ year, association })}`;

  // One click to PDF: the report opens in a new tab and prints itself (a same-origin script, as the CSP wants).
  // A hidden frame cannot work: the app's own `frame-ancestors 'none'` refuses to be framed, even by itself.
  function print() {
    setPrinting(true);
    const opened = window.open(`${printUrl}&autoprint=1`, '_blank');
    setStatus(
      opened
        ? 'Le rapport s’ouvre dans un nouvel onglet : choisissez « Enregistrer au format PDF » dans la fenêtre d’impression.'
        : 'Le navigateur a bloqué le nouvel onglet : utilisez le lien « Ouvrir le rapport imprimable », puis Imprimer.',
    );
    setPrinting(false);
  }

  return (
    <>
      <ReportFilters me={me} year={year} onYear={setYear} association={association} onAssociation={setAssociation} associations={list.data?.associations ?? []} />
      <p>Tous les exports appliquent le secret statistique{k ? ` (aucun effectif de 1 à ${k - 1} affiché)` : ''} : aucune réponse libre, aucune ligne par jeune.</p>
      <ul className="exports-list">
        <li>
          <button type="button" onClick={print} disabled={printing}>
            Imprimer le rapport du comité de pilotage (PDF)
          </button>{' '}
          <a href={printUrl} target="_blank" rel="noopener">
            Ouvrir le rapport imprimable
          </a>
        </li>
        <li>
          <a className="button" href={`/api/reports/export/workbook?${q({ year, association })}`} download>
            Télécharger le classeur Excel (5 onglets)
          </a>
        </li>
        <li>
          CSV :{' '}
          {(
            [
              ['dashboard', 'Tableau de bord'],
              ['value-chain', 'Chaîne de valeur'],
              ['evolution', 'Évolution'],
              ['response-rate', 'Taux de réponse'],
              ['pairs', 'Concordance jeune / mentor'],
            ] as const
          ).map(([key, label], i) => (
            <span key={key}>
              {i > 0 && ' · '}
              <a href={csvHref(key, { year, association, compare: key === 'value-chain' || key === 'response-rate' ? 'previous' : undefined })} download>
                {label}
              </a>
            </span>
          ))}
        </li>
      </ul>
      <p role="status">{status}</p>
    </>
  );
}
