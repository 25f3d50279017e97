import { Model, type Question } from 'survey-core';
import { registerSurveyProperties } from '../../surveys/register.ts';
import { draftStartingPoint, placeModel, stepOf } from '../../surveys/position.ts';

registerSurveyProperties();

/**
 * The question a respondent will see after "Commencer" / "Reprendre", as plain data for the page: the server writes
 * it in the HTML so that on a slow phone it can be read and answered while the questionnaire's script still loads
 * or runs; the script then takes the answer over (client/src/questionnaire/main.tsx).
 */
export interface QuestionPreview {
  name: string;
  kind: 'radiogroup' | 'checkbox' | 'comment';
  title: string;
  description: string;
  choices: { value: string; text: string }[];
  /** The draft's answer to it, shown as chosen. */
  value: unknown;
  maxLength: number | null;
  rows: number;
  theme: string;
  index: number;
  total: number;
}

const KINDS = ['radiogroup', 'checkbox', 'comment'] as const;
const isKind = (type: string): type is QuestionPreview['kind'] => (KINDS as readonly string[]).includes(type);

/**
 * Building a Model costs ~25 ms for a 23-question survey, far more than the page; it is kept per survey text (the
 * few questionnaire versions and languages in use) and only re-placed per page. Node runs this synchronously, so
 * one Model is never used by two requests at once; placeModel sets its answers and screen anew each time.
 */
const models = new Map<string, Model>();
const MAX_MODELS = 64;

function modelOf(survey: object): Model {
  const key = JSON.stringify(survey);
  let model = models.get(key);
  if (!model) {
    model = new Model(survey);
    if (models.size >= MAX_MODELS) models.delete(models.keys().next().value!);
    models.set(key, model);
  }
  return model;
}

/** Null when there is nothing plain to show (no visible question, or a type the page does not render). */
export function questionPreview(survey: object, draft: Record<string, unknown> | null): QuestionPreview | null {
  const model = modelOf(survey);
  placeModel(model, draft ? draftStartingPoint(draft) : { answers: {} });
  const question = model.currentSingleQuestion as (Question & { visibleChoices?: { value: unknown; text: string }[]; rows?: number; maxLength?: number }) | undefined;
  const kind = question?.getType();
  if (!question || !kind || !isKind(kind)) return null;
  const step = stepOf(model);
  const maxLength = typeof question.getMaxLength === 'function' ? question.getMaxLength() : null;
  return {
    name: question.name,
    kind,
    title: question.processedTitle,
    description: question.description ?? '',
    choices: (question.visibleChoices ?? []).map((choice) => ({ value: String(choice.value), text: choice.text })),
    // A plain copy: survey-core hands out its own array objects.
    value: question.isEmpty() ? undefined : (JSON.parse(JSON.stringify(question.value)) as unknown),
    maxLength: typeof maxLength === 'number' && maxLength > 0 ? maxLength : null,
    rows: typeof question.rows === 'number' ? question.rows : 4,
    ...step,
  };
}
