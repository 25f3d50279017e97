import type { Model, Question } from 'survey-core';

/**
 * Where a respondent stands in a questionnaire shown one question per screen, computed the same way by the phone
 * (client/src/questionnaire/QuestionnaireApp.tsx) and by the server, which renders that question in the page so that
 * it can be read and answered before the questionnaire's script has run (server/questionnaires/pages.ts).
 */
export interface StartingPoint {
  answers: Record<string, unknown>;
  /** The question the respondent was on (`__question` of a draft). */
  question?: string;
  /** The page, for drafts written before questions were tracked (`__page`). */
  page?: number;
}

/** Splits a stored draft into its answers and the `__question` / `__page` it records. */
export function draftStartingPoint(draft: Record<string, unknown>): StartingPoint {
  const { __question, __page, ...answers } = draft;
  return {
    answers,
    question: typeof __question === 'string' ? __question : undefined,
    page: typeof __page === 'number' ? __page : undefined,
  };
}

/** One question per screen, the answers given, and the screen where the respondent stopped. */
export function placeModel(model: Model, start: StartingPoint): void {
  // (Setting it again, even to the same value, rebuilds the pages.)
  if (model.questionsOnPageMode !== 'questionPerPage') model.questionsOnPageMode = 'questionPerPage';
  model.data = start.answers;
  const question = start.question ? model.getQuestionByName(start.question) : null;
  if (question?.isVisible) model.currentSingleQuestion = question;
  else if (start.page !== undefined && start.page < model.visiblePageCount) model.currentPageNo = start.page;
  else {
    // The first screen (a new Model's already; a reused one may be elsewhere).
    const first = model.getAllQuestions(true)[0];
    if (first) model.currentSingleQuestion = first;
  }
}

/** Where the respondent is, counted over the questions currently visible (some appear only after an answer). */
export function stepOf(model: Model): { index: number; total: number; theme: string } {
  const visible = model.getAllQuestions(true) as Question[];
  const current = model.currentSingleQuestion as Question | undefined;
  const index = current ? visible.indexOf(current) + 1 : 1;
  return { index: Math.max(index, 1), total: visible.length, theme: String((current?.page as { title?: string } | undefined)?.title ?? model.currentPage?.title ?? '') };
}
