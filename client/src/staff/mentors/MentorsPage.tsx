import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiQuery, client, ok, useApiMutation, type ApiData, type Me } from '../api.ts';
import { formatDate } from '../settings/useLists.ts';
import { useUrlState } from '../router.ts';
import { Pager } from '../shared/Pager.tsx';
import '../shared/registry.css';
import { parisToday } from '../shared/paris-date.ts';

type Mentor = ApiData<'/api/mentors'>['rows'][number];

const PAGE_SIZE = 25;

/** The association's mentors, by reference only, with their training date and their pairs. */
export function MentorsPage({ me }: { me: Me }) {
  const mentors = useQuery(apiQuery('/api/mentors'));
  const rows = mentors.data?.rows ?? null;
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? mentors.error?.message ?? null;
  const create = useApiMutation((body: { reference: string; trainedOn: string | null }) => ok(client.POST('/api/mentors', { body })));
  const update = useApiMutation(({ id, ...body }: { id: number; reference?: string; trainedOn?: string | null }) =>
    ok(client.PATCH('/api/mentors/{id}', { params: { path: { id } }, body })),
  );
  /** A write's French refusal, or null once it went through (the list then refetches). */
  const attempt = (write: Promise<unknown>) =>
    write.then(
      () => null,
      (e: Error) => e.message,
    );
  const [message, setMessage] = useState<string | null>(null);
  const [savedId, setSavedId] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<number | null>(null);
  const [url, setUrl] = useUrlState({ q: '', page: '1' });
  const canWrite = me.role === 'responsable_association';
  // Search anywhere in the reference (or the association's name for the department), whatever the case.
  const matching = useMemo(() => {
    const q = url.q.trim().toLowerCase();
    return q === '' ? (rows ?? []) : (rows ?? []).filter((m) => m.reference.toLowerCase().includes(q) || (!canWrite && m.associationName.toLowerCase().includes(q)));
  }, [rows, url.q, canWrite]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(url.page) || 1));
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const reference = String(values.get('reference') ?? '').trim();
    const trainedOn = String(values.get('trainedOn') ?? '') || null;
    const refused = await attempt(create.mutateAsync({ reference, trainedOn }));
    if (refused) return setError(refused);
    setError(null);
    setMessage(`Le mentor ${reference} a été ajouté.`);
    form.reset();
  }
  async function setTraining(mentor: Mentor, trainedOn: string) {
    const refused = await attempt(update.mutateAsync({ id: mentor.id, trainedOn: trainedOn || null }));
    if (refused) return setError(refused);
    setError(null);
    setMessage(trainedOn ? `Date de formation de ${mentor.reference} enregistrée : ${formatDate(trainedOn)}.` : `Date de formation de ${mentor.reference} effacée.`);
    setSavedId(mentor.id);
  }
  async function rename(mentor: Mentor, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reference = String(new FormData(event.currentTarget).get('reference') ?? '').trim();
    if (reference === mentor.reference) return setRenaming(null);
    // The same mentor under a corrected reference: its pairs and training date follow, no second mentor is created.
    const refused = await attempt(update.mutateAsync({ id: mentor.id, reference }));
    if (refused) return setError(refused);
    setError(null);
    setRenaming(null);
    setMessage(`La référence du mentor ${mentor.reference} est désormais ${reference}.`);
  }

  const trained = rows?.filter((r) => r.trainedOn).length ?? 0;
  const paired = rows?.filter((r) => r.inProgress > 0).length ?? 0;
  return (
    <>
      {canWrite && (
        <form className="inline-form panel" onSubmit={add} aria-label="Ajouter un mentor">
          <div>
            <label htmlFor="mentor-reference">Référence du mentor</label>
            <input id="mentor-reference" name="reference" required maxLength={50} autoComplete="off" />
          </div>
          <div>
            <label htmlFor="mentor-formation">Formé le (facultatif)</label>
            <input id="mentor-formation" name="trainedOn" type="date" max={parisToday()} />
          </div>
          <button type="submit">Ajouter le mentor</button>
        </form>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rows && rows.length > 0 && (
        <form className="filters" role="search" aria-label="Chercher un mentor" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor="mentor-recherche">Chercher une référence</label>
            <input id="mentor-recherche" type="search" value={url.q} maxLength={50} onChange={(e) => setUrl({ q: e.target.value, page: '1' }, { replace: true })} />
          </div>
          {url.q && (
            <p aria-live="polite">
              {matching.length} mentor{matching.length > 1 ? 's' : ''} trouvé{matching.length > 1 ? 's' : ''}
            </p>
          )}
        </form>
      )}
      {rows && rows.length > 0 && (
        <p>
          {rows.length} mentor{rows.length > 1 ? 's' : ''} · {trained} formé{trained > 1 ? 's' : ''} sur {rows.length} · {paired} en binôme actuellement sur {rows.length}
        </p>
      )}
      {rows && rows.length === 0 && (
        <p className="empty">
          Aucun mentor pour l’instant. {canWrite ? 'Ajoutez-en un avec le formulaire ci-dessus, ou importez votre fichier Excel : les mentors cités dans la colonne « Mentor » sont créés.' : ''}
        </p>
      )}
      {!rows && !error && <p role="status">Chargement…</p>}
      {rows && rows.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">Mentors</caption>
            <thead>
              <tr>
                <th scope="col">Référence</th>
                {!canWrite && <th scope="col">Association</th>}
                <th scope="col">Formé le</th>
                <th scope="col">Mentorats</th>
                <th scope="col">En cours</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {renaming === m.id ? (
                      <form className="inline-form" onSubmit={(e) => rename(m, e)} aria-label={`Corriger la référence de ${m.reference}`}>
                        <label htmlFor={`renommer-${m.id}`} className="sr-only">
                          Nouvelle référence de {m.reference}
                        </label>
                        <input id={`renommer-${m.id}`} name="reference" defaultValue={m.reference} maxLength={50} autoFocus autoComplete="off" />
                        <button type="submit">Enregistrer</button>
                        <button type="button" className="secondary" onClick={() => setRenaming(null)}>
                          Annuler
                        </button>
                      </form>
                    ) : (
                      <>
                        {m.reference}
                        {canWrite && (
                          <>
                            {' '}
                            <button type="button" className="link" onClick={() => setRenaming(m.id)} aria-label={`Corriger la référence ${m.reference}`}>
                              Corriger
                            </button>
                          </>
                        )}
                      </>
                    )}
                  </th>
                  {!canWrite && <td>{m.associationName}</td>}
                  <td>
                    {canWrite ? (
                      <>
                        <input
                          type="date"
                          aria-label={`Date de formation de ${m.reference}`}
                          defaultValue={m.trainedOn ?? ''}
                          max={parisToday()}
                          onChange={() => savedId === m.id && setSavedId(null)}
                          onBlur={(e) => e.target.value !== (m.trainedOn ?? '') && setTraining(m, e.target.value)}
                        />
                        {savedId === m.id && (
                          <span className="saved" role="status">
                            {' '}
                            ✓ Enregistrée
                          </span>
                        )}
                      </>
                    ) : (
                      formatDate(m.trainedOn)
                    )}
                  </td>
                  <td>{m.mentorships}</td>
                  <td>{m.inProgress}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <Pager page={page} pageCount={pages} onPage={(p) => setUrl({ page: String(p) })} label="Pagination des mentors" />
      )}
    </>
  );
}
