import { composeQuestionnaire, INDICATOR_IDS, localizeSurvey, QUESTION_BLOCKS, type Audience, type QuestionJson, type SurveyJson } from '../../surveys/index.ts';

export const CONTACT = 'Mme Martin, chargée de mission mentorat, mentorat@departement.fr';

export function compose(audience: Audience, indicatorIds: readonly string[] = INDICATOR_IDS, associationName?: string) {
  return composeQuestionnaire({ audience, indicatorIds: [...indicatorIds], contact: CONTACT, associationName });
}

/** The questions as a French phone receives them (multi-locale texts resolved to French). */
export function questionsOf(survey: SurveyJson): QuestionJson[] {
  return localizeSurvey(survey, 'fr').pages.flatMap((page) => page.elements);
}

export function blockQuestions(): { audience: Audience; indicatorId: string; question: QuestionJson }[] {
  return QUESTION_BLOCKS.flatMap((block) =>
    block.pages.flatMap((page) => page.elements.map((question) => ({ audience: block.audience, indicatorId: block.indicatorId, question }))),
  );
}

/** Every value found under `key` anywhere in a JSON tree. */
export function findKey(tree: unknown, key: string): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === key) out.push(v);
        visit(v);
      }
    }
  };
  visit(tree);
  return out;
}
