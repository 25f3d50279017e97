import { useState, type FormEvent } from 'react';
import { client, ok, settle } from '../api.ts';
import { useLists, type ListKindData, type ListValue, type ListsData, type Territory } from './useLists.ts';
import '../shared/registry.css';

/** A deletion's French refusal (a value in use: retire it instead), or null. */
async function remove(request: Promise<unknown>): Promise<string | null> {
  const result = await settle(request);
  return result.ok ? null : result.message;
}

/** « Paramètres figés »: the department admin adapts the lists; a value in use is retired, never deleted. */
export function ListsPage() {
  const { data, error, reload } = useLists();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const report = (text: string | null, ok: string) => {
    setMessage(text ? { kind: 'error', text } : { kind: 'ok', text: ok });
    reload();
  };
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!data) return <p role="status">Chargement…</p>;
  return (
    <>
      <p>
        Ces listes remplacent l’onglet « Paramètres figés » du fichier Excel : les associations choisissent leurs valeurs dans les formulaires et
        l’import les reconnaît. Une valeur déjà utilisée ne peut pas être supprimée : retirez-la, elle ne sera plus proposée pour les nouvelles lignes et
        restera sur les anciennes.
      </p>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'notice'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {data.kinds.map((kind) => (
        <KindSection key={kind.kind} kind={kind} data={data} report={report} />
      ))}
      <TerritoriesSection territories={data.territories} report={report} />
    </>
  );
}

function KindSection({ kind, data, report }: { kind: ListKindData; data: ListsData; report: (error: string | null, ok: string) => void }) {
  const grouped = kind.kind === 'niveau_scolaire' || kind.kind === 'motif_cloture';
  const groupName = (g: string | null) => (kind.kind === 'motif_cloture' ? (data.closureGroups.find((c) => c.code === g)?.label ?? g) : g) ?? '—';
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const body: { label: string; groupLabel?: string } = { label: String(values.get('label') ?? '').trim() };
    if (grouped) body.groupLabel = String(values.get('groupLabel') ?? '').trim();
    const result = await settle(ok(client.POST('/api/lists/{kind}/values', { params: { path: { kind: kind.kind } }, body })));
    if (result.ok) form.reset();
    report(result.ok ? null : result.message, `« ${body.label} » a été ajoutée à la liste « ${kind.label} ».`);
  }
  const existingGroups = [...new Set(kind.values.map((v) => v.groupLabel).filter(Boolean))] as string[];
  return (
    <section className="lists-kind" aria-labelledby={`liste-${kind.kind}`}>
      <h2 id={`liste-${kind.kind}`}>{kind.label}</h2>
      <table>
        <caption className="sr-only">Valeurs de la liste {kind.label}</caption>
        <thead>
          <tr>
            <th scope="col">Libellé</th>
            <th scope="col">Code</th>
            {grouped && <th scope="col">Groupe</th>}
            <th scope="col">Lignes</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {kind.values.map((v) => (
            <ValueRow key={v.id} value={v} grouped={grouped} groupName={groupName} report={report} />
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add} aria-label={`Ajouter une valeur à la liste ${kind.label}`}>
        <div>
          <label htmlFor={`ajout-${kind.kind}`}>Nouvelle valeur</label>
          <input id={`ajout-${kind.kind}`} name="label" required maxLength={100} />
        </div>
        {grouped && (
          <div>
            <label htmlFor={`groupe-${kind.kind}`}>Groupe</label>
            {kind.kind === 'motif_cloture' ? (
              <select id={`groupe-${kind.kind}`} name="groupLabel" required defaultValue="">
                <option value="">— Choisir —</option>
                {data.closureGroups.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.label}
                  </option>
                ))}
              </select>
            ) : (
              <>
                <input id={`groupe-${kind.kind}`} name="groupLabel" required maxLength={60} list={`groupes-${kind.kind}`} />
                <datalist id={`groupes-${kind.kind}`}>
                  {existingGroups.map((g) => (
                    <option key={g} value={g} />
                  ))}
                </datalist>
              </>
            )}
          </div>
        )}
        <button type="submit">Ajouter</button>
      </form>
    </section>
  );
}

