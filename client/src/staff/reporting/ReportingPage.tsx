import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiQuery, client, ok, type ApiData, type Me } from '../api.ts';
import { QueryState } from '../shared/ApiErrorBanner.tsx';
import '../shared/pilotage.css';

type Overview = ApiData<'/api/reporting'>;
type Row = Overview['associations'][number];
type Reminder = Overview['reminders'][number];
type Calendar = Overview['calendar'];
export type Status = Row['cells'][number]['status'];
export type Period = Overview['nextPeriod'];

export const STATUS_LABELS: Record<Status, string> = {
  a_temps: 'À temps',
  en_retard: 'En retard',
  manquant: 'Non confirmé',
  a_venir: 'À venir',
  non_concerne: 'Non concerné',
};
const REMINDER_STATES: Record<Reminder['state'], string> = {
  envoi: 'Envoi interrompu (non renvoyé)',
  envoye: 'Envoyé par e-mail',
  enregistre: 'Listé ici (pas d’envoi d’e-mail configuré)',
  echec: 'Échec de l’envoi (nouvel essai à la prochaine vérification)',
};

/** "1er décembre 2026": French writes the first day of a month as an ordinal. */
export const frDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).replace(/^1 /, '1er ');
const frDateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function ReportingPage({ me }: { me: Me }) {
  const overview = useQuery(apiQuery('/api/reporting'));
  return <QueryState query={overview}>{(data) => <Reporting me={me} data={data} onChange={() => void overview.refetch()} />}</QueryState>;
}

function Reporting({ me, data, onChange: load }: { me: Me; data: Overview; onChange: () => void }) {
  const rhythm = data.calendar.rhythm === 'mensuel' ? `chaque mois, le ${data.calendar.dueDay === 1 ? '1er' : data.calendar.dueDay} du mois suivant` : `chaque trimestre, le ${data.calendar.dueDay === 1 ? '1er' : data.calendar.dueDay} du mois suivant le trimestre`;
  return (
    <>
      <p className="summary">
        Reporting attendu {rhythm}. Prochaine échéance : <strong>{frDate(data.nextPeriod.dueOn)}</strong> pour la période « {data.nextPeriod.label} ».
      </p>
      {me.association ? <AssociationReporting data={data} onChange={load} /> : <DepartmentReporting me={me} data={data} onChange={load} />}
      <Reminders reminders={data.reminders} showAssociation={!me.association} />
    </>
  );
}

