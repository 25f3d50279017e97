import type { ChoiceCode, ChoiceJson } from './types.ts';

// Reading survey JSON directly (rather than through a survey-core Model) keeps composition and
// mapping free of survey-core, cheap, and usable on the client.

export interface RawQuestion {
  type?: unknown;
  name?: unknown;
  title?: unknown;
  description?: unknown;
  choices?: unknown;
  indicator?: unknown;
  indicatorDimension?: unknown;
  indicatorFacet?: unknown;
  [property: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Questions in document order, through pages and nested panels; non-question elements are skipped. */
export function surveyQuestions(survey: unknown): RawQuestion[] {
  const out: RawQuestion[] = [];
  const visit = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const element of elements) {
      if (!isRecord(element)) continue;
      if (element.type === 'panel') visit(element.elements);
      else if (element.type !== 'html' && element.type !== 'image' && typeof element.name === 'string') out.push(element);
    }
  };
  if (!isRecord(survey)) return out;
  if (Array.isArray(survey.pages)) {
    for (const page of survey.pages) if (isRecord(page)) visit(page.elements ?? page.questions);
  }
  visit(survey.elements ?? survey.questions);
  return out;
}

/** SurveyJS accepts `"a"` as shorthand for `{ value: "a" }`; this returns the long form. */
export function normalizeChoices(choices: unknown): ChoiceJson[] {
  if (!Array.isArray(choices)) return [];
  const out: ChoiceJson[] = [];
  for (const item of choices) {
    if (typeof item === 'string' || typeof item === 'number') out.push({ value: item, text: String(item) });
    else if (isRecord(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
      const value: ChoiceCode = item.value;
      out.push({
        value,
        text: typeof item.text === 'string' ? item.text : String(value),
        ...(typeof item.score === 'number' ? { score: item.score } : {}),
        ...(typeof item.category === 'string' ? { category: item.category } : {}),
      });
    }
  }
  return out;
}

export function stringProperty(question: RawQuestion, key: string): string | undefined {
  const value = question[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
