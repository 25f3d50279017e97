import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiQuery, client, ok, useApiMutation, type ApiBody, type ApiData } from '../api.ts';
// The catalogue alone: SurveyJS and the questionnaires' text only load with the preview below.
import { CHAIN_LINKS, CHAIN_LINK_LABELS, INDICATOR_SOURCE_LABELS } from '../../../../surveys/catalogue.ts';
import { parisYear } from '../shared/paris-date.ts';

// The preview pulls in survey-react-ui: load it only when this page opens, not with the whole staff app.
const QuestionnairePreview = lazy(() => import('./QuestionnairePreview.tsx'));

type Version = ApiData<'/api/questionnaires/versions'>[number];
type SelectionBody = ApiBody<'/api/indicators/selection', 'put'>;

type Choice = 'cle' | 'optionnel' | 'non';

const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * « Questionnaire jeune du 12 mars 2026 »: a version is named by the day it was created (Paris), never by its hash;
 * a second version of the same day and audience gets « (2) ».
 */
export function versionName(v: Pick<Version, 'id' | 'audience' | 'createdAt'>, all: Pick<Version, 'id' | 'audience' | 'createdAt'>[]): string {
  const day = PARIS_DAY.format(new Date(v.createdAt));
  const sameDay = all.filter((o) => o.audience === v.audience && PARIS_DAY.format(new Date(o.createdAt)) === day).sort((a, b) => a.id - b.id);
  const rank = sameDay.findIndex((o) => o.id === v.id) + 1;
  return `Questionnaire ${v.audience === 'youth' ? 'jeune' : 'mentor'} du ${day}${sameDay.length > 1 ? ` (${rank})` : ''}`;
}

