import { useEffect, useRef, useState, type RefObject } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { client, ok, useApiMutation, type ApiData } from '../api.ts';
import { blank, showServerErrors } from '../shared/forms.ts';
import { valuesOf, type ListKindData, type ListsData } from '../settings/useLists.ts';
import { CLOSING_STATUSES, LIST_FIELDS } from '../../../../db/schema/enums.ts';
import { MENTORSHIP_FIELD_LABELS as LABELS, MENTORSHIP_STATUS_LABELS } from '../../../../db/schema/labels.ts';
import { parisToday } from '../shared/paris-date.ts';

export type RegistryRow = ApiData<'/api/mentorships'>['rows'][number];

// Labels are the server's (its messages quote them); the order and the hints are the form's.
const FIELDS: { name: keyof typeof LABELS; hint?: string }[] = [
  { name: 'reference', hint: 'La référence interne de l’association (jamais le nom du jeune).' },
  { name: 'sex' },
  { name: 'birthMonth', hint: 'Mois et année seulement : la date complète n’est pas conservée.' },
  { name: 'schoolLevel' },
  { name: 'placementType' },
  { name: 'territoryId' },
  { name: 'mentorReference', hint: 'Un mentor inconnu est ajouté à la liste des mentors.' },
  { name: 'appliedOn' },
  { name: 'matchedOn' },
  { name: 'startedOn' },
  { name: 'endedOn' },
  { name: 'status' },
  { name: 'objective' },
  { name: 'modality' },
  { name: 'closureReason' },
];

const LIST_OF: Partial<Record<keyof RegistryRow, ListKindData['kind']>> = LIST_FIELDS;
const DATES = new Set(['appliedOn', 'matchedOn', 'startedOn', 'endedOn']);
const CLOSED = new Set<string>(CLOSING_STATUSES);

// The form holds text (what inputs hold); the schema turns it into the API's body. The rules themselves (dates in
// order, known codes…) are the server's: its per-field French messages come back under the fields.
const text = z.string().transform(blank);
const FormSchema = z.object({
  reference: z.string().trim().min(1, { error: 'La référence est obligatoire.' }),
  sex: text,
  birthMonth: text,
  schoolLevel: text,
  placementType: text,
  territoryId: z.string().transform((v) => (v === '' ? null : Number(v))),
  mentorReference: text,
  appliedOn: text,
  matchedOn: text,
  startedOn: text,
  endedOn: text,
  status: z.string(),
  objective: text,
  modality: text,
  isRenewal: z.boolean(),
  closureReason: text,
});
type FormValues = z.input<typeof FormSchema>;
type FormOutput = z.output<typeof FormSchema>;
const FIELD_NAMES = Object.keys(FormSchema.shape);

function formValues(row: RegistryRow | null): FormValues {
  const v = (x: string | null | undefined) => x ?? '';
  return {
    reference: v(row?.reference),
    sex: v(row?.sex),
    birthMonth: v(row?.birthMonth),
    schoolLevel: v(row?.schoolLevel),
    placementType: v(row?.placementType),
    territoryId: row?.territoryId ? String(row.territoryId) : '',
    mentorReference: v(row?.mentorReference),
    appliedOn: v(row?.appliedOn),
    matchedOn: v(row?.matchedOn),
    startedOn: v(row?.startedOn),
    endedOn: v(row?.endedOn),
    status: row?.status ?? 'en_cours',
    objective: v(row?.objective),
    modality: v(row?.modality),
    isRenewal: row?.isRenewal ?? false,
    closureReason: v(row?.closureReason),
  };
}

/**
 * A form opened from a row lower in the table appears above it: bring it into view and put the keyboard focus in
 * its first field, so that neither a sighted nor a screen-reader user is left at the row.
 */
export function useFocusOnOpen(panel: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus({ preventScroll: true });
  }, [panel]);
}

/** Create or edit a row of the steering table; every field shows the server's French message under it. */
export function MentorshipForm({ row, lists, onDone, onCancel }: { row: RegistryRow | null; lists: ListsData; onDone: (saved?: { reference: string }) => void; onCancel: () => void }) {
  const panel = useRef<HTMLElement>(null);
  useFocusOnOpen(panel);
  const [message, setMessage] = useState<string | null>(null);
  const closed = row !== null && CLOSED.has(row.status);
  const today = parisToday();
  const form = useForm({ resolver: zodResolver(FormSchema), defaultValues: formValues(row) });
  const fieldError = (name: string) => form.formState.errors[name as keyof FormValues]?.message;
  const save = useApiMutation((body: FormOutput) => {
    // A closed row keeps its status; an open one has no end yet (« Clôturer » sets it and issues the links).
    const { status, endedOn, closureReason, ...common } = body;
    if (!row) return ok(client.POST('/api/mentorships', { body: { ...common, status: status === 'candidature' ? 'candidature' : 'en_cours' } }));
    const patch = closed ? { ...common, endedOn, closureReason } : { ...common, status: status as RegistryRow['status'] };
    return ok(client.PATCH('/api/mentorships/{id}', { params: { path: { id: row.id } }, body: patch }));
  });

  const submit = form.handleSubmit(async (body) => {
    setMessage(null);
    try {
      onDone(await save.mutateAsync(body));
    } catch (error) {
      setMessage(showServerErrors(error, form.setError, FIELD_NAMES));
    }
  });
  const busy = save.isPending;

  const visible = FIELDS.filter((f) => (closed ? f.name !== 'status' : f.name !== 'endedOn' && f.name !== 'closureReason'));
  return (
    <section className="panel" aria-labelledby="titre-formulaire" ref={panel}>
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
            const common = { id, ...form.register(f.name as keyof FormValues), 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
            const value = row?.[f.name];
            let input;
            const kind = LIST_OF[f.name];
            if (kind) {
              // Retired values stay offered only to the row that already has them.
              const options = valuesOf(lists, kind).filter((v) => !v.retired || v.code === value);
              input = (
                <select {...common}>
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
                <select {...common}>
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
                <select {...common}>
                  <option value="candidature">{MENTORSHIP_STATUS_LABELS.candidature}</option>
                  <option value="en_cours">{MENTORSHIP_STATUS_LABELS.en_cours}</option>
                </select>
              );
            } else if (DATES.has(f.name)) {
              input = <input {...common} type="date" max={today} min="2000-01-01" />;
            } else if (f.name === 'birthMonth') {
              input = <input {...common} type="month" max={today.slice(0, 7)} min="1980-01" />;
            } else {
              input = <input {...common} type="text" maxLength={50} required={f.name === 'reference'} autoComplete="off" />;
            }
            return (
              <div key={f.name} className={error ? 'field field-error' : 'field'}>
                <label htmlFor={id}>
                  {LABELS[f.name]}
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
            <input id="champ-isRenewal" type="checkbox" {...form.register('isRenewal')} />
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
