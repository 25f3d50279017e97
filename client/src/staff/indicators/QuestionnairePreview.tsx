import { useMemo } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import { composeQuestionnaire } from '../../../../surveys/browser.ts';

/** Renders the composed questionnaire exactly as a phone shows it, in display mode (nothing is sent). */
export default function QuestionnairePreview({ audience, indicatorIds }: { audience: 'youth' | 'mentor'; indicatorIds: string[] }) {
  const composed = useMemo(() => {
    try {
      return composeQuestionnaire({ audience, indicatorIds, contact: 'le contact indiqué dans les paramètres du département' });
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [audience, indicatorIds]);
  const model = useMemo(() => {
    if ('error' in composed) return null;
    const m = new Model(composed.survey);
    m.locale = 'fr';
    m.showCompleteButton = false;
    // All screens one below the other: the evaluator reviews the whole questionnaire at a glance.
    m.questionsOnPageMode = 'singlePage';
    return m;
  }, [composed]);
  if ('error' in composed) return <p className="error" role="alert">{composed.error}</p>;
  return (
    <div className="phone-frame">
      <div className="phone-notice">
        <h3>{composed.notice.title}</h3>
        {composed.notice.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </div>
      <p className="phone-pages">{composed.survey.pages.length} écrans</p>
      {model && <Survey model={model} />}
    </div>
  );
}