export function IndicatorsPage({ canEdit }: { canEdit: boolean }) {
  const thisYear = parisYear();
  const [year, setYear] = useState(thisYear);
  const indicators = useQuery(apiQuery('/api/indicators'));
  const catalogue = indicators.data ?? [];
  const versions = useQuery(apiQuery('/api/questionnaires/versions')).data ?? [];
  const selection = useQuery(apiQuery('/api/indicators/selection', { params: { query: { year } } }));
  const saveSelection = useApiMutation((body: SelectionBody) =>
    ok(client.PUT('/api/indicators/selection', { body })),
  );
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [isDefault, setIsDefault] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [audience, setAudience] = useState<'youth' | 'mentor'>('youth');

  useEffect(() => {
    if (indicators.error) setMessage({ kind: 'error', text: indicators.error.message });
  }, [indicators.error]);
  useEffect(() => setMessage(null), [year]);
  // The choices are edited here: they start from the saved selection of the year shown.
  const s = selection.data;
  useEffect(() => {
    if (!s) return;
    setIsDefault(s.isDefault);
    setChoices(Object.fromEntries([...s.keyIndicatorIds.map((id) => [id, 'cle' as Choice]), ...s.optionalIndicatorIds.map((id) => [id, 'optionnel' as Choice])]));
  }, [s]);

  const keyCount = Object.values(choices).filter((c) => c === 'cle').length;
  const selectedIds = useMemo(() => Object.entries(choices).filter(([, c]) => c !== 'non').map(([id]) => id).sort(), [choices]);

  async function save() {
    try {
      const saved = await saveSelection.mutateAsync({
        year,
        keyIndicatorIds: Object.entries(choices).filter(([, c]) => c === 'cle').map(([id]) => id) as SelectionBody['keyIndicatorIds'],
        optionalIndicatorIds: Object.entries(choices).filter(([, c]) => c === 'optionnel').map(([id]) => id) as SelectionBody['keyIndicatorIds'],
      });
      setIsDefault(saved.isDefault);
      setMessage({ kind: 'ok', text: `Sélection ${year} enregistrée. Les prochains liens émis utiliseront le questionnaire correspondant.` });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    }
  }

  return (
    <>
      <p>
        Le département choisit chaque année <strong>4 à 5 indicateurs clés</strong>, suivis par toutes les associations. Les questionnaires de fin de
        mentorat (jeune et mentor) sont composés à partir des indicateurs choisis. Un questionnaire déjà envoyé n’est jamais modifié : tout changement crée
        une nouvelle version.
      </p>
      <div className="filters">
        <label htmlFor="annee-indicateurs">Année</label>
        <select id="annee-indicateurs" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[thisYear + 1, thisYear, thisYear - 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {isDefault && (
        <p className="panel">
          Aucun choix enregistré pour {year} : les indicateurs principaux de la boîte à outils s’appliquent. Gardez-en 4 à 5 comme indicateurs clés (les autres peuvent rester optionnels), puis enregistrez.
        </p>
      )}
      <p role="status" aria-live="polite" className={keyCount >= 4 && keyCount <= 5 ? '' : 'error'}>
        {keyCount} indicateur{keyCount > 1 ? 's' : ''} clé{keyCount > 1 ? 's' : ''} choisi{keyCount > 1 ? 's' : ''} (4 à 5 attendus).
      </p>
      <div className="indicators-layout">
        <div>
          {CHAIN_LINKS.map((link) => (
            <fieldset key={link} className="chain-fieldset">
              <legend>{CHAIN_LINK_LABELS[link]}</legend>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Indicateur</th>
                    <th scope="col">Source</th>
                    <th scope="col">Choix</th>
                  </tr>
                </thead>
                <tbody>
                  {catalogue
                    .filter((i) => i.link === link)
                    .map((indicator) => (
                      <tr key={indicator.id}>
                        <td>
                          <strong>{indicator.label}</strong>
                          <br />
                          <small>{indicator.definition}</small>
                        </td>
                        <td>{indicator.sources.map((s) => INDICATOR_SOURCE_LABELS[s]).join(', ')}</td>
                        <td>
                          <select
                            aria-label={`Choix pour l’indicateur ${indicator.label}`}
                            disabled={!canEdit}
                            value={choices[indicator.id] ?? 'non'}
                            onChange={(e) => setChoices({ ...choices, [indicator.id]: e.target.value as Choice })}
                          >
                            <option value="non">Non suivi</option>
                            <option value="cle">Indicateur clé</option>
                            <option value="optionnel">Optionnel</option>
                          </select>
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </fieldset>
          ))}
          {canEdit && (
            <div className="actions">
              <button type="button" onClick={save}>
                Enregistrer la sélection {year}
              </button>
            </div>
          )}
          {message && (
            <p className={message.kind === 'error' ? 'error' : 'panel success'} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </p>
          )}
        </div>
        <section aria-labelledby="titre-apercu" className="preview">
          <h2 id="titre-apercu">Aperçu sur téléphone</h2>
          <div role="radiogroup" aria-label="Questionnaire à prévisualiser" className="actions">
            <button type="button" className={audience === 'youth' ? '' : 'secondary'} aria-pressed={audience === 'youth'} onClick={() => setAudience('youth')}>
              Jeune
            </button>
            <button type="button" className={audience === 'mentor' ? '' : 'secondary'} aria-pressed={audience === 'mentor'} onClick={() => setAudience('mentor')}>
              Mentor
            </button>
          </div>
          <Suspense fallback={<p role="status">Chargement de l’aperçu…</p>}>
            <QuestionnairePreview audience={audience} indicatorIds={selectedIds} />
          </Suspense>
        </section>
      </div>
      <h2>Versions des questionnaires</h2>
      {versions.length === 0 ? (
        <p>Aucune version pour l’instant : la première est créée quand un mentorat est clôturé.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Public</th>
              <th scope="col">Indicateurs</th>
              <th scope="col">Créée le</th>
              <th scope="col">Figée</th>
              <th scope="col">Liens</th>
              <th scope="col">Réponses</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id}>
                <td>{versionName(v, versions)}</td>
                <td>{v.audience === 'youth' ? 'Jeune' : 'Mentor'}</td>
                <td>{v.indicatorIds.length}</td>
                <td>{new Date(v.createdAt).toLocaleDateString('fr-FR')}</td>
                <td>{v.frozenAt ? 'oui' : 'non'}</td>
                <td>{v.links}</td>
                <td>{v.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
