import { useRef, useState, type ChangeEvent } from 'react';
import { navigate } from '../router.ts';
import { client, ok, settle, type ApiResult } from '../api.ts';
import { formatDate, formatMonth } from '../settings/useLists.ts';
import '../shared/registry.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 5 * 1024 * 1024;

// The preview and the result come from the route table's response schemas (server/imports/responses.ts).
type Preview = ApiResult<'/api/imports/preview', 'post'>;
type Column = Preview['columns'][number];
type Done = ApiResult<'/api/imports/{id}/confirm', 'post'>;

const IGNORED_TARGETS: Record<string, string> = { name: 'Nom ou prénom (jamais conservé)', age: 'Âge (recalculé)', schoolGroup: 'Groupe de niveau (déduit)', association: 'Association' };

/** Upload an .xlsx with progress; the server answers with a preview read against the department's lists. */
function upload(file: File, onProgress: (percent: number) => void): Promise<{ ok: true; data: Preview } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/preview');
    xhr.setRequestHeader('Content-Type', XLSX);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: { error?: { message?: string } } | Preview | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, data: body as Preview });
      else resolve({ ok: false, message: (body as { error?: { message?: string } })?.error?.message ?? `Erreur ${xhr.status}` });
    };
    xhr.onerror = () => resolve({ ok: false, message: 'Le fichier n’a pas pu être envoyé : vérifiez votre connexion et réessayez.' });
    xhr.send(file);
  });
}

export function ImportPage() {
  const [progress, setProgress] = useState<number | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    setPreview(null);
    setDone(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(/\.xlsm$/i.test(file.name) ? 'Les classeurs avec macros (.xlsm) sont refusés. Enregistrez le fichier au format « Classeur Excel (*.xlsx) ».' : 'Choisissez un classeur Excel au format .xlsx.');
      return;
    }
    if (file.size > MAX_BYTES) {
      setError('Le fichier dépasse la taille maximale de 5 Mo.');
      return;
    }
    setProgress(0);
    const result = await upload(file, (p) => {
      setProgress(p);
      if (p >= 100) setReading(true);
    });
    setProgress(null);
    setReading(false);
    if (result.ok) setPreview(result.data);
    else setError(result.message);
  }

  async function remap(index: number, target: string) {
    if (!preview) return;
    setBusy(true);
    const result = await settle(ok(client.POST('/api/imports/{id}/mapping', { params: { path: { id: preview.importId } }, body: { mapping: { [String(index)]: target } as never } })));
    setBusy(false);
    if (result.ok) setPreview(result.data);
    else setError(result.message);
  }

  async function confirm() {
    if (!preview) return;
    setBusy(true);
    const result = await settle(ok(client.POST('/api/imports/{id}/confirm', { params: { path: { id: preview.importId } } })));
    setBusy(false);
    if (result.ok) {
      setDone(result.data);
      setPreview(null);
      if (input.current) input.current.value = '';
    } else setError(result.message);
  }

  async function cancel() {
    if (preview) await fetch(`/api/imports/${preview.importId}`, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
    setPreview(null);
    if (input.current) input.current.value = '';
  }

  return (
    <>
      <p>
        Importez le fichier Excel que vous tenez déjà (feuille « Données », ou la première feuille dont les en-têtes sont reconnus). Les lignes sont
        reconnues par leur <strong>référence</strong> : importer à nouveau met à jour les lignes existantes, sans doublon. Les noms et prénoms ne sont
        jamais conservés.
      </p>
      <p>
        <a className="button secondary" href="/api/mentorships/template.xlsx" download>
          Télécharger le modèle Excel (en-têtes reconnus et listes du département)
        </a>
      </p>
      <p className="hint">
        Une cellule vide efface la valeur enregistrée ; une colonne absente du fichier ne change rien. Pour ne mettre à jour que quelques champs,
        gardez seulement la colonne « Référence » et ces champs.
      </p>
      <details>
        <summary>Colonnes reconnues et limites</summary>
        <p className="hint">
          En-têtes reconnus sans tenir compte des accents, majuscules, espaces et ponctuation : Référence (ou N° dossier, Identifiant…), Sexe (ou Genre),
          Date de naissance (ou Né(e) le, Mois de naissance), Niveau scolaire, Type de placement, Territoire, Statut, Référence mentor, Date de formation du
          mentor, Dates de candidature, de mise en relation, de début et de fin, Objectif, Modalité, Renouvellement, Motif de clôture. Nom, Prénom, Âge,
          Tranche d’âge et Groupe niveau scolaire sont ignorés. Dates : dates Excel ou texte jj/mm/aaaa. Fichier .xlsx de 5 Mo et 20 000 lignes au plus,
          sans macros.
        </p>
      </details>
      <div className="panel">
        <label htmlFor="fichier">Fichier Excel (.xlsx, 5 Mo au plus)</label>
        <input ref={input} id="fichier" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={choose} disabled={progress !== null} />
        {progress !== null && (
          <div role="status">
            <label htmlFor="progression">{reading ? 'Lecture du fichier et vérification des lignes…' : `Envoi du fichier : ${progress} %`}</label>
            <progress id="progression" max={100} value={reading ? undefined : progress} />
          </div>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <section className="panel success" role="status" aria-labelledby="titre-import-fait">
          <h2 id="titre-import-fait">Import terminé</h2>
          <p>{done.message}</p>
          <button type="button" onClick={() => navigate('/mentorats')}>
            Voir les mentorats
          </button>
        </section>
      )}
      {preview && <PreviewView preview={preview} busy={busy} onRemap={remap} onConfirm={confirm} onCancel={cancel} />}
    </>
  );
}

