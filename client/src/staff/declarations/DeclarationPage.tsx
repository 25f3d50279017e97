import { Fragment, useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import '../shared/pilotage.css';
import { api, type Me } from '../api.ts';
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

interface Issue {
  field: string | null;
  message: string;
}
interface Declaration {
  associationId: number;
  associationName?: string;
  year: number;
  state: 'nouvelle' | 'brouillon' | 'soumise';
  content: Record<string, unknown>;
  submittedAt: string | null;
  updatedAt: string | null;
  issues: Issue[];
}
interface ListItem {
  associationId: number;
  associationName: string;
  state: Declaration['state'];
  submittedAt: string | null;
  updatedAt: string | null;
}

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

/** Like api(), but keeps the per-field issues of a refused save or submission. */
async function send(path: string, method: string, body?: unknown): Promise<{ ok: true; data: Declaration } | { ok: false; message: string; issues: Issue[] }> {
  const res = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: json as Declaration };
  return { ok: false, message: json?.error?.message ?? `Erreur ${res.status}`, issues: json?.error?.details?.issues ?? [] };
}

export function DeclarationPage({ me }: { me: Me }) {
  return me.association ? <AssociationDeclaration /> : <DepartmentDeclarations me={me} />;
}

function AssociationDeclaration() {
  const [year, setYear] = useState(parisYear());
  const [data, setData] = useState<Declaration | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    setData(null);
    api<Declaration>(`/declarations/${year}`).then(
      (d) => {
        setData(d);
        setForm(toForm(d.content));
        setIssues([]);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, [year]);
  useEffect(load, [load]);

  async function save(e?: FormEvent) {
    e?.preventDefault();
    if (!form) return false;
    setBusy(true);
    setStatus(null);
    const r = await send(`/declarations/${year}`, 'PUT', fromForm(form));
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      setIssues(r.issues);
      return false;
    }
    setData(r.data);
    setError(null);
    setIssues([]);
    setStatus(`Brouillon enregistré le ${formatDateTime(r.data.updatedAt)}.`);
    return true;
  }

  async function submit() {
    if (!(await save())) return;
    if (!confirm('Soumettre la déclaration au département ? Elle ne sera plus modifiable, sauf si le département la rouvre.')) return;
    setBusy(true);
    const r = await send(`/declarations/${year}/submit`, 'POST');
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      setIssues(r.issues);
      return;
    }
    setData(r.data);
    setStatus('Déclaration soumise au département. Merci !');
  }

  const locked = data?.state === 'soumise';
  return (
    <>
      <p>Chaque année, l’association déclare ses ressources et ses activités. Enregistrez un brouillon à tout moment, puis soumettez-le au département.</p>
      <div className="filters">
        <div>
          <label htmlFor="decl-annee">Année</label>
          <select id="decl-annee" value={year} onChange={(e) => setYear(Number(e.target.value))}>
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
      {status && (
        <p role="status" className="panel success">
          {status}
        </p>
      )}
      {error && (
        <div role="alert" className="panel error-panel">
          <p className="error">{error}</p>
          {issues.length > 1 && (
            <ul>
              {issues.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!data && !error && <p role="status">Chargement…</p>}
      {locked && data && (
        <>
          <p className="panel">Cette déclaration est soumise : elle n’est plus modifiable. Si une correction est nécessaire, demandez au département de la rouvrir.</p>
          <DeclarationView content={data.content} />
        </>
      )}
      {!locked && data && form && (
        <DeclarationForm form={form} onChange={setForm} issues={issues.length ? issues : []} onSubmit={save}>
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

function fieldError(issues: Issue[], key: string) {
  return issues.find((i) => i.field === key || i.field?.startsWith(`${key}.`))?.message;
}

function Field({ id, label, hint, value, onChange, issues, decimal }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; issues: Issue[]; decimal?: boolean }) {
  const err = fieldError(issues, id);
  const described = [hint ? `${id}-aide` : null, err ? `${id}-erreur` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={`decl-${id}`}>{label}</label>
      {hint && (
        <p id={`${id}-aide`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={`decl-${id}`}
        inputMode={decimal ? 'decimal' : 'numeric'}
        value={value}
        aria-invalid={err ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {err && (
        <p id={`${id}-erreur`} className="error">
          {err}
        </p>
      )}
    </div>
  );
}

function ListField({ id, label, hint, value, onChange, issues }: { id: string; label: string; hint: string; value: string; onChange: (v: string) => void; issues: Issue[] }) {
  const err = fieldError(issues, id);
  return (
    <div className="field">
      <label htmlFor={`decl-${id}`}>{label}</label>
      <p id={`${id}-aide`} className="hint">
        {hint}
      </p>
      <textarea id={`decl-${id}`} rows={4} value={value} aria-invalid={err ? true : undefined} aria-describedby={`${id}-aide${err ? ` ${id}-erreur` : ''}`} onChange={(e) => onChange(e.target.value)} />
      {err && (
        <p id={`${id}-erreur`} className="error">
          {err}
        </p>
      )}
    </div>
  );
}

function DeclarationForm({ form, onChange, issues, onSubmit, children }: { form: FormState; onChange: (f: FormState) => void; issues: Issue[]; onSubmit: (e: FormEvent) => void; children: ReactNode }) {
  const set = (patch: Partial<FormState>) => onChange({ ...form, ...patch });
  const setFunding = (i: number, patch: Partial<FormState['financements'][number]>) => set({ financements: form.financements.map((l, n) => (n === i ? { ...l, ...patch } : l)) });
  return (
    <form onSubmit={onSubmit} noValidate className="declaration">
      <fieldset>
        <legend>Ressources</legend>
        <h2 className="sr-only">Ressources</h2>
        <div className="grid">
          <Field id="etpSalaries" label="ETP salariés" hint="En équivalents temps plein, décimales possibles (par exemple 1,5)." value={form.etpSalaries} onChange={(v) => set({ etpSalaries: v })} issues={issues} decimal />
          <Field id="etpBenevoles" label="ETP bénévoles" hint="En équivalents temps plein (par exemple 4,2)." value={form.etpBenevoles} onChange={(v) => set({ etpBenevoles: v })} issues={issues} decimal />
        </div>
        <h3>Financements</h3>
        <p className="hint">Une ligne par financement : le sous-projet financé, le financeur et le montant en euros.</p>
        {form.financements.length > 0 && (
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
              {form.financements.map((l, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={`Sous-projet du financement ${i + 1}`} value={l.sousProjet} onChange={(e) => setFunding(i, { sousProjet: e.target.value })}>
                      {Object.entries(SOUS_PROJETS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select aria-label={`Financeur du financement ${i + 1}`} value={l.financeur} onChange={(e) => setFunding(i, { financeur: e.target.value })}>
                      {Object.entries(FINANCEURS).map(([k, v]) => (
                        <option key={k} value={k}>
                          {v}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`Montant du financement ${i + 1} en euros`} inputMode="decimal" value={l.montant} onChange={(e) => setFunding(i, { montant: e.target.value })} />
                    {fieldError(issues, `financements.${i}`) && <p className="error">{fieldError(issues, `financements.${i}`)}</p>}
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => set({ financements: form.financements.filter((_, n) => n !== i) })} aria-label={`Retirer le financement ${i + 1}`}>
                      Retirer
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" className="secondary" onClick={() => set({ financements: [...form.financements, { sousProjet: 'mentorat', financeur: 'departement', montant: '' }] })}>
          Ajouter un financement
        </button>
        <h3>Coûts annexes (en euros, sur l’année)</h3>
        <div className="grid">
          {COSTS.map(([k, label]) => (
            <Field key={k} id={`coutsAnnexes.${k}`} label={label} value={form.coutsAnnexes[k] ?? ''} onChange={(v) => set({ coutsAnnexes: { ...form.coutsAnnexes, [k]: v } })} issues={issues} decimal />
          ))}
        </div>
        <ListField id="outils" label="Outils techniques utilisés" hint="Un outil par ligne (par exemple : CRM, tableur partagé, visioconférence)." value={form.outils} onChange={(v) => set({ outils: v })} issues={issues} />
      </fieldset>
      <fieldset>
        <legend>Activités</legend>
        <div className="grid">
          <Field id="structuresContactees" label="Structures de l’ASE contactées (nombre)" value={form.structuresContactees} onChange={(v) => set({ structuresContactees: v })} issues={issues} />
          <Field id="structuresRencontrees" label="Structures de l’ASE rencontrées (nombre)" value={form.structuresRencontrees} onChange={(v) => set({ structuresRencontrees: v })} issues={issues} />
        </div>
        <ListField
          id="structuresContacteesListe"
          label="Structures de l’ASE contactées (liste)"
          hint="Une structure par ligne (MECS, SAF, service…) : des noms de structures, jamais de personnes."
          value={form.structuresContacteesListe}
          onChange={(v) => set({ structuresContacteesListe: v })}
          issues={issues}
        />
        <ListField
          id="structuresRencontreesListe"
          label="Structures de l’ASE rencontrées (liste)"
          hint="Une structure par ligne : des noms de structures, jamais de personnes."
          value={form.structuresRencontreesListe}
          onChange={(v) => set({ structuresRencontreesListe: v })}
          issues={issues}
        />
        <div className="grid">
          {COUNTS.map(([k, label]) => (
            <Field key={k} id={k} label={label} value={form.counts[k] ?? ''} onChange={(v) => set({ counts: { ...form.counts, [k]: v } })} issues={issues} />
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="decl-commentaire">Commentaire (facultatif)</label>
        <textarea id="decl-commentaire" rows={3} maxLength={2000} value={form.commentaire} onChange={(e) => set({ commentaire: e.target.value })} />
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
  const [data, setData] = useState<{ submitted: number; total: number; declarations: ListItem[] } | null>(null);
  const [open, setOpen] = useState<Declaration | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = useCallback(() => {
    api<{ submitted: number; total: number; declarations: ListItem[] }>('/declarations', { query: { year } }).then(setData, (e: Error) => setError(e.message));
  }, [year]);
  useEffect(load, [load]);

  async function reopen(item: ListItem) {
    if (!confirm(`Rouvrir la déclaration ${year} de ${item.associationName} ? L’association pourra la modifier puis la soumettre à nouveau.`)) return;
    try {
      await api(`/declarations/${item.associationId}/${year}/reopen`, { method: 'POST' });
      setStatus(`La déclaration de ${item.associationName} est rouverte : l’association peut la corriger.`);
      setOpen(null);
      load();
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
                      <button type="button" className="secondary" onClick={() => api<Declaration>(`/declarations/${d.associationId}/${year}`).then(setOpen, (e: Error) => setError(e.message))}>
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
