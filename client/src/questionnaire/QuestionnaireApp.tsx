import { useEffect, useMemo, useState } from 'react';
import { Model } from 'survey-core';
import 'survey-core/i18n/french';
import { Survey } from 'survey-react-ui';
import { registerSurveyProperties } from '../../../surveys/register.ts';

registerSurveyProperties();

interface Loaded {
  audience: 'youth' | 'mentor';
  state: string;
  survey: Record<string, unknown>;
  draft: Record<string, unknown> | null;
}

type Phase = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: Loaded } | { kind: 'sent'; youth: boolean };

const api = (publicId: string, path: string) => `/r/${publicId}/api/${path}`;

export function QuestionnaireApp({ publicId }: { publicId: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    fetch(api(publicId, 'questionnaire'), { credentials: 'same-origin' })
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? 'Le questionnaire ne peut pas être chargé.');
        setPhase({ kind: 'ready', data: body as Loaded });
      })
      .catch((error: Error) => setPhase({ kind: 'error', message: error.message }));
  }, [publicId]);

  if (phase.kind === 'loading') return <p className="im-status" role="status">Chargement du questionnaire…</p>;
  if (phase.kind === 'error') return <p className="im-status im-status-error" role="alert">{phase.message}</p>;
  if (phase.kind === 'sent') return <ThankYou youth={phase.youth} />;
  return <SurveyRunner publicId={publicId} data={phase.data} onSent={() => setPhase({ kind: 'sent', youth: phase.data.audience === 'youth' })} />;
}

function SurveyRunner({ publicId, data, onSent }: { publicId: string; data: Loaded; onSent: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const model = useMemo(() => {
    const m = new Model(data.survey);
    m.locale = 'fr';
    if (data.draft) {
      const { __page, ...answers } = data.draft as Record<string, unknown> & { __page?: number };
      m.data = answers;
      if (typeof __page === 'number') m.currentPageNo = __page;
    }
    return m;
  }, [data]);

  useEffect(() => {
    const key = crypto.randomUUID().replace(/-/g, '');
    const saveDraft = () =>
      fetch(api(publicId, 'draft'), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: model.data, currentPage: model.currentPageNo }),
      }).catch(() => undefined);
    model.onCurrentPageChanged.add(saveDraft);
    model.onComplete.add((sender, options) => {
      options.showSaveInProgress('Envoi en cours…');
      fetch(api(publicId, 'response'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: sender.data, idempotencyKey: key }),
      })
        .then(async (res) => {
          if (res.ok || res.status === 409) {
            options.showSaveSuccess('Envoyé');
            onSent();
          } else {
            const body = await res.json().catch(() => null);
            const message = body?.error?.message ?? 'L’envoi a échoué.';
            options.showSaveError(message);
            setError(message);
          }
        })
        .catch(() => {
          options.showSaveError('Pas de réseau : réessaie dans un instant.');
          setError('Pas de réseau : réessaie dans un instant.');
        });
    });
  }, [model, publicId, onSent]);

  return (
    <>
      {error && (
        <p className="im-status im-status-error" role="alert">
          {error}
        </p>
      )}
      <Survey model={model} />
    </>
  );
}

function ThankYou({ youth }: { youth: boolean }) {
  return (
    <div role="status" aria-live="polite">
      <h1>{youth ? 'Merci ! Tes réponses sont envoyées.' : 'Merci ! Vos réponses sont envoyées.'}</h1>
      <p>
        {youth
          ? 'Elles sont regroupées avec celles des autres jeunes. Personne ne les verra avec ton nom. Elles aident le département et l’association à améliorer le mentorat.'
          : 'Elles sont regroupées avec celles des autres mentors et aident le département et l’association à améliorer le programme.'}
      </p>
      <p>{youth ? 'Tu peux fermer cette page.' : 'Vous pouvez fermer cette page.'}</p>
    </div>
  );
}