function ValueRow({ value, grouped, groupName, report }: { value: ListValue; grouped: boolean; groupName: (g: string | null) => string; report: (error: string | null, ok: string) => void }) {
  const [label, setLabel] = useState(value.label);
  const save = async () => {
    if (label.trim() === value.label) return;
    const result = await settle(ok(client.PATCH('/api/lists/values/{id}', { params: { path: { id: value.id } }, body: { label: label.trim() } })));
    if (!result.ok) setLabel(value.label);
    report(result.ok ? null : result.message, `« ${value.label} » est renommée « ${label.trim()} ».`);
  };
  const toggle = async () => {
    const result = await settle(ok(client.PATCH('/api/lists/values/{id}', { params: { path: { id: value.id } }, body: { retired: !value.retired } })));
    report(result.ok ? null : result.message, value.retired ? `« ${value.label} » est de nouveau proposée.` : `« ${value.label} » est retirée : elle n’est plus proposée pour les nouvelles lignes.`);
  };
  const del = async () => {
    if (!confirm(`Supprimer définitivement « ${value.label} » ?`)) return;
    report(await remove(ok(client.DELETE('/api/lists/values/{id}', { params: { path: { id: value.id } } }))), `« ${value.label} » est supprimée.`);
  };
  return (
    <tr className={value.retired ? 'retired' : undefined}>
      <td>
        <input aria-label={`Libellé de « ${value.label} »`} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
        {value.retired && <span className="sub"> (retirée)</span>}
      </td>
      <td>
        <code>{value.code}</code>
      </td>
      {grouped && <td>{groupName(value.groupLabel)}</td>}
      <td>{value.inUse}</td>
      <td className="row-actions">
        <button type="button" className="secondary" onClick={toggle}>
          {value.retired ? 'Rétablir' : 'Retirer'}
        </button>
        {value.inUse === 0 && (
          <button type="button" className="secondary" onClick={del} aria-label={`Supprimer « ${value.label} »`}>
            Supprimer
          </button>
        )}
      </td>
    </tr>
  );
}

function TerritoriesSection({ territories, report }: { territories: Territory[]; report: (error: string | null, ok: string) => void }) {
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const result = await settle(ok(client.POST('/api/territories', { body: { name } })));
    if (result.ok) form.reset();
    report(result.ok ? null : result.message, `Le territoire « ${name} » a été ajouté.`);
  }
  return (
    <section className="lists-kind" aria-labelledby="liste-territoires">
      <h2 id="liste-territoires">Territoires</h2>
      <table>
        <caption className="sr-only">Territoires du département</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Lignes</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {territories.map((t) => (
            <TerritoryRow key={t.id} territory={t} report={report} />
          ))}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add} aria-label="Ajouter un territoire">
        <div>
          <label htmlFor="ajout-territoire">Nouveau territoire</label>
          <input id="ajout-territoire" name="name" required maxLength={100} />
        </div>
        <button type="submit">Ajouter</button>
      </form>
    </section>
  );
}

function TerritoryRow({ territory, report }: { territory: Territory; report: (error: string | null, ok: string) => void }) {
  const [name, setName] = useState(territory.name);
  const save = async () => {
    if (name.trim() === territory.name) return;
    const result = await settle(ok(client.PATCH('/api/territories/{id}', { params: { path: { id: territory.id } }, body: { name: name.trim() } })));
    if (!result.ok) setName(territory.name);
    report(result.ok ? null : result.message, `Le territoire est renommé « ${name.trim()} ».`);
  };
  return (
    <tr className={territory.retired ? 'retired' : undefined}>
      <td>
        <input aria-label={`Nom du territoire « ${territory.name} »`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
        {territory.retired && <span className="sub"> (retiré)</span>}
      </td>
      <td>{territory.inUse}</td>
      <td className="row-actions">
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            const result = await settle(ok(client.PATCH('/api/territories/{id}', { params: { path: { id: territory.id } }, body: { retired: !territory.retired } })));
            report(result.ok ? null : result.message, territory.retired ? `« ${territory.name} » est de nouveau proposé.` : `« ${territory.name} » est retiré.`);
          }}
        >
          {territory.retired ? 'Rétablir' : 'Retirer'}
        </button>
        {territory.inUse === 0 && (
          <button
            type="button"
            className="secondary"
            aria-label={`Supprimer le territoire « ${territory.name} »`}
            onClick={async () => {
              if (!confirm(`Supprimer définitivement « ${territory.name} » ?`)) return;
              report(await remove(ok(client.DELETE('/api/territories/{id}', { params: { path: { id: territory.id } } }))), `« ${territory.name} » est supprimé.`);
            }}
          >
            Supprimer
          </button>
        )}
      </td>
    </tr>
  );
}
