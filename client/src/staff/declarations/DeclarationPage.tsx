import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get, useFieldArray, useForm, type FieldErrors, type UseFormRegisterReturn, type UseFormReturn } from 'react-hook-form';
import '../shared/pilotage.css';
import { ApiError, apiQuery, client, ok, useApiMutation, type ApiData, type Me } from '../api.ts';
import { ApiErrorBanner } from '../shared/ApiErrorBanner.tsx';
import { parisYear } from '../shared/paris-date.ts';

/** Field keys shared with server/declarations/content.ts (the demo seed and the reports use them too). */
const COUNTS = [
  ['reunionsDepartement', 'Réunions d’information du département auxquelles l’association a participé'],
  ['actionsSensibilisation', 'Autres actions de sensibilisation (campagnes d’information…)'],
  ['ateliersCollectifs', 'Ateliers collectifs'],
  ['projetsComplementaires', 'Projets complémentaires'],
  ['evenements', 'Événements organisés (activités, sorties)'],
] as const;
const COSTS = [
  ['locaux', 'Locaux'],
  ['communication', 'Communication'],
  ['transport', 'Transport'],
  ['developpement', 'Développement'],
] as const;
const SOUS_PROJETS = { mentorat: 'Mentorat', parrainage: 'Parrainage', autre: 'Autre' } as const;
const FINANCEURS = { departement: 'Le département', autres: 'Autres partenaires' } as const;

type Issue = { field: string | null; message: string };
type Declaration = ApiData<'/api/declarations/{year}'>;
type ListItem = ApiData<'/api/declarations'>['declarations'][number];

const STATE_LABELS: Record<Declaration['state'], string> = { nouvelle: 'Non commencée', brouillon: 'Brouillon', soumise: 'Soumise' };
const formatDateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' }) : '—');
const years = () => {
  const y = parisYear();
  return [y, y - 1, y - 2];
};

/** Form state keeps what the person typed (strings); numbers are parsed only when sending. */
interface FormState {
  etpSalaries: string;
  etpBenevoles: string;
  financements: { sousProjet: string; financeur: string; montant: string }[];
  coutsAnnexes: Record<string, string>;
  outils: string;
  structuresContactees: string;
  structuresRencontrees: string;
  structuresContacteesListe: string;
  structuresRencontreesListe: string;
  counts: Record<string, string>;
  commentaire: string;
}

const str = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'string' ? v : '');
const lines = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '');

function toForm(c: Record<string, unknown>): FormState {
  const costs = (c.coutsAnnexes ?? {}) as Record<string, unknown>;
  const funding = Array.isArray(c.financements) ? (c.financements as Record<string, unknown>[]) : [];
  return {
    etpSalaries: str(c.etpSalaries),
    etpBenevoles: str(c.etpBenevoles),
    financements: funding.map((f) => ({ sousProjet: str(f.sousProjet) || 'mentorat', financeur: str(f.financeur) || 'departement', montant: str(f.montant) })),
    coutsAnnexes: Object.fromEntries(COSTS.map(([k]) => [k, str(costs[k])])),
    outils: lines(c.outils),
    structuresContactees: str(c.structuresContactees),
    structuresRencontrees: str(c.structuresRencontrees),
    structuresContacteesListe: lines(c.structuresContacteesListe),
    structuresRencontreesListe: lines(c.structuresRencontreesListe),
    counts: Object.fromEntries(COUNTS.map(([k]) => [k, str(c[k])])),
    commentaire: str(c.commentaire),
  };
}

/** "1,5" → 1.5; anything else is sent as typed so that the server answers with the field's French message. */
const num = (s: string): unknown => {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
};
const list = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

function fromForm(f: FormState): Record<string, unknown> {
  const out: Record<string, unknown> = {
    etpSalaries: num(f.etpSalaries),
    etpBenevoles: num(f.etpBenevoles),
    financements: f.financements.map((l) => ({ sousProjet: l.sousProjet, financeur: l.financeur, montant: num(l.montant) ?? 0 })),
    outils: list(f.outils),
    structuresContactees: num(f.structuresContactees),
    structuresRencontrees: num(f.structuresRencontrees),
    structuresContacteesListe: list(f.structuresContacteesListe),
    structuresRencontreesListe: list(f.structuresRencontreesListe),
    commentaire: f.commentaire.trim() === '' ? undefined : f.commentaire,
  };
  const costs = Object.fromEntries(COSTS.map(([k]) => [k, num(f.coutsAnnexes[k] ?? '')]));
  // The four side costs go together: send them once one is filled in (each then needs a value).
  if (Object.values(costs).some((v) => v !== undefined)) out.coutsAnnexes = Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, v ?? 0]));
  for (const [k] of COUNTS) out[k] = num(f.counts[k] ?? '');
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out;
}

