/**
 * The survey-core strings a respondent can meet in our questionnaires (radio groups, check boxes, a comment; nothing
 * required): the completeness test (test/surveys/translations.test.ts) checks every project locale has them all.
 */
export const USED_SURVEY_STRINGS = [
  'pagePrevText',
  'pageNextText',
  'completeText',
  'loadingSurvey',
  'emptySurvey',
  'requiredError',
  'textMaxLength',
  'maxSelectError',
  'minSelectError',
  'otherItemText',
  'noneItemText',
  'selectAllItemText',
  'progressText',
  'indexText',
  'questionsProgressText',
  'savingDataError',
  'completingSurveyBefore',
] as const;

export type UsedSurveyStrings = Record<(typeof USED_SURVEY_STRINGS)[number], string>;
