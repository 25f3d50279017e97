import { useState, type FormEvent } from 'react';
import { valuesOf, type ListKindData, type ListsData } from '../settings/useLists.ts';

export interface RegistryRow {
  id: number;
  reference: string;
  associationName: string;
  status: string;
  sex: string | null;
  birthMonth: string | null;
  schoolLevel: string | null;
  placementType: string | null;
  territoryId: number | null;
  territory: string | null;
  mentorReference: string | null;
  appliedOn: string | null;
  matchedOn: string | null;
  startedOn: string | null;
  endedOn: string | null;
  objective: string | null;
  modality: string | null;
  isRenewal: boolean;
  closureReason: string | null;
}

export interface FieldIssue {
  field: string | null;
  message: string;
}

/** JSON request that keeps the server's per-field issues (`error.details.issues`) for the form. */
export async function send<T>(path: string, method: string, body: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string; issues: FieldIssue[] }> {
  const res = await fetch(`/api${path}`, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, message: json?.error?.message ?? `Erreur ${res.status}`, issues: json?.error?.details?.issues ?? [] };
}

const FIELDS: { name: keyof RegistryRow; label: string; hint?: string }[] = [
  { name: 'reference', label: 'Référence', hint: 'La référence interne de l’association (jamais le nom du jeune).' },
  { name: 'sex', label: 'Sexe' },
  { name: 'birthMonth', label: 'Mois de naissance', hint: 'Mois et année seulement : la date complète n’est pas conservée.' },
  { name: 'schoolLevel', label: 'Niveau scolaire' },
  { name: 'placementType', label: 'Type de placement' },
  { name: 'territoryId', label: 'Territoire' },
  { name: 'mentorReference', label: 'Référence du mentor', hint: 'Un mentor inconnu est ajouté à la liste des mentors.' },
  { name: 'appliedOn', label: 'Date de candidature' },
  { name: 'matchedOn', label: 'Date de mise en relation' },
  { name: 'startedOn', label: 'Date de début' },
  { name: 'endedOn', label: 'Date de fin' },
  { name: 'status', label: 'Statut' },
  { name: 'objective', label: 'Objectif' },
  { name: 'modality', label: 'Modalité' },
  { name: 'closureReason', label: 'Motif de clôture' },
];

const LIST_OF: Partial<Record<keyof RegistryRow, ListKindData['kind']>> = {
  sex: 'sexe',
  schoolLevel: 'niveau_scolaire',
  placementType: 'type_placement',
  objective: 'objectif',
  modality: 'modalite',
  closureReason: 'motif_cloture',
};
const DATES = new Set(['appliedOn', 'matchedOn', 'startedOn', 'endedOn']);
const CLOSED = new Set(['objectif_atteint', 'cloture', 'abandonne']);

