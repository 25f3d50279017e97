interface Element {
  type?: string;
  name?: string;
  indicator?: string;
  elements?: Element[];
  templateElements?: Element[];
}

/**
 * Names of the free-text questions of a survey: `comment` questions (the closing « Un dernier mot », see
 * surveys/blocks/core.ts) and `text` questions that feed no indicator. Their answers are what a young person
 * wrote in their own words: only the association that ran the mentorship may read them.
 */
export function freeTextQuestionNames(survey: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (elements: Element[] | undefined) => {
    for (const e of elements ?? []) {
      if (e.name && (e.type === 'comment' || (e.type === 'text' && !e.indicator))) names.add(e.name);
      visit(e.elements);
      visit(e.templateElements);
    }
  };
  for (const page of (survey as { pages?: { elements?: Element[] }[] })?.pages ?? []) visit(page.elements);
  return names;
}

/** SurveyJS keeps an « Autre (préciser) » text under `<question>-Comment`: free text as well. */
export function isFreeTextKey(key: string, names: Set<string>): boolean {
  return names.has(key) || key.endsWith('-Comment');
}

export function splitFreeText(answers: Record<string, unknown>, names: Set<string>) {
  const freeText: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (isFreeTextKey(key, names)) {
      if (typeof value === 'string' && value.trim() !== '') freeText[key] = value;
    } else rest[key] = value;
  }
  return { freeText, rest };
}
