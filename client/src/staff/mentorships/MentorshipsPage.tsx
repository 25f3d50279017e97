import { useMemo, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { apiQuery, client, ok, useApiMutation, type ApiResult, type Me } from '../api.ts';
import { ApiErrorBanner } from '../shared/ApiErrorBanner.tsx';
import { showServerErrors } from '../shared/forms.ts';
import { Pager } from '../shared/Pager.tsx';
import { navigate, useUrlState } from '../router.ts';
import { MentorshipForm, useFocusOnOpen, type RegistryRow } from './MentorshipFormPage.tsx';
import { STATUS_LABELS, formatDate, formatMonth, labelOf, useLists, valuesOf, type ListsData } from '../settings/useLists.ts';
import '../shared/registry.css';
import { LinkHandOver } from './LinkHandOver.tsx';
import { parisToday, parisYear } from '../shared/paris-date.ts';

export { STATUS_LABELS };

type Closed = Pick<ApiResult<'/api/mentorships/{id}/close', 'post'>, 'links'>;
type Sort = 'reference' | 'appliedOn' | 'startedOn' | 'endedOn' | 'status' | 'territory' | 'association';

const PAGE_SIZE = 25;

/** Statuses whose questionnaire links exist: a lost or expired link can be re-issued. */
const ENDED = ['objectif_atteint', 'cloture', 'abandonne'];

export function MentorshipsPage({ me }: { me: Me }) {
  const lists = useLists();
  // Filters, sort and page live in the address: a reload or a shared link shows the same rows.
  const [url, setUrl] = useUrlState({ status: '', territoryId: '', year: '', objective: '', associationId: '', q: '', sort: 'startedOn', dir: 'desc', page: '1' });
  const filters = useMemo(
    () => ({ status: url.status, territoryId: url.territoryId, year: url.year, objective: url.objective, associationId: url.associationId, q: url.q }),
    [url],
  );
  const sort = useMemo(() => ({ key: url.sort as Sort, dir: url.dir === 'asc' ? ('asc' as const) : ('desc' as const) }), [url]);
  const page = Math.max(1, Number(url.page) || 1);
  const setSort = (s: { key: Sort; dir: 'asc' | 'desc' }) => setUrl({ sort: s.key, dir: s.dir });
  const setPage = (p: number) => setUrl({ page: String(p) });
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<RegistryRow | 'new' | null>(null);
  const [closing, setClosing] = useState<RegistryRow | null>(null);
  const [closed, setClosed] = useState<(Closed & { reference: string; reissued?: boolean }) | null>(null);

  /** A lost or expired link: a new address replaces it (the old one stops working), answers saved so far are kept. */
  async function reissue(row: RegistryRow, audience: 'youth' | 'mentor') {
    const who = audience === 'youth' ? 'du jeune' : 'du mentor';
    if (!window.confirm(`Émettre un nouveau lien ${who} pour le mentorat ${row.reference} ? L’ancien lien ne fonctionnera plus.`)) return;
    try {
      const result = await reissueLink.mutateAsync({ id: row.id, audience });
      setClosed({ ...result, reference: row.reference, reissued: true });
    } catch (e) {
      setError((e as Error).message);
    }
  }
  const [notice, setNotice] = useState<string | null>(null);
  const canWrite = me.role === 'responsable_association';

  const reissueLink = useApiMutation(({ id, audience }: { id: number; audience: 'youth' | 'mentor' }) =>
    ok(client.POST('/api/mentorships/{id}/links/{audience}/reissue', { params: { path: { id, audience } } })),
  );
  // The previous page stays on screen while the next one loads (no flash of « Chargement… » on each filter).
  const list = useQuery({
    ...apiQuery('/api/mentorships', {
      params: {
        query: {
          status: (filters.status || undefined) as RegistryRow['status'] | undefined,
          territoryId: filters.territoryId ? Number(filters.territoryId) : undefined,
          year: filters.year ? Number(filters.year) : undefined,
          objective: filters.objective || undefined,
          associationId: filters.associationId ? Number(filters.associationId) : undefined,
          q: filters.q || undefined,
          sort: sort.key,
          dir: sort.dir,
          page,
          pageSize: PAGE_SIZE,
        },
      },
    }),
    placeholderData: keepPreviousData,
  });
  const data = list.data;

  const setFilter = (name: keyof typeof filters, value: string, typing = false) => setUrl({ [name]: value, page: '1' }, { replace: typing });
  const exportQuery = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  const filtered = Object.values(filters).some(Boolean);
  const thisYear = parisYear();

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
          key={closing.id}
          row={closing}
          lists={lists.data}
          onCancel={() => setClosing(null)}
          onClosed={(result) => {
            setClosing(null);
            setClosed({ ...result, reference: closing.reference });
          }}
        />
      )}
      {editing && lists.data && (
        <MentorshipForm
          key={editing === 'new' ? 'new' : editing.id}
          row={editing === 'new' ? null : editing}
          lists={lists.data}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setNotice(
              editing === 'new'
                ? 'Le mentorat a été ajouté.'
                : saved && saved.reference !== editing.reference
                  ? `Le mentorat ${editing.reference} a été modifié : sa référence est désormais ${saved.reference}.`
                  : `Le mentorat ${editing.reference} a été modifié.`,
            );
            setEditing(null);
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
        <a className="button secondary" href={`/api/mentorships/export.xlsx${exportQuery ? `?${exportQuery}` : ''}`} download>
          {canWrite ? 'Exporter en Excel' : 'Exporter le tableau consolidé (Excel)'}
          {filtered ? ' (lignes filtrées)' : ''}
        </a>
      </div>
      {!canWrite && <p className="hint">Vous consultez les lignes de toutes les associations du département, sans pouvoir les modifier.</p>}
      <form className="filters registry-filters" role="search" aria-label="Filtrer les mentorats" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="filtre-reference">Référence</label>
          <input id="filtre-reference" type="search" value={filters.q} onChange={(e) => setFilter('q', e.target.value, true)} maxLength={50} />
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
            onClick={() => setUrl({ status: '', territoryId: '', year: '', objective: '', associationId: '', q: '', page: '1' })}
          >
            Effacer les filtres
          </button>
        )}
      </form>
      <ApiErrorBanner error={error ?? list.error} />
      {!data && !list.error && <p role="status">Chargement…</p>}
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
            <table className="registry-table">
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
                    {!canWrite && <td className="wrap">{row.associationName}</td>}
                    <td className="wrap">
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
                    <td className="wrap">{labelOf(lists.data, 'objectif', row.objective)}</td>
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
                        {ENDED.includes(row.status) && row.reissuable && <br />}
                        {ENDED.includes(row.status) &&
                          // Only links that exist and await an answer: a row imported as already ended has none.
                          (['youth', 'mentor'] as const).filter((audience) => row.reissuable?.split(',').includes(audience)).map((audience) => (
                            <button
                              key={audience}
                              type="button"
                              className="secondary reissue"
                              onClick={() => reissue(row, audience)}
                              aria-label={`Émettre un nouveau lien ${audience === 'youth' ? 'jeune' : 'mentor'} pour le mentorat ${row.reference}`}
                            >
                              {audience === 'youth' ? 'Lien jeune' : 'Lien mentor'}
                            </button>
                          ))}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={data.page} pageCount={Math.ceil(data.total / data.pageSize)} onPage={setPage} />
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
  const today = parisToday();
  const form = useForm({ defaultValues: { endedOn: today, status: 'objectif_atteint' as 'objectif_atteint' | 'cloture' | 'abandonne', closureReason: '' } });
  const status = form.watch('status');
  const panel = useRef<HTMLElement>(null);
  useFocusOnOpen(panel);
  // The reasons offered follow the outcome: success reasons for « objectif atteint », the pair's stops or an
  // objective not reached otherwise (the reports keep these apart).
  const reasons = valuesOf(lists, 'motif_cloture').filter((v) => !v.retired && (status === 'objectif_atteint' ? v.groupLabel === 'atteint' : status === 'abandonne' ? v.groupLabel !== 'atteint' : true));
  const groups = lists.closureGroups.filter((g) => reasons.some((r) => r.groupLabel === g.code));
  // Closing changes the registry, the dashboard and the response rates: the mutation refreshes them all.
  const close = useApiMutation((body: { endedOn: string; status: 'objectif_atteint' | 'cloture' | 'abandonne'; closureReason: string }) =>
    ok(client.POST('/api/mentorships/{id}/close', { params: { path: { id: row.id } }, body: { ...body, closureReason: body.closureReason || undefined } })),
  );
  const submit = form.handleSubmit(async (body) => {
    setMessage(null);
    try {
      onClosed(await close.mutateAsync(body));
    } catch (error) {
      setMessage(showServerErrors(error, form.setError, ['endedOn', 'status', 'closureReason']));
    }
  });
  const { errors } = form.formState;
  const reasonError = errors.closureReason?.message;
  const dateError = errors.endedOn?.message;
  return (
    <section className="panel" aria-labelledby="titre-cloture" ref={panel}>
      <h2 id="titre-cloture">Clôturer le mentorat {row.reference}</h2>
      {/* No browser bubbles (min/max/required): the server's French message shows under the field instead. */}
      <form onSubmit={submit} noValidate>
        <label htmlFor="endedOn">Date de fin</label>
        {row.startedOn && (
          <p className="hint" id="endedOn-aide">
            Commencé le {formatDate(row.startedOn)} : la fin ne peut pas être antérieure.
          </p>
        )}
        <input
          id="endedOn"
          type="date"
          {...form.register('endedOn')}
          aria-invalid={dateError ? true : undefined}
          aria-describedby={[row.startedOn ? 'endedOn-aide' : '', dateError ? 'endedOn-erreur' : ''].filter(Boolean).join(' ') || undefined}
        />
        {dateError && (
          <p className="error" id="endedOn-erreur">
            {dateError}
          </p>
        )}
        <label htmlFor="status">Issue du mentorat</label>
        <select id="status" {...form.register('status')}>
          <option value="objectif_atteint">Objectif atteint</option>
          <option value="cloture">Clôturé</option>
          <option value="abandonne">Abandonné</option>
        </select>
        <label htmlFor="closureReason">Motif{status === 'objectif_atteint' ? ' (facultatif)' : ''}</label>
        <select id="closureReason" {...form.register('closureReason')} aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? 'closureReason-erreur' : undefined}>
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
        {message && !reasonError && !dateError && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={close.isPending}>
            Clôturer et créer les liens
          </button>
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