function PreviewView({ preview, busy, onRemap, onConfirm, onCancel }: { preview: Preview; busy: boolean; onRemap: (index: number, target: string) => void; onConfirm: () => void; onCancel: () => void }) {
  const c = preview.counts;
  return (
    <section aria-labelledby="titre-apercu">
      <h2 id="titre-apercu">Aperçu de l’import</h2>
      <p>
        Feuille « {preview.sheetName} », en-têtes ligne {preview.headerRow}. Rien n’est enregistré tant que vous n’avez pas confirmé.
      </p>
      <ul className="counts" aria-label="Lignes du fichier">
        <li>
          <strong>{c.rows}</strong> ligne{c.rows > 1 ? 's' : ''} lue{c.rows > 1 ? 's' : ''}
        </li>
        <li>
          <strong>{c.created}</strong> nouvelle{c.created > 1 ? 's' : ''}
        </li>
        <li>
          <strong>{c.updated}</strong> mise{c.updated > 1 ? 's' : ''} à jour
        </li>
        <li>
          <strong>{c.unchanged}</strong> inchangée{c.unchanged > 1 ? 's' : ''}
        </li>
        <li>
          <strong>{preview.errorCount}</strong> erreur{preview.errorCount > 1 ? 's' : ''}
        </li>
      </ul>
      {preview.notes.length > 0 && (
        <ul>
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {preview.blocking && (
        <p className="error" role="alert">
          {preview.blocking}
        </p>
      )}

      <h3>Colonnes du fichier</h3>
      <p className="hint">Pour une colonne non reconnue, choisissez le champ qu’elle contient, ou ignorez-la. Une colonne de noms est toujours ignorée.</p>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">Correspondance des colonnes du fichier</caption>
          <thead>
            <tr>
              <th scope="col">Colonne</th>
              <th scope="col">En-tête du fichier</th>
              <th scope="col">Champ de la plateforme</th>
              <th scope="col">Remarque</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns
              .filter((col) => col.header)
              .map((col) => (
                <tr key={col.index}>
                  <td>{col.index}</td>
                  <th scope="row">{col.header}</th>
                  <td>
                    {col.target && IGNORED_TARGETS[col.target] && col.target === 'name' ? (
                      IGNORED_TARGETS[col.target]
                    ) : (
                      <select
                        aria-label={`Champ pour la colonne « ${col.header} »`}
                        value={col.target && !IGNORED_TARGETS[col.target] ? col.target : 'ignorer'}
                        disabled={busy}
                        onChange={(e) => onRemap(col.index, e.target.value)}
                      >
                        <option value="ignorer">{col.target && IGNORED_TARGETS[col.target] ? IGNORED_TARGETS[col.target] : '— Ignorer cette colonne —'}</option>
                        {preview.fields.map((f) => (
                          <option key={f.field} value={f.field}>
                            {f.label}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td>{col.note ?? (col.source === 'manuel' ? 'Choisi par vous.' : 'Reconnue.')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      {preview.errors.length > 0 && (
        <>
          <h3 id="titre-erreurs">Erreurs à corriger dans le fichier ({preview.errorCount})</h3>
          <p>Aucune ligne n’est importée tant qu’il reste une erreur : corrigez le fichier puis importez-le à nouveau.</p>
          <ul className="errors-list" aria-labelledby="titre-erreurs" role="alert">
            {preview.errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </>
      )}

      {preview.erased.length > 0 && (
        <>
          <h3 id="titre-effacements">Valeurs qui seront effacées ({preview.erasedCount})</h3>
          <p>Ces cellules sont vides dans le fichier alors que la plateforme a une valeur : l’import l’effacera. Complétez-les, ou retirez la colonne du fichier pour garder les valeurs.</p>
          <ul className="errors-list warnings" aria-labelledby="titre-effacements">
            {preview.erased.map((e) => (
              <li key={`${e.line}-${e.label}`}>{e.message}</li>
            ))}
          </ul>
        </>
      )}

      {preview.changes.length > 0 && (
        <>
          <h3 id="titre-changements">Ce que l’import va changer</h3>
          <div className="table-scroll">
            <table className="registry-table">
              <caption className="sr-only">Lignes nouvelles et mises à jour, avec chaque valeur avant et après l’import</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Référence</th>
                  <th scope="col">Import</th>
                  <th scope="col">Changements (avant → après)</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((c) => (
                  <tr key={c.line}>
                    <td>{c.line}</td>
                    <th scope="row">{c.reference}</th>
                    <td>{c.kind === 'nouvelle' ? 'Nouvelle ligne' : 'Mise à jour'}</td>
                    <td>
                      {c.kind === 'nouvelle' ? (
                        '—'
                      ) : (
                        <ul className="changes">
                          {c.fields.map((f) => (
                            <li key={f.field}>
                              {f.label} : {f.before} → <strong>{f.after}</strong>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.created + c.updated > preview.changes.length && (
            <p className="hint">
              {preview.changes.length} premières lignes sur {c.created + c.updated} affichées.
            </p>
          )}
        </>
      )}

      {preview.sample.length > 0 && (
        <>
          <h3>Premières lignes lues</h3>
          <div className="table-scroll">
            <table>
              <caption className="sr-only">Premières lignes telles qu’elles seront enregistrées</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Référence</th>
                  <th scope="col">Sexe</th>
                  <th scope="col">Naissance (mois)</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Placement</th>
                  <th scope="col">Territoire</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Début</th>
                  <th scope="col">Fin</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <th scope="row">{r.reference}</th>
                    <td>{r.sex ?? '—'}</td>
                    <td>{formatMonth(r.birthMonth)}</td>
                    <td>{r.schoolLevel ?? '—'}</td>
                    <td>{r.placementType ?? '—'}</td>
                    <td>{r.territory ?? '—'}</td>
                    <td>{r.status}</td>
                    <td>{formatDate(r.startedOn)}</td>
                    <td>{formatDate(r.endedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={!preview.canConfirm || busy}>
          Confirmer l’import ({c.created + c.updated} ligne{c.created + c.updated > 1 ? 's' : ''} à enregistrer)
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Annuler
        </button>
      </div>
      {!preview.canConfirm && <p className="hint">La confirmation est possible quand le fichier ne contient plus d’erreur.</p>}
    </section>
  );
}
