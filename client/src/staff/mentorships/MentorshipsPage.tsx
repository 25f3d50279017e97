import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { navigate } from '../router.ts';
import { MentorshipForm, send, type FieldIssue, type RegistryRow } from './MentorshipFormPage.tsx';
import { STATUS_LABELS, formatDate, formatMonth, labelOf, useLists, valuesOf, type ListsData } from '../settings/useLists.ts';
import '../shared/registry.css';
import { LinkHandOver } from './LinkHandOver.tsx';

export { STATUS_LABELS };

interface ListResult {
  total: number;
  page: number;
  pageSize: number;
  rows: RegistryRow[];
  associations: { id: number; name: string }[];
}
interface Closed {
  id: number;
  links: { audience: 'youth' | 'mentor'; url: string; expiresAt: string; qrCodeSvg: string }[];
}
type Sort = 'reference' | 'appliedOn' | 'startedOn' | 'endedOn' | 'status' | 'territory' | 'association';

const PAGE_SIZE = 25;

/** Statuses whose questionnaire links exist: a lost or expired link can be re-issued. */
const ENDED = ['objectif_atteint', 'cloture', 'abandonne'];

export function MentorshipsPage({ me }: { me: Me }) {
  const lists = useLists();
  const [filters, setFilters] = useState({ status: '', territoryId: '', year: '', objective: '', associationId: '', q: '' });
  const [sort, setSort] = useState<{ key: Sort; dir: 'asc' | 'desc' }>({ key: 'startedOn', dir: 'desc' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ListResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<RegistryRow | 'new' | null>(null);
  const [closing, setClosing] = useState<RegistryRow | null>(null);
  const [closed, setClosed] = useState<(Closed & { reference: string; reissued?: boolean }) | null>(null);

  /** A lost or expired link: a new address replaces it (the old one stops working), answers saved so far are kept. */
  async function reissue(row: RegistryRow, audience: 'youth' | 'mentor') {
    const who = audience === 'youth' ? 'du jeune' : 'du mentor';
    if (!window.confirm(`Émettre un nouveau lien ${who} pour le mentorat ${row.reference} ? L’ancien lien ne fonctionnera plus.`)) return;
    try {
      const result = await api<Closed>(`/mentorships/${row.id}/links/${audience}/reissue`, { method: 'POST' });
      setClosed({ ...result, reference: row.reference, reissued: true });
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = me.role === 'responsable_association';

  const load = useCallback(() => {
    setError(null);
    api<ListResult>('/mentorships', { query: { ...filters, sort: sort.key, dir: sort.dir, page, pageSize: PAGE_SIZE } }).then(setData, (e: Error) => setError(e.message));
  }, [filters, sort, page]);
  useEffect(load, [load]);

  const setFilter = (name: keyof typeof filters, value: string) => {
    setFilters((f) => ({ ...f, [name]: value }));
    setPage(1);
  };
  const filtered = Object.values(filters).some(Boolean);
  const thisYear = new Date().getFullYear();

  return (
    <>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {closed && <IssuedLinks closed={closed} onDone={() => setClosed(null)} />}
      {closing && lists.data && (
        <CloseForm
          row={closing}
          lists={lists.data}
          onCancel={() => setClosing(null)}
          onClosed={(result) => {
            setClosing(null);
            setClosed({ ...result, reference: closing.reference });
            load();
          }}
        />
      )}
      {editing && lists.data && (
        <MentorshipForm
          row={editing === 'new' ? null : editing}
          lists={lists.data}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setNotice(editing === 'new' ? 'Le mentorat a été ajouté.' : `Le mentorat ${editing.reference} a été modifié.`);
            setEditing(null);
            load();
            lists.reload();
          }}
        />
      )}
      <div className="toolbar">
        {canWrite && (
          <button type="button" onClick={() => setEditing('new')} disabled={!lists.data}>
            Ajouter un mentorat
          </button>
        )}
        {canWrite && (
          <a
            className="button secondary"
            href="/import"
            onClick={(e) => {
              e.preventDefault();
              navigate('/import');
            }}
          >
            Importer un fichier Excel
          </a>
        )}
        <a className="button secondary" href="/api/mentorships/export.xlsx" download>
          {canWrite ? 'Exporter en Excel' : 'Exporter le tableau consolidé (Excel)'}
        </a>
      </div>
      {!canWrite && <p className="hint">Vous consultez les lignes de toutes les associations du département, sans pouvoir les modifier.</p>}
      <form className="filters" role="search" aria-label="Filtrer les mentorats" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filtre-reference">Référence</label>
          <input id="filtre-reference" type="search" value={filters.q} onChange={(e) => setFilter('q', e.target.value)} maxLength={50} />
        </div>
        {!canWrite && (
          <div>
            <label htmlFor="filtre-association">Association</label>
            <select id="filtre-association" value={filters.associationId} onChange={(e) => setFilter('associationId', e.target.value)}>
              <option value="">Toutes</option>
              {data?.associations.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="filtre-statut">Statut</label>
          <select id="filtre-statut" value={filters.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">Tous</option>
            {Object.entries(STATUS_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-territoire">Territoire</label>
          <select id="filtre-territoire" value={filters.territoryId} onChange={(e) => setFilter('territoryId', e.target.value)}>
            <option value="">Tous</option>
            {lists.data?.territories.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-annee">Année (mentorats actifs)</label>
          <select id="filtre-annee" value={filters.year} onChange={(e) => setFilter('year', e.target.value)}>
            <option value="">Toutes</option>
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-objectif">Objectif</label>
          <select id="filtre-objectif" value={filters.objective} onChange={(e) => setFilter('objective', e.target.value)}>
            <option value="">Tous</option>
            {valuesOf(lists.data, 'objectif').map((v) => (
              <option key={v.code} value={v.code}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setFilters({ status: '', territoryId: '', year: '', objective: '', associationId: '', q: '' });
              setPage(1);
            }}
          >
            Effacer les filtres
          </button>
        )}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {data && data.rows.length === 0 && (
        <div className="empty" role="status">
          {filtered ? (
            <p>Aucun mentorat ne correspond à ces filtres. Effacez-les pour revoir toutes les lignes.</p>
          ) : canWrite ? (
            <p>
              Votre tableau de pilotage est vide. Importez le fichier Excel que vous tenez déjà (page « Import Excel »), ou ajoutez un premier mentorat avec le bouton « Ajouter un mentorat ».
            </p>
          ) : (
            <p>Aucune association n’a encore saisi ou importé de mentorat. Les lignes apparaîtront ici dès leur premier import.</p>
          )}
        </div>
      )}
      {data && data.rows.length > 0 && (
        <>
          <p aria-live="polite">
            {data.total} mentorat{data.total > 1 ? 's' : ''}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="sr-only">Mentorats du tableau de pilotage, triés par {sortLabel(sort.key)}</caption>
              <thead>
                <tr>
                  <SortHeader label="Référence" k="reference" sort={sort} setSort={setSort} />
                  {!canWrite && <SortHeader label="Association" k="association" sort={sort} setSort={setSort} />}
                  <SortHeader label="Statut" k="status" sort={sort} setSort={setSort} />
                  <th scope="col">Jeune</th>
                  <SortHeader label="Territoire" k="territory" sort={sort} setSort={setSort} />
                  <th scope="col">Objectif</th>
                  <SortHeader label="Candidature" k="appliedOn" sort={sort} setSort={setSort} />
                  <SortHeader label="Début" k="startedOn" sort={sort} setSort={setSort} />
                  <SortHeader label="Fin" k="endedOn" sort={sort} setSort={setSort} />
                  {canWrite && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.reference}</th>
                    {!canWrite && <td>{row.associationName}</td>}
                    <td>
                      {STATUS_LABELS[row.status] ?? row.status}
                      {row.closureReason && <span className="sub">{labelOf(lists.data, 'motif_cloture', row.closureReason)}</span>}
                    </td>
                    <td>
                      {labelOf(lists.data, 'sexe', row.sex)} · {formatMonth(row.birthMonth)}
                      <span className="sub">
                        {labelOf(lists.data, 'niveau_scolaire', row.schoolLevel)} · {labelOf(lists.data, 'type_placement', row.placementType)}
                      </span>
                    </td>
                    <td>{row.territory ?? '—'}</td>
                    <td>{labelOf(lists.data, 'objectif', row.objective)}</td>
                    <td>{formatDate(row.appliedOn)}</td>
                    <td>{formatDate(row.startedOn)}</td>
                    <td>{formatDate(row.endedOn)}</td>
                    {canWrite && (
                      <td className="row-actions">
                        <button type="button" className="secondary" onClick={() => setEditing(row)} aria-label={`Modifier le mentorat ${row.reference}`} disabled={!lists.data}>
                          Modifier
                        </button>
                        {row.status === 'en_cours' && (
                          <button type="button" onClick={() => setClosing(row)} aria-label={`Clôturer le mentorat ${row.reference}`} disabled={!lists.data}>
                            Clôturer
                          </button>
                        )}
                        {ENDED.includes(row.status) &&
                          (['youth', 'mentor'] as const).map((audience) => (
                            <button
                              key={audience}
                              type="button"
                              className="secondary"
                              onClick={() => reissue(row, audience)}
                              aria-label={`Émettre un nouveau lien ${audience === 'youth' ? 'jeune' : 'mentor'} pour le mentorat ${row.reference}`}
                            >
                              Nouveau lien {audience === 'youth' ? 'jeune' : 'mentor'}
                            </button>
                          ))}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pagination">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Page précédente
            </button>
            <span>
              Page {data.page} sur {Math.max(1, Math.ceil(data.total / data.pageSize))}
            </span>
            <button type="button" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>
              Page suivante
            </button>
          </nav>
        </>
      )}
    </>
  );
}

const SORT_LABELS: Record<Sort, string> = {
  reference: 'référence',
  appliedOn: 'date de candidature',
  startedOn: 'date de début',
  endedOn: 'date de fin',
  status: 'statut',
  territory: 'territoire',
  association: 'association',
};
const sortLabel = (k: Sort) => SORT_LABELS[k];

function SortHeader({ label, k, sort, setSort }: { label: string; k: Sort; sort: { key: Sort; dir: 'asc' | 'desc' }; setSort: (s: { key: Sort; dir: 'asc' | 'desc' }) => void }) {
  const active = sort.key === k;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="link sort" onClick={() => setSort({ key: k, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}>
        {label}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

function CloseForm({ row, lists, onCancel, onClosed }: { row: RegistryRow; lists: ListsData; onCancel: () => void; onClosed: (c: Closed) => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState('objectif_atteint');
  const today = new Date().toISOString().slice(0, 10);
  // The reasons offered follow the outcome: success reasons for « objectif atteint », the pair's stops or an
  // objective not reached otherwise (the reports keep these apart).
  const reasons = valuesOf(lists, 'motif_cloture').filter((v) => !v.retired && (status === 'objectif_atteint' ? v.groupLabel === 'atteint' : status === 'abandonne' ? v.groupLabel !== 'atteint' : true));
  const groups = lists.closureGroups.filter((g) => reasons.some((r) => r.groupLabel === g.code));
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await send<Closed>(`/mentorships/${row.id}/close`, 'POST', {
      endedOn: form.get('endedOn'),
      status: form.get('status'),
      closureReason: form.get('closureReason') || undefined,
    });
    if (result.ok) return onClosed(result.data);
    setMessage(result.message);
    setIssues(result.issues);
  }
  const reasonError = issues.find((i) => i.field === 'closureReason')?.message;
  return (
    <section className="panel" aria-labelledby="titre-cloture">
      <h2 id="titre-cloture">Clôturer le mentorat {row.reference}</h2>
      <form onSubmit={submit}>
        <label htmlFor="endedOn">Date de fin</label>
        <input id="endedOn" name="endedOn" type="date" defaultValue={today} max={today} min={row.startedOn ?? undefined} required />
        <label htmlFor="status">Issue du mentorat</label>
        <select id="status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="objectif_atteint">Objectif atteint</option>
          <option value="cloture">Clôturé</option>
          <option value="abandonne">Abandonné</option>
        </select>
        <label htmlFor="closureReason">Motif{status === 'objectif_atteint' ? ' (facultatif)' : ''}</label>
        <select id="closureReason" name="closureReason" defaultValue="" aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? 'closureReason-erreur' : undefined} required={status !== 'objectif_atteint'}>
          <option value="">— Choisir un motif —</option>
          {groups.map((g) => (
            <optgroup key={g.code} label={g.label}>
              {reasons
                .filter((r) => r.groupLabel === g.code)
                .map((r) => (
                  <option key={r.code} value={r.code}>
                    {r.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {reasonError && (
          <p className="error" id="closureReason-erreur">
            {reasonError}
          </p>
        )}
        {message && !reasonError && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <div className="actions">
          <button type="submit">Clôturer et créer les liens</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}

function IssuedLinks({ closed, onDone }: { closed: Closed & { reference: string; reissued?: boolean }; onDone: () => void }) {
  return (
    <section className="panel success" aria-labelledby="titre-liens" role="status">
      <h2 id="titre-liens">
        {closed.reissued ? `Mentorat ${closed.reference} : nouveau lien de questionnaire` : `Mentorat ${closed.reference} clôturé : liens de questionnaire`}
      </h2>
      <p>Ces liens ne s’affichent qu’une fois. Transmettez-les au jeune et au mentor lors de la dernière rencontre (le QR code se scanne avec l’appareil photo du téléphone). Chacun ne sert qu’une fois.</p>
      <dl>
        {closed.links.map((link) => (
          <div key={link.audience}>
            <dt>{link.audience === 'youth' ? 'Lien pour le jeune' : 'Lien pour le mentor'}</dt>
            <dd>
              <input readOnly value={link.url} aria-label={link.audience === 'youth' ? 'Lien pour le jeune' : 'Lien pour le mentor'} onFocus={(e) => e.currentTarget.select()} data-link={link.audience} />
              <span> valable jusqu’au {new Date(link.expiresAt).toLocaleDateString('fr-FR')}</span>
              <LinkHandOver link={link} />
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onDone}>
        J’ai transmis les liens
      </button>
    </section>
  );
}