export function DeclarationPage({ me }: { me: Me }) {
  return me.association ? <AssociationDeclaration /> : <DepartmentDeclarations me={me} />;
}

/** The server names API fields (`reunionsDepartement`, `financements.0.montant`); the form groups the counts. */
const formPath = (field: string) => ((COUNTS as readonly (readonly [string, string])[]).some(([k]) => field === k || field.startsWith(`${k}.`)) ? `counts.${field}` : field);

function AssociationDeclaration() {
  const [year, setYear] = useState(parisYear());
  // « Déclaration soumise… » belongs to the year it was said for.
  const [status, setStatus] = useState<string | null>(null);
  const declaration = useQuery(apiQuery('/api/declarations/{year}', { params: { path: { year } } }));
  const data = declaration.data ?? null;
  return (
    <>
      <p>Chaque année, l’association déclare ses ressources et ses activités. Enregistrez un brouillon à tout moment, puis soumettez-le au département.</p>
      <div className="filters">
        <div>
          <label htmlFor="decl-annee">Année</label>
          <select
            id="decl-annee"
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setStatus(null);
            }}
          >
            {years().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <p>
            État : <strong>{STATE_LABELS[data.state]}</strong>
            {data.submittedAt && ` (soumise le ${formatDateTime(data.submittedAt)})`}
          </p>
        )}
      </div>
      <ApiErrorBanner error={declaration.error} />
      {!data && !declaration.error && <p role="status">Chargement…</p>}
      {status && (
        <p role="status" className="panel success">
          {status}
        </p>
      )}
      {/* Another year, or the declaration saved elsewhere since (another tab, a colleague): the form starts again from it. */}
      {data && <YearDeclaration key={`${year} ${data.updatedAt}`} year={year} data={data} onStatus={setStatus} />}
    </>
  );
}

