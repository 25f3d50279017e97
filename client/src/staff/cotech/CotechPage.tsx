import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiQuery, type ApiData } from '../api.ts';
import { ApiErrorBanner } from '../shared/ApiErrorBanner.tsx';
import { StatusBadge, frDate } from '../reporting/ReportingPage.tsx';
import '../shared/pilotage.css';

type Cotech = ApiData<'/api/cotech'>;
type AssociationItem = Cotech['associations'][number];
type Profiles = Cotech['ensembleProfils'];
type Cell = Profiles['total'];

/** The Cotech agenda: printable (Ctrl+P or the button), one period, every partner association. */
export function CotechPage() {
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const agenda = useQuery({ ...apiQuery('/api/cotech', { params: { query: { period } } }), placeholderData: keepPreviousData });
  const { data, error } = agenda;

  return (
    <>
      <div className="filters no-print">
        <div>
          <label htmlFor="cotech-periode">Période</label>
          <select id="cotech-periode" value={data?.period.id ?? ''} onChange={(e) => setPeriod(e.target.value)}>
            {(data?.choices ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            {data && !data.choices.some((c) => c.id === data.period.id) && <option value={data.period.id}>{data.period.label}</option>}
          </select>
        </div>
        <button type="button" onClick={() => print()}>
          Imprimer l’ordre du jour
        </button>
      </div>
      <ApiErrorBanner error={error} />
      {!data && !error && <p role="status">Chargement…</p>}
      {data && <Agenda data={data} />}
    </>
  );
}

/** "12 candidatures", "< 11 candidatures", "aucune candidature". */
function applications(cell: Cell): string {
  if (cell.value === 0) return 'aucune candidature';
  return `${cell.display} candidature${cell.value === 1 ? '' : 's'}`;
}

function FiguresRow({ label, f, header }: { label: string; f: Cotech['ensemble']; header?: boolean }) {
  return (
    <tr>
      <th scope="row">{header ? <strong>{label}</strong> : label}</th>
      <td>{f.enCours.display}</td>
      <td>{f.commences.display}</td>
      <td>{f.clotures.display}</td>
    </tr>
  );
}

function ProfilesTables({ p, name }: { p: Profiles; name: string }) {
  return (
    <div className="profiles">
      <table>
        <caption>Par tranche d’âge — {name}</caption>
        <thead>
          <tr>
            <th scope="col">Âge à la candidature</th>
            <th scope="col">Candidatures</th>
          </tr>
        </thead>
        <tbody>
          {p.parAge.map((a) => (
            <tr key={a.group}>
              <th scope="row">{a.group}</th>
              <td>{a.cell.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Par type de placement — {name}</caption>
        <thead>
          <tr>
            <th scope="col">Type de placement</th>
            <th scope="col">Candidatures</th>
          </tr>
        </thead>
        <tbody>
          {p.parPlacement.map((a) => (
            <tr key={a.code}>
              <th scope="row">{a.label}</th>
              <td>{a.cell.display}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Agenda({ data }: { data: Cotech }) {
  const withPresentations = data.associations.filter((a) => a.presentations.trim() !== '');
  const withDifficulties = data.associations.filter((a) => a.difficultes.trim() !== '');
  return (
    <article className="cotech" aria-labelledby="cotech-titre">
      <header>
        <h2 id="cotech-titre" className="title">
          Cotech — {data.period.label}
        </h2>
        <p>
          {data.departmentName} · Comité technique {data.rhythm === 'mensuel' ? 'mensuel' : 'trimestriel'} avec les associations de mentorat · période du {frDate(data.period.start)} au {frDate(data.period.end)}
        </p>
        <p className="print-only">Document imprimé le {new Date().toLocaleDateString('fr-FR')}.</p>
      </header>
      <section aria-labelledby="odj">
        <h2 id="odj">Ordre du jour</h2>
        <ol>
          {data.agenda.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="point-1">
        <h2 id="point-1">1. {data.agenda[0]}</h2>
        <table className="figures">
          <caption>Mentorats par association sur la période « {data.period.label} »</caption>
          <thead>
            <tr>
              <th scope="col">Association</th>
              <th scope="col">En cours au {frDate(data.period.end)}</th>
              <th scope="col">Commencés</th>
              <th scope="col">Terminés (clôturés ou abandonnés)</th>
            </tr>
          </thead>
          <tbody>
            {data.associations.map((a) => (
              <FiguresRow key={a.associationId} label={a.associationName} f={a.chiffres} />
            ))}
            <FiguresRow label="Ensemble des associations" f={data.ensemble} header />
          </tbody>
        </table>
        <p className="note">
          Secret statistique : « &lt; {data.threshold} » remplace un effectif de 1 à {data.threshold - 1} ; « masqué » cache un effectif, petit ou
          non, pour qu’on ne puisse pas retrouver un petit effectif par différence avec un total, une autre période ou un autre rapport.
        </p>
        <h3>Profils repérés (candidatures reçues sur la période)</h3>
        <p>Ensemble des associations : {applications(data.ensembleProfils.total)}.</p>
        {data.ensembleProfils.total.value !== 0 && <ProfilesTables p={data.ensembleProfils} name="ensemble des associations" />}
        {data.associations.map((a) => (
          <div className="association" key={a.associationId}>
            <h4>
              {a.associationName} : {applications(a.profils.total)}
            </h4>
            {a.profils.total.value !== 0 && <ProfilesTables p={a.profils} name={a.associationName} />}
          </div>
        ))}
      </section>

      <section aria-labelledby="point-2">
        <h2 id="point-2">2. {data.agenda[1]}</h2>
        {withPresentations.length === 0 ? (
          <p>Aucune présentation signalée par les associations pour cette période.</p>
        ) : (
          <dl className="texts">
            {withPresentations.map((a) => (
              <div key={a.associationId}>
                <dt>
                  <strong>{a.associationName}</strong>
                </dt>
                <dd>
                  <blockquote>{a.presentations}</blockquote>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="point-3">
        <h2 id="point-3">3. {data.agenda[2]}</h2>
        {withDifficulties.length === 0 ? (
          <p>Aucune difficulté signalée par les associations pour cette période.</p>
        ) : (
          <dl className="texts">
            {withDifficulties.map((a) => (
              <div key={a.associationId}>
                <dt>
                  <strong>{a.associationName}</strong>
                </dt>
                <dd>
                  <blockquote>{a.difficultes}</blockquote>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="point-4">
        <h2 id="point-4">4. {data.agenda[3]}</h2>
        <ul>
          <li>
            Prochaine échéance de reporting : <strong>{frDate(data.nextPeriod.dueOn)}</strong> (période « {data.nextPeriod.label} »).
          </li>
          <li>
            Reporting de la période « {data.period.label} » (échéance du {frDate(data.period.dueOn)}) :{' '}
            {data.notConfirmed.length === 0 ? 'toutes les associations ont confirmé.' : `à relancer : ${data.notConfirmed.join(', ')}.`}
          </li>
        </ul>
        <table>
          <caption>Reporting de la période par association</caption>
          <thead>
            <tr>
              <th scope="col">Association</th>
              <th scope="col">Reporting</th>
              <th scope="col">Confirmé le</th>
            </tr>
          </thead>
          <tbody>
            {data.associations.map((a) => (
              <tr key={a.associationId}>
                <th scope="row">{a.associationName}</th>
                <td>
                  <StatusBadge status={a.reporting} />
                </td>
                <td>{a.confirmedAt ? new Date(a.confirmedAt).toLocaleDateString('fr-FR') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="print-only">Décisions et actions :</p>
        <div className="print-only" style={{ minHeight: '6cm', border: '1px solid #999' }} />
      </section>
    </article>
  );
}
