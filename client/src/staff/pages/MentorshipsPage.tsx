import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';

interface Row {
  id: number;
  reference: string;
  associationName: string;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
  objective: string | null;
  territory: string | null;
}
interface ListResult {
  total: number;
  page: number;
  pageSize: number;
  rows: Row[];
}
interface Closed {
  id: number;
  links: { audience: 'youth' | 'mentor'; url: string; expiresAt: string }[];
}

export const STATUS_LABELS: Record<string, string> = {
  candidature: 'Candidature',
  en_cours: 'En cours',
  objectif_atteint: 'Objectif atteint',
  cloture: 'Clôturé',
  abandonne: 'Abandonné',
};

const formatDate = (d: string | null) => (d ? new Date(`${d}T00:00:00`).toLocaleDateString('fr-FR') : '—');

export function MentorshipsPage({ me }: { me: Me }) {
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ListResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<Row | null>(null);
  const [closed, setClosed] = useState<(Closed & { reference: string }) | null>(null);
  const canClose = me.role === 'responsable_association';

  const load = useCallback(() => {
    api<ListResult>('/mentorships', { query: { status, page } }).then(setData, (e: Error) => setError(e.message));
  }, [status, page]);
  useEffect(load, [load]);

  return (
    <>
      {closed && <IssuedLinks closed={closed} onDone={() => setClosed(null)} />}
      {closing && (
        <CloseForm
          row={closing}
          onCancel={() => setClosing(null)}
          onClosed={(result) => {
            setClosing(null);
            setClosed({ ...result, reference: closing.reference });
            load();
          }}
        />
      )}
      <div className="filters">
        <label htmlFor="filtre-statut">Statut</label>
        <select
          id="filtre-statut"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(1);
          }}
        >
          <option value="">Tous</option>
          {Object.entries(STATUS_LABELS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {data && data.rows.length === 0 && <p>Aucun mentorat pour ce filtre. Importez votre fichier Excel ou ajoutez un mentorat.</p>}
      {data && data.rows.length > 0 && (
        <>
          <p>
            {data.total} mentorat{data.total > 1 ? 's' : ''}
          </p>
          <table>
            <caption className="sr-only">Mentorats du tableau de pilotage</caption>
            <thead>
              <tr>
                <th scope="col">Référence</th>
                {!me.association && <th scope="col">Association</th>}
                <th scope="col">Statut</th>
                <th scope="col">Début</th>
                <th scope="col">Fin</th>
                <th scope="col">Territoire</th>
                {canClose && <th scope="col">Action</th>}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.reference}</td>
                  {!me.association && <td>{row.associationName}</td>}
                  <td>{STATUS_LABELS[row.status] ?? row.status}</td>
                  <td>{formatDate(row.startedOn)}</td>
                  <td>{formatDate(row.endedOn)}</td>
                  <td>{row.territory ?? '—'}</td>
                  {canClose && (
                    <td>
                      {row.status === 'en_cours' && (
                        <button type="button" onClick={() => setClosing(row)} aria-label={`Clôturer le mentorat ${row.reference}`}>
                          Clôturer
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Page précédente
            </button>
            <span>
              Page {data.page} sur {Math.max(1, Math.ceil(data.total / data.pageSize))}
            </span>
            <button type="button" disabled={page * data.pageSize >= data.total} onClick={() => setPage(page + 1)}>
              Page suivante
            </button>
          </div>
        </>
      )}
    </>
  );
}

function CloseForm({ row, onCancel, onClosed }: { row: Row; onCancel: () => void; onClosed: (c: Closed) => void }) {
  const [error, setError] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      onClosed(
        await api<Closed>(`/mentorships/${row.id}/close`, {
          method: 'POST',
          body: { endedOn: form.get('endedOn'), status: form.get('status'), closureReason: form.get('closureReason') || undefined },
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <section className="panel" aria-labelledby="titre-cloture">
      <h2 id="titre-cloture">Clôturer le mentorat {row.reference}</h2>
      <form onSubmit={submit}>
        <label htmlFor="endedOn">Date de fin</label>
        <input id="endedOn" name="endedOn" type="date" defaultValue={today} max={today} required />
        <label htmlFor="status">Issue du mentorat</label>
        <select id="status" name="status" defaultValue="objectif_atteint">
          <option value="objectif_atteint">Objectif atteint</option>
          <option value="cloture">Clôturé</option>
          <option value="abandonne">Abandonné</option>
        </select>
        <label htmlFor="closureReason">Motif (facultatif)</label>
        <input id="closureReason" name="closureReason" type="text" maxLength={100} />
        {error && <p className="error" role="alert">{error}</p>}
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

function IssuedLinks({ closed, onDone }: { closed: Closed & { reference: string }; onDone: () => void }) {
  return (
    <section className="panel success" aria-labelledby="titre-liens" role="status">
      <h2 id="titre-liens">Mentorat {closed.reference} clôturé : liens de questionnaire</h2>
      <p>Ces liens ne s’affichent qu’une fois. Transmettez-les au jeune et au mentor lors de la dernière rencontre. Chacun ne sert qu’une fois.</p>
      <dl>
        {closed.links.map((link) => (
          <div key={link.audience}>
            <dt>{link.audience === 'youth' ? 'Lien pour le jeune' : 'Lien pour le mentor'}</dt>
            <dd>
              <input readOnly value={link.url} aria-label={link.audience === 'youth' ? 'Lien pour le jeune' : 'Lien pour le mentor'} onFocus={(e) => e.currentTarget.select()} data-link={link.audience} />
              <span> valable jusqu’au {new Date(link.expiresAt).toLocaleDateString('fr-FR')}</span>
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
