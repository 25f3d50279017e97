import { useEffect, useState } from 'react';
import { api } from '../api.ts';

interface AuditRow {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  target: string | null;
  targetLabel: string | null;
  details: Record<string, string | number | boolean | null> | null;
}
interface AuditData {
  total: number;
  page: number;
  pageSize: number;
  rows: AuditRow[];
}

const ACTION_LABELS: Record<string, string> = {
  'connexion.reussie': 'Connexion',
  'connexion.echouee': 'Connexion refusée',
  'connexion.bloquee': 'Connexion bloquée (trop de tentatives)',
  deconnexion: 'Déconnexion',
  'session.changement_departement': 'Changement de département',
  'acces.refuse': 'Accès refusé',
  'compte.cree': 'Compte créé',
  'compte.desactive': 'Compte désactivé',
  'compte.reactive': 'Compte réactivé',
  'compte.role_modifie': 'Rôle modifié',
  'compte.mot_de_passe_reinitialise': 'Mot de passe réinitialisé',
  import: 'Import',
  export: 'Export',
  'mentorat.supprime': 'Mentorat supprimé (association)',
  'mentorat.exporte': 'Mentorat exporté',
  'mentorat.efface': 'Mentorat effacé (demande de droits)',
  'commentaires.consultes': 'Commentaires consultés',
  'parametres.modifies': 'Paramètres modifiés',
  'indicateurs.modifies': 'Indicateurs modifiés',
  'lien.reemis': 'Lien de questionnaire réémis',
  purge: 'Purge (durées de conservation)',
};

const PAGE_SIZE = 50;
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** Journal d’audit: who did what and when, for the department administrator. */
export function AuditPage() {
  const [page, setPage] = useState(1);
  const [action, setAction] = useState('');
  const [data, setData] = useState<AuditData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    api<AuditData>('/audit', { query: { page, pageSize: PAGE_SIZE, action: action || undefined } }).then(setData, (e: Error) => setError(e.message));
  }, [page, action]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <p>
        Connexions, refus d’accès, comptes, imports, exports, suppressions et purges du département, en heure UTC. Le journal ne contient ni jeton
        de lien, ni donnée sur un jeune : les cibles sont des numéros internes. Il est conservé un an.
      </p>
      <div className="filters">
        <div>
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setPage(1);
            }}
          >
            <option value="">Toutes</option>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {data && data.rows.length === 0 && <p role="status">Aucune entrée pour ce filtre.</p>}
      {data && data.rows.length > 0 && (
        <>
          <table>
            <caption className="sr-only">Journal d’audit, du plus récent au plus ancien ({data.total} entrées)</caption>
            <thead>
              <tr>
                <th scope="col">Date et heure (UTC)</th>
                <th scope="col">Auteur</th>
                <th scope="col">Action</th>
                <th scope="col">Cible</th>
                <th scope="col">Détails</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <time dateTime={r.at}>{utc(r.at)}</time>
                  </th>
                  <td>{r.actorEmail ?? 'système'}</td>
                  <td>{ACTION_LABELS[r.action] ?? r.action}</td>
                  <td>{r.targetLabel ?? r.target ?? '—'}</td>
                  <td>
                    {r.details
                      ? Object.entries(r.details)
                          .map(([k, v]) => `${k} : ${String(v)}`)
                          .join(' · ')
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages du journal">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Page précédente
            </button>
            <span role="status">
              Page {data.page} sur {pages} · {data.total} entrées
            </span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              Page suivante
            </button>
          </nav>
        </>
      )}
    </>
  );
}
