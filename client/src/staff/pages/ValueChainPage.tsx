import { useEffect, useState } from 'react';
import { api } from '../api.ts';

interface Figure {
  indicatorId: string;
  value: number | null;
  n: number;
  denominator: number | null;
}
interface ValueChain {
  year: number;
  mentorshipsClosed: number;
  answersReceived: number;
  figures: Record<string, Figure[]>;
}

const LINKS: [string, string][] = [
  ['ressources', 'Ressources'],
  ['activites', 'Activités'],
  ['realisations', 'Réalisations'],
  ['resultats', 'Résultats'],
  ['impact', 'Impact'],
];

const LABELS: Record<string, string> = {
  'ressources.etp': 'ETP (salariés et bénévoles)',
  'activites.ateliers': 'Ateliers collectifs',
  'realisations.jeunes_accompagnes': 'Jeunes accompagnés',
  'realisations.duree_moyenne': 'Durée moyenne des mentorats (jours)',
  'resultats.clotures': 'Mentorats terminés',
  'resultats.objectif_atteint': 'Mentorats ayant atteint leur objectif',
  'impact.confiance': 'Jeunes ayant repris confiance en eux',
};

function formatFigure(f: Figure): string {
  if (f.value === null) return 'non mesuré';
  if (f.denominator !== null) return `${Math.round(f.value * 100)} % (${f.n} sur ${f.denominator})`;
  return f.value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

export function ValueChainPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<ValueChain | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    api<ValueChain>('/reports/value-chain', { query: { year } }).then(setData, (e: Error) => setError(e.message));
  }, [year]);

  return (
    <>
      <div className="filters">
        <label htmlFor="annee">Année</label>
        <select id="annee" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p role="status">Chargement…</p>}
      {data && (
        <>
          <p className="summary" data-testid="resume">
            <strong>{data.mentorshipsClosed}</strong> mentorats terminés en {data.year} · <strong>{data.answersReceived}</strong> questionnaires reçus
          </p>
          <div className="chain">
            {LINKS.map(([key, label]) => (
              <section key={key} className="chain-link" aria-labelledby={`maillon-${key}`}>
                <h2 id={`maillon-${key}`}>{label}</h2>
                <dl>
                  {(data.figures[key] ?? []).map((f) => (
                    <div key={f.indicatorId} data-indicator={f.indicatorId}>
                      <dt>{LABELS[f.indicatorId] ?? f.indicatorId}</dt>
                      <dd>{formatFigure(f)}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      )}
    </>
  );
}