/** Create or edit a row of the steering table; every field shows the server's French message under it. */
export function MentorshipForm({ row, lists, onDone, onCancel }: { row: RegistryRow | null; lists: ListsData; onDone: () => void; onCancel: () => void }) {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const closed = row !== null && CLOSED.has(row.status);
  const today = new Date().toISOString().slice(0, 10);
  const fieldError = (name: string) => issues.find((i) => i.field === name)?.message;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const v = String(form.get(name) ?? '').trim();
      return v === '' ? null : v;
    };
    const body: Record<string, unknown> = {
      reference: String(form.get('reference') ?? '').trim(),
      sex: text('sex'),
      birthMonth: text('birthMonth'),
      schoolLevel: text('schoolLevel'),
      placementType: text('placementType'),
      territoryId: text('territoryId') === null ? null : Number(form.get('territoryId')),
      mentorReference: text('mentorReference'),
      appliedOn: text('appliedOn'),
      matchedOn: text('matchedOn'),
      startedOn: text('startedOn'),
      objective: text('objective'),
      modality: text('modality'),
      isRenewal: form.get('isRenewal') === 'on',
    };
    if (!closed) body.status = text('status');
    if (closed) {
      body.endedOn = text('endedOn');
      body.closureReason = text('closureReason');
    }
    setBusy(true);
    const result = row ? await send(`/mentorships/${row.id}`, 'PATCH', body) : await send('/mentorships', 'POST', body);
    setBusy(false);
    if (result.ok) return onDone();
    setMessage(result.message);
    setIssues(result.issues);
  }

  const visible = FIELDS.filter((f) => (closed ? f.name !== 'status' : f.name !== 'endedOn' && f.name !== 'closureReason'));
  return (
    <section className="panel" aria-labelledby="titre-formulaire">
      <h2 id="titre-formulaire">{row ? `Modifier le mentorat ${row.reference}` : 'Ajouter un mentorat'}</h2>
      <form onSubmit={submit} noValidate className="registry-form">
        {message && (
          <p className="error" role="alert">
            {message}
          </p>
        )}
        <div className="form-grid">
          {visible.map((f) => {
            const id = `champ-${f.name}`;
            const error = fieldError(f.name);
            const describedBy = [f.hint ? `${id}-aide` : '', error ? `${id}-erreur` : ''].filter(Boolean).join(' ') || undefined;
            const common = { id, name: f.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
            const value = row?.[f.name];
            let input;
            const kind = LIST_OF[f.name];
            if (kind) {
              // Retired values stay offered only to the row that already has them.
              const options = valuesOf(lists, kind).filter((v) => !v.retired || v.code === value);
              input = (
                <select {...common} defaultValue={(value as string | null) ?? ''}>
                  <option value="">—</option>
                  {options.map((v) => (
                    <option key={v.code} value={v.code}>
                      {v.label}
                      {v.groupLabel && kind === 'niveau_scolaire' ? ` (${v.groupLabel})` : ''}
                      {v.retired ? ' — retirée' : ''}
                    </option>
                  ))}
                </select>
              );
            } else if (f.name === 'territoryId') {
              input = (
                <select {...common} defaultValue={row?.territoryId ?? ''}>
                  <option value="">—</option>
                  {lists.territories
                    .filter((t) => !t.retired || t.id === row?.territoryId)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                </select>
              );
            } else if (f.name === 'status') {
              input = (
                <select {...common} defaultValue={row?.status ?? 'en_cours'}>
                  <option value="candidature">Candidature</option>
                  <option value="en_cours">En cours</option>
                </select>
              );
            } else if (DATES.has(f.name)) {
              input = <input {...common} type="date" max={today} min="2000-01-01" defaultValue={(value as string | null) ?? ''} />;
            } else if (f.name === 'birthMonth') {
              input = <input {...common} type="month" max={today.slice(0, 7)} min="1980-01" defaultValue={(value as string | null) ?? ''} />;
            } else {
              input = <input {...common} type="text" maxLength={50} required={f.name === 'reference'} autoComplete="off" defaultValue={(value as string | null) ?? ''} />;
            }
            return (
              <div key={f.name} className={error ? 'field field-error' : 'field'}>
                <label htmlFor={id}>
                  {f.label}
                  {f.name === 'reference' ? ' (obligatoire)' : ''}
                </label>
                {f.hint && (
                  <p className="hint" id={`${id}-aide`}>
                    {f.hint}
                  </p>
                )}
                {input}
                {error && (
                  <p className="error" id={`${id}-erreur`}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <div className="field checkbox">
            <input id="champ-isRenewal" name="isRenewal" type="checkbox" defaultChecked={row?.isRenewal ?? false} />
            <label htmlFor="champ-isRenewal">Renouvellement d’un mentorat précédent</label>
          </div>
        </div>
        {closed && <p className="hint">Ce mentorat est terminé : son statut ne change plus, mais la date et le motif de fin peuvent être corrigés.</p>}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {row ? 'Enregistrer les modifications' : 'Ajouter le mentorat'}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            Annuler
          </button>
        </div>
      </form>
    </section>
  );
}
