import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../api.ts';
import { useUrlState } from '../router.ts';
import { ApiErrorBanner } from '../shared/ApiErrorBanner.tsx';
import { Pager } from '../shared/Pager.tsx';
import { describeDetails, describeTarget, parisDateTime } from './describe.ts';

type AuditAction = ApiData<'/api/audit'>['rows'][number]['action'];

const ACTION_LABELS: Partial<Record<AuditAction, string>> = {
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

/** Journal d’audit: who did what and when, for the department administrator. */
export function AuditPage() {
  // The filter and the page live in the address: a copied link reopens the same entries, « Précédent » goes back.
  const [url, setUrl] = useUrlState({ action: '', page: '1' });
  const page = Math.max(1, Number(url.page) || 1);
  const action = url.action as AuditAction | '';
  const query = useQuery({
    ...apiQuery('/api/audit', { params: { query: { page, pageSize: PAGE_SIZE, action: action || undefined } } }),
    placeholderData: keepPreviousData,
  });
  const { data, error } = query;

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <p>
        Connexions, refus d’accès, comptes, imports, exports, suppressions et purges du département, à l’heure de Paris. Le journal ne contient ni jeton
        de lien, ni donnée sur un jeune : les cibles sont des numéros internes. Il est conservé un an.
      </p>
      <div className="filters">
        <div>
          <label htmlFor="audit-action">Action</label>
          <select
            id="audit-action"
            value={action}
            onChange={(e) => setUrl({ action: e.target.value, page: '1' })}
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
      <ApiErrorBanner error={error} />
      {!data && !error && <p role="status">Chargement…</p>}
      {data && data.rows.length === 0 && <p role="status">Aucune entrée pour ce filtre.</p>}
      {data && data.rows.length > 0 && (
        <>
          <table>
            <caption className="sr-only">Journal d’audit, du plus récent au plus ancien ({data.total} entrées)</caption>
            <thead>
              <tr>
                <th scope="col">Date et heure (Paris)</th>
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
                    <time dateTime={r.at}>{parisDateTime(r.at)}</time>
                  </th>
                  <td>{r.actorEmail ?? 'système'}</td>
                  <td>{ACTION_LABELS[r.action] ?? r.action}</td>
                  <td>{describeTarget(r)}</td>
                  <td>{describeDetails(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={data.page} pageCount={pages} onPage={(p) => setUrl({ page: String(p) })} label="Pages du journal" total={`${data.total} entrées`} />
        </>
      )}
    </>
  );
}