function AssociationReporting({ data, onChange }: { data: Overview; onChange: () => void }) {
  const row = data.associations[0];
  // Periods the association can still confirm: the current one and any past one left unconfirmed.
  const confirmable = data.periods.filter((p) => p.start <= data.today && row?.cells.find((c) => c.period === p.id)?.status !== 'non_concerne');
  const [period, setPeriod] = useState(data.nextPeriod.id);
  const existing = data.texts.find((t) => t.period === period);
  const [difficultes, setDifficultes] = useState(existing?.difficultes ?? '');
  const [presentations, setPresentations] = useState(existing?.presentations ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cell = row?.cells.find((c) => c.period === period);

  useEffect(() => {
    const t = data.texts.find((x) => x.period === period);
    setDifficultes(t?.difficultes ?? '');
    setPresentations(t?.presentations ?? '');
  }, [period, data.texts]);

  async function confirmPeriod(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const r = await ok(client.POST('/api/reporting/{period}/confirm', { params: { path: { period } }, body: { difficultes, presentations } }));
      setStatus(`Mise à jour confirmée pour « ${r.label} »${r.onTime ? '' : ' (après l’échéance)'}. Merci !`);
      onChange();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <>
      <section className="panel" aria-labelledby="confirmer">
        <h2 id="confirmer">Confirmer la mise à jour de vos mentorats</h2>
        <p>Vérifiez que vos mentorats sont à jour (nouvelles candidatures, débuts, clôtures), puis confirmez. Vous pouvez y joindre ce que vous souhaitez aborder au prochain Cotech.</p>
        <form onSubmit={confirmPeriod}>
          <label htmlFor="rep-periode">Période</label>
          <select id="rep-periode" value={period} onChange={(e) => setPeriod(e.target.value)}>
            {[...confirmable].reverse().map((p) => (
              <option key={p.id} value={p.id}>
                {p.label} — échéance le {frDate(p.dueOn)}
              </option>
            ))}
          </select>
          {cell && cell.confirmedOn && (
            <p>
              Déjà confirmée le {frDate(cell.confirmedOn)} <StatusBadge status={cell.status} /> : vous pouvez compléter vos remarques.
            </p>
          )}
          <p id="rep-aide" className="hint">
            Ces textes sont lus par le département et présentés au Cotech. Parlez des structures et des démarches :
            n’écrivez ni le nom ni aucun détail permettant de reconnaître un ou une jeune.
          </p>
          <label htmlFor="rep-difficultes">Difficultés / points de blocage (facultatif)</label>
          <textarea id="rep-difficultes" rows={4} maxLength={2000} aria-describedby="rep-aide" value={difficultes} onChange={(e) => setDifficultes(e.target.value)} />
          <label htmlFor="rep-presentations">Présentations prévues aux acteurs de l’ASE (facultatif)</label>
          <textarea id="rep-presentations" rows={3} maxLength={2000} aria-describedby="rep-aide" value={presentations} onChange={(e) => setPresentations(e.target.value)} />
          <div className="actions">
            <button type="submit">{cell?.confirmedOn ? 'Mettre à jour mes remarques' : 'Confirmer que mes mentorats sont à jour'}</button>
          </div>
        </form>
        {status && <p role="status" className="panel success">{status}</p>}
        {error && <p role="alert" className="error">{error}</p>}
      </section>
      {row && (
        <>
          <h2>Vos périodes</h2>
          <p>
            {row.denominator === 0
              ? 'Aucune échéance passée sur la période affichée.'
              : `Ponctualité : ${row.onTime} échéance${row.onTime > 1 ? 's' : ''} tenue${row.onTime > 1 ? 's' : ''} sur ${row.denominator}.`}
          </p>
          <table>
            <caption className="sr-only">État du reporting par période</caption>
            <thead>
              <tr>
                <th scope="col">Période</th>
                <th scope="col">Échéance</th>
                <th scope="col">État</th>
                <th scope="col">Confirmée le</th>
              </tr>
            </thead>
            <tbody>
              {[...row.cells].reverse().map((c) => (
                <tr key={c.period}>
                  <th scope="row">{data.periods.find((p) => p.id === c.period)?.label ?? c.period}</th>
                  <td>{frDate(c.dueOn)}</td>
                  <td>
                    <StatusBadge status={c.status} />
                  </td>
                  <td>{c.confirmedOn ? frDate(c.confirmedOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function DepartmentReporting({ me, data, onChange }: { me: Me; data: Overview; onChange: () => void }) {
  const lastDue = [...data.periods].reverse().find((p) => p.dueOn < data.today);
  const late = lastDue ? data.associations.filter((a) => a.cells.find((c) => c.period === lastDue.id)?.status === 'manquant') : [];
  const names = new Map(data.associations.map((a) => [a.associationId, a.associationName]));
  const labels = new Map(data.periods.map((p) => [p.id, p.label]));
  return (
    <>
      {lastDue && (
        <section className={`panel${late.length === 0 ? ' success' : ''}`} aria-labelledby="retards">
          <h2 id="retards">Qui est en retard ?</h2>
          {late.length === 0 ? (
            <p>Aucune association en retard pour la période « {lastDue.label} » (échéance du {frDate(lastDue.dueOn)}).</p>
          ) : (
            <>
              <p>
                {late.length} association{late.length > 1 ? 's n’ont' : ' n’a'} pas confirmé la période « {lastDue.label} » (échéance du {frDate(lastDue.dueOn)}) :
              </p>
              <ul>
                {late.map((a) => (
                  <li key={a.associationId}>{a.associationName}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <h2>Ponctualité du reporting par association</h2>
      {data.associations.length === 0 ? (
        <p>Aucune association partenaire pour l’instant.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">État du reporting par association et par période</caption>
            <thead>
              <tr>
                <th scope="col">Association</th>
                {data.periods.map((p) => (
                  <th scope="col" key={p.id}>
                    {p.label}
                    <br />
                    <span className="hint">échéance {frDate(p.dueOn)}</span>
                  </th>
                ))}
                <th scope="col">Ponctualité</th>
              </tr>
            </thead>
            <tbody>
              {data.associations.map((a) => (
                <tr key={a.associationId}>
                  <th scope="row">{a.associationName}</th>
                  {a.cells.map((c) => (
                    <td key={c.period}>
                      <StatusBadge status={c.status} />
                      {c.status === 'en_retard' && c.confirmedOn && <span className="hint"> le {frDate(c.confirmedOn)}</span>}
                    </td>
                  ))}
                  <td>{a.rate === null ? 'Aucune échéance passée' : `${Math.round(a.rate * 100)} % (${a.onTime} à temps sur ${a.denominator})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.texts.length > 0 && (
        <section className="texts" aria-labelledby="remontees">
          <h2 id="remontees">Remontées des associations</h2>
          {data.texts.map((t) => (
            <div key={`${t.associationId}-${t.period}`}>
              <h3>
                {names.get(t.associationId)} — {labels.get(t.period) ?? t.period}
              </h3>
              {t.difficultes && (
                <>
                  <p>Difficultés / points de blocage :</p>
                  <blockquote>{t.difficultes}</blockquote>
                </>
              )}
              {t.presentations && (
                <>
                  <p>Présentations prévues aux acteurs de l’ASE :</p>
                  <blockquote>{t.presentations}</blockquote>
                </>
              )}
            </div>
          ))}
        </section>
      )}
      <CalendarSettings me={me} calendar={data.calendar} onSaved={onChange} />
    </>
  );
}

function CalendarSettings({ me, calendar, onSaved }: { me: Me; calendar: Calendar; onSaved: () => void }) {
  const [form, setForm] = useState(calendar);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await ok(client.PUT('/api/reporting/calendar', { body: form }));
      setStatus('Calendrier enregistré.');
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <section className="panel" aria-labelledby="calendrier">
      <h2 id="calendrier">Calendrier de reporting de {me.department.name}</h2>
      <form onSubmit={save}>
        <div className="grid">
          <div>
            <label htmlFor="cal-rythme">Rythme</label>
            <select id="cal-rythme" value={form.rhythm} onChange={(e) => setForm({ ...form, rhythm: e.target.value as Calendar['rhythm'] })}>
              <option value="mensuel">Mensuel</option>
              <option value="trimestriel">Trimestriel</option>
            </select>
          </div>
          <div>
            <label htmlFor="cal-jour">Jour d’échéance (du mois suivant la période)</label>
            <input id="cal-jour" type="number" min={1} max={28} value={form.dueDay} onChange={(e) => setForm({ ...form, dueDay: Number(e.target.value) })} />
          </div>
          <div>
            <label htmlFor="cal-rappel">Rappel, en jours avant l’échéance</label>
            <input id="cal-rappel" type="number" min={1} max={30} value={form.reminderLeadDays} onChange={(e) => setForm({ ...form, reminderLeadDays: Number(e.target.value) })} />
          </div>
        </div>
        <label className="inline">
          <input type="checkbox" checked={form.remindersEnabled} onChange={(e) => setForm({ ...form, remindersEnabled: e.target.checked })} /> Envoyer un rappel aux responsables reporting des associations
        </label>
        <div className="actions">
          <button type="submit">Enregistrer le calendrier</button>
        </div>
      </form>
      {status && <p role="status">{status}</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}

function Reminders({ reminders, showAssociation }: { reminders: Reminder[]; showAssociation: boolean }) {
  return (
    <section aria-labelledby="rappels">
      <h2 id="rappels">Rappels</h2>
      {reminders.length === 0 ? (
        <p>Aucun rappel sur la période affichée. Un rappel part quelques jours avant chaque échéance aux associations qui n’ont pas encore confirmé.</p>
      ) : (
        <table>
          <caption className="sr-only">Rappels de reporting</caption>
          <thead>
            <tr>
              {showAssociation && <th scope="col">Association</th>}
              <th scope="col">Échéance</th>
              <th scope="col">Date du rappel</th>
              <th scope="col">Envoi</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((r) => (
              <tr key={`${r.associationId}-${r.period}`}>
                {showAssociation && <th scope="row">{r.associationName}</th>}
                <td>{frDate(r.dueOn)}</td>
                <td>{frDateTime(r.createdAt)}</td>
                <td>
                  {REMINDER_STATES[r.state]}
                  {r.state === 'envoye' && ` (${r.recipients} destinataire${r.recipients > 1 ? 's' : ''})`}
                  {r.channel === 'liste' && r.recipients === 0 && ' — aucun compte de responsable reporting actif'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