function YearDeclaration({ year, data, onStatus: setStatus }: { year: number; data: Declaration; onStatus: (status: string | null) => void }) {
  const form = useForm<FormState>({ defaultValues: toForm(data.content) });
  const [refusal, setRefusal] = useState<{ message: string; issues: Issue[] } | null>(null);
  const save = useApiMutation((values: FormState) => ok(client.PUT('/api/declarations/{year}', { params: { path: { year } }, body: fromForm(values) as never })));
  const submission = useApiMutation(() => ok(client.POST('/api/declarations/{year}/submit', { params: { path: { year } } })));
  const busy = save.isPending || submission.isPending;

  /** A refusal: the server's French messages go under their fields, and its sentence (with the list) on top. */
  function refused(error: unknown) {
    const issues = error instanceof ApiError ? error.issues : [];
    for (const i of issues) if (i.field) form.setError(formPath(i.field) as never, { type: 'server', message: i.message });
    setRefusal({ message: error instanceof Error ? error.message : String(error), issues });
  }
  async function saveDraft(values: FormState) {
    setStatus(null);
    try {
      const saved = await save.mutateAsync(values);
      setRefusal(null);
      setStatus(`Brouillon enregistré le ${formatDateTime(saved.updatedAt)}.`);
      return true;
    } catch (error) {
      refused(error);
      return false;
    }
  }
  // Server messages are not the form's own rules: cleared before each attempt, or they would block it.
  const attempt = (action: (values: FormState) => Promise<unknown>) => () => {
    form.clearErrors();
    return form.handleSubmit(action)();
  };
  const submit = attempt(async (values) => {
    if (!(await saveDraft(values))) return;
    if (!confirm('Soumettre la déclaration au département ? Elle ne sera plus modifiable, sauf si le département la rouvre.')) return;
    try {
      await submission.mutateAsync();
      setStatus('Déclaration soumise au département. Merci !');
    } catch (error) {
      refused(error);
    }
  });

  const locked = data.state === 'soumise';
  return (
    <>
      {refusal && (
        <div role="alert" className="panel error-panel">
          <p className="error">{refusal.message}</p>
          {refusal.issues.length > 1 && (
            <ul>
              {refusal.issues.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {locked && (
        <>
          <p className="panel">Cette déclaration est soumise : elle n’est plus modifiable. Si une correction est nécessaire, demandez au département de la rouvrir.</p>
          <DeclarationView content={data.content} />
        </>
      )}
      {!locked && (
        <DeclarationForm
          form={form}
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(saveDraft)();
          }}
        >
          {data.issues.length > 0 && data.state !== 'nouvelle' && (
            <details className="panel">
              <summary>Avant de soumettre : {data.issues.length} champ{data.issues.length > 1 ? 's' : ''} à compléter ou corriger</summary>
              <ul>
                {data.issues.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="actions">
            <button type="submit" className="secondary" disabled={busy}>
              Enregistrer le brouillon
            </button>
            <button type="button" disabled={busy} onClick={submit}>
              Soumettre au département
            </button>
          </div>
        </DeclarationForm>
      )}
    </>
  );
}

/** The first message under a form path (a field, or a whole funding line). */
function fieldError(errors: FieldErrors<FormState>, key: string): string | undefined {
  const found = get(errors, key) as unknown;
  const first = (e: unknown): string | undefined => {
    if (!e || typeof e !== 'object') return undefined;
    const m = (e as { message?: unknown }).message;
    if (typeof m === 'string') return m;
    for (const v of Object.values(e)) {
      const inner = first(v);
      if (inner) return inner;
    }
    return undefined;
  };
  return first(found);
}

function Field({ id, label, hint, field, error, decimal }: { id: string; label: string; hint?: string; field: UseFormRegisterReturn; error: string | undefined; decimal?: boolean }) {
  const described = [hint ? `${id}-aide` : null, error ? `${id}-erreur` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={`decl-${id}`}>{label}</label>
      {hint && (
        <p id={`${id}-aide`} className="hint">
          {hint}
        </p>
      )}
      <input id={`decl-${id}`} inputMode={decimal ? 'decimal' : 'numeric'} aria-invalid={error ? true : undefined} aria-describedby={described} {...field} />
      {error && (
        <p id={`${id}-erreur`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}

function ListField({ id, label, hint, field, error }: { id: string; label: string; hint: string; field: UseFormRegisterReturn; error: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={`decl-${id}`}>{label}</label>
      <p id={`${id}-aide`} className="hint">
        {hint}
      </p>
      <textarea id={`decl-${id}`} rows={4} aria-invalid={error ? true : undefined} aria-describedby={`${id}-aide${error ? ` ${id}-erreur` : ''}`} {...field} />
      {error && (
        <p id={`${id}-erreur`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}

function DeclarationForm({ form, onSubmit, children }: { form: UseFormReturn<FormState>; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  const { register } = form;
  const errors = form.formState.errors;
  const funding = useFieldArray({ control: form.control, name: 'financements' });
  const field = (id: string, path: string = id) => ({ id, field: register(path as never), error: fieldError(errors, path) });
  return (
    <form onSubmit={onSubmit} noValidate className="declaration">
      <fieldset>
        <legend>Ressources</legend>
        <h2 className="sr-only">Ressources</h2>
        <div className="grid">
          <Field {...field('etpSalaries')} label="ETP salariés" hint="En équivalents temps plein, décimales possibles (par exemple 1,5)." decimal />
          <Field {...field('etpBenevoles')} label="ETP bénévoles" hint="En équivalents temps plein (par exemple 4,2)." decimal />
        </div>
        <h3>Financements</h3>
        <p className="hint">Une ligne par financement : le sous-projet financé, le financeur et le montant en euros.</p>
        {funding.fields.length > 0 && (
          <table>
            <caption className="sr-only">Financements par sous-projet et par financeur</caption>
            <thead>
              <tr>
                <th scope="col">Sous-projet</th>
                <th scope="col">Financeur</th>
                <th scope="col">Montant (€)</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {funding.fields.map((l, i) => (
                <tr key={l.id}>
                  <td>
                    <select aria-label={`Sous-projet du financement ${i + 1}`} {...register(`financements.${i}.sousProjet`)}>
                      {Object.entries(SOUS_PROJETS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`Financeur du financement ${i + 1}`} {...register(`financements.${i}.financeur`)}>
                      {Object.entries(FINANCEURS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`Montant du financement ${i + 1} en euros`} inputMode="decimal" {...register(`financements.${i}.montant`)} />
                    {fieldError(errors, `financements.${i}`) && <p className="error">{fieldError(errors, `financements.${i}`)}</p>}
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => funding.remove(i)} aria-label={`Retirer le financement ${i + 1}`}>
                      Retirer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" className="secondary" onClick={() => funding.append({ sousProjet: 'mentorat', financeur: 'departement', montant: '' })}>
          Ajouter un financement
        </button>
        <h3>Coûts annexes (en euros, sur l’année)</h3>
        <div className="grid">
          {COSTS.map(([k, label]) => (
            <Field key={k} {...field(`coutsAnnexes.${k}`)} label={label} decimal />
          ))}
        </div>
        <ListField {...field('outils')} label="Outils techniques utilisés" hint="Un outil par ligne (par exemple : CRM, tableur partagé, visioconférence)." />
      </fieldset>
      <fieldset>
        <legend>Activités</legend>
        <div className="grid">
          <Field {...field('structuresContactees')} label="Structures de l’ASE contactées (nombre)" />
          <Field {...field('structuresRencontrees')} label="Structures de l’ASE rencontrées (nombre)" />
        </div>
        <ListField
          {...field('structuresContacteesListe')}
          label="Structures de l’ASE contactées (liste)"
          hint="Une structure par ligne (MECS, SAF, service…) : des noms de structures, jamais de personnes."
        />
        <ListField {...field('structuresRencontreesListe')} label="Structures de l’ASE rencontrées (liste)" hint="Une structure par ligne : des noms de structures, jamais de personnes." />
        <div className="grid">
          {COUNTS.map(([k, label]) => (
            <Field key={k} {...field(k, `counts.${k}`)} label={label} />
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="decl-commentaire">Commentaire (facultatif)</label>
        <textarea id="decl-commentaire" rows={3} maxLength={2000} {...register('commentaire')} />
      </div>
      {children}
    </form>
  );
}

const euro = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }) : '—');
const plain = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('fr-FR', { maximumFractionDigits: 2 }) : '—');
const asList = (v: unknown) => (Array.isArray(v) && v.length ? v.join(', ') : '—');

/** Read-only rendering of a declaration (submitted, or read by the department). */
function DeclarationView({ content: c }: { content: Record<string, unknown> }) {
  const costs = (c.coutsAnnexes ?? {}) as Record<string, unknown>;
  const funding = Array.isArray(c.financements) ? (c.financements as { sousProjet: keyof typeof SOUS_PROJETS; financeur: keyof typeof FINANCEURS; montant: number }[]) : [];
  return (
    <div className="declaration-view">
      <h2>Ressources</h2>
      <dl>
        <dt>ETP salariés</dt>
        <dd>{plain(c.etpSalaries)}</dd>
        <dt>ETP bénévoles</dt>
        <dd>{plain(c.etpBenevoles)}</dd>
        <dt>Outils utilisés</dt>
        <dd>{asList(c.outils)}</dd>
        {COSTS.map(([k, label]) => (
          <Fragment key={k}>
            <dt>Coûts annexes — {label.toLowerCase()}</dt>
            <dd>{euro(costs[k])}</dd>
          </Fragment>
        ))}
      </dl>
      <table>
        <caption>Financements</caption>
        <thead>
          <tr>
            <th scope="col">Sous-projet</th>
            <th scope="col">Financeur</th>
            <th scope="col">Montant</th>
          </tr>
        </thead>
        <tbody>
          {funding.length === 0 && (
            <tr>
              <td colSpan={3}>Aucun financement déclaré.</td>
            </tr>
          )}
          {funding.map((f, i) => (
            <tr key={i}>
              <td>{SOUS_PROJETS[f.sousProjet] ?? f.sousProjet}</td>
              <td>{FINANCEURS[f.financeur] ?? f.financeur}</td>
              <td>{euro(f.montant)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Activités</h2>
      <dl>
        <dt>Structures de l’ASE contactées</dt>
        <dd>
          {plain(c.structuresContactees)} — {asList(c.structuresContacteesListe)}
        </dd>
        <dt>Structures de l’ASE rencontrées</dt>
        <dd>
          {plain(c.structuresRencontrees)} — {asList(c.structuresRencontreesListe)}
        </dd>
        {COUNTS.map(([k, label]) => (
          <Fragment key={k}>
            <dt>{label}</dt>
            <dd>{plain(c[k])}</dd>
          </Fragment>
        ))}
        {typeof c.commentaire === 'string' && c.commentaire !== '' && (
          <>
            <dt>Commentaire</dt>
            <dd>{c.commentaire}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function DepartmentDeclarations({ me }: { me: Me }) {
  const [year, setYear] = useState(parisYear());
  const list = useQuery(apiQuery('/api/declarations', { params: { query: { year } } }));
  const data = list.data;
  const [open, setOpen] = useState<ApiData<'/api/declarations/{associationId}/{year}'> | null>(null);
  const [failure, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const reopenDeclaration = useApiMutation((associationId: number) =>
    ok(client.POST('/api/declarations/{associationId}/{year}/reopen', { params: { path: { associationId, year } } })),
  );
  const error = failure ?? list.error?.message ?? null;

  async function reopen(item: ListItem) {
    if (!confirm(`Rouvrir la déclaration ${year} de ${item.associationName} ? L’association pourra la modifier puis la soumettre à nouveau.`)) return;
    try {
      await reopenDeclaration.mutateAsync(item.associationId);
      setStatus(`La déclaration de ${item.associationName} est rouverte : l’association peut la corriger.`);
      setOpen(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <>
      <div className="filters">
        <div>
          <label htmlFor="decls-annee">Année</label>
          <select id="decls-annee" value={year} onChange={(e) => { setYear(Number(e.target.value)); setOpen(null); }}>
            {years().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      {status && <p role="status" className="panel success">{status}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      {data && (
        <>
          <p className="summary">
            <strong>{data.submitted}</strong> déclaration{data.submitted > 1 ? 's' : ''} soumise{data.submitted > 1 ? 's' : ''} sur {data.total} association{data.total > 1 ? 's' : ''} partenaire{data.total > 1 ? 's' : ''} ({me.department.name}).
          </p>
          <table>
            <caption className="sr-only">Déclarations annuelles {year} par association</caption>
            <thead>
              <tr>
                <th scope="col">Association</th>
                <th scope="col">État</th>
                <th scope="col">Soumise le</th>
                <th scope="col">Dernière modification</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.declarations.map((d) => (
                <tr key={d.associationId}>
                  <th scope="row">{d.associationName}</th>
                  <td>{STATE_LABELS[d.state]}</td>
                  <td>{formatDateTime(d.submittedAt)}</td>
                  <td>{formatDateTime(d.updatedAt)}</td>
                  <td>
                    <div className="actions-cell">
                    {d.state !== 'nouvelle' && (
                      <button type="button" className="secondary" onClick={() => ok(client.GET('/api/declarations/{associationId}/{year}', { params: { path: { associationId: d.associationId, year } } })).then(setOpen, (e: Error) => setError(e.message))}>
                        Consulter<span className="sr-only"> la déclaration de {d.associationName}</span>
                      </button>
                    )}
                    {d.state === 'soumise' && (
                      <button type="button" className="secondary" onClick={() => reopen(d)}>
                        Rouvrir<span className="sr-only"> la déclaration de {d.associationName}</span>
                      </button>
                    )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {open && (
        <section className="panel" aria-labelledby="decl-ouverte">
          <h2 id="decl-ouverte">
            Déclaration {open.year} — {open.associationName} ({STATE_LABELS[open.state]})
          </h2>
          {open.state === 'brouillon' && <p>Brouillon en cours : l’association ne l’a pas encore soumis.</p>}
          <DeclarationView content={open.content} />
          <button type="button" className="secondary" onClick={() => setOpen(null)}>
            Fermer
          </button>
        </section>
      )}
    </>
  );
}
