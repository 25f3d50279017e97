import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';
import { send } from '../mentorships/MentorshipFormPage.tsx';
import { formatDate } from '../settings/useLists.ts';
import '../shared/registry.css';

interface Mentor {
  id: number;
  reference: string;
  trainedOn: string | null;
  associationName: string;
  mentorships: number;
  inProgress: number;
}

/** The association's mentors, by reference only, with their training date and their pairs. */
export function MentorsPage({ me }: { me: Me }) {
  const [rows, setRows] = useState<Mentor[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canWrite = me.role === 'responsable_association';
  const load = useCallback(() => {
    api<{ rows: Mentor[] }>('/mentors').then((r) => setRows(r.rows), (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const reference = String(values.get('reference') ?? '').trim();
    const trainedOn = String(values.get('trainedOn') ?? '') || null;
    const result = await send('/mentors', 'POST', { reference, trainedOn });
    if (!result.ok) return setError(result.message);
    setError(null);
    setMessage(`Le mentor ${reference} a été ajouté.`);
    form.reset();
    load();
  }
  async function setTraining(mentor: Mentor, trainedOn: string) {
    const result = await send(`/mentors/${mentor.id}`, 'PATCH', { trainedOn: trainedOn || null });
    if (!result.ok) return setError(result.message);
    setError(null);
    setMessage(`Date de formation de ${mentor.reference} enregistrée.`);
    load();
  }

  const trained = rows?.filter((r) => r.trainedOn).length ?? 0;
  const paired = rows?.filter((r) => r.inProgress > 0).length ?? 0;
  return (
    <>
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
        <p>
          {rows.length} mentor{rows.length > 1 ? 's' : ''} · {trained} formé{trained > 1 ? 's' : ''} sur {rows.length} · {paired} en binôme actuellement sur {rows.length}
        </p>
      )}
      {rows && rows.length === 0 && (
        <p className="empty">
          Aucun mentor pour l’instant. {canWrite ? 'Ajoutez-en un ci-dessous, ou importez votre fichier Excel : les mentors cités dans la colonne « Mentor » sont créés.' : ''}
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
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.reference}</th>
                  {!canWrite && <td>{m.associationName}</td>}
                  <td>
                    {canWrite ? (
                      <input type="date" aria-label={`Date de formation de ${m.reference}`} defaultValue={m.trainedOn ?? ''} max={new Date().toISOString().slice(0, 10)} onBlur={(e) => e.target.value !== (m.trainedOn ?? '') && setTraining(m, e.target.value)} />
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
      {canWrite && (
        <form className="inline-form panel" onSubmit={add} aria-label="Ajouter un mentor">
          <div>
            <label htmlFor="mentor-reference">Référence du mentor</label>
            <input id="mentor-reference" name="reference" required maxLength={50} autoComplete="off" />
          </div>
          <div>
            <label htmlFor="mentor-formation">Formé le (facultatif)</label>
            <input id="mentor-formation" name="trainedOn" type="date" max={new Date().toISOString().slice(0, 10)} />
          </div>
          <button type="submit">Ajouter le mentor</button>
        </form>
      )}
    </>
  );
}
