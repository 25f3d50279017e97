// SurveyJS's own strings (errors, counters, buttons the JSON does not name) in the respondent's language. Each is a
// separate chunk loaded only when that language is chosen: a French phone downloads none of them. French is built
// into the questionnaire bundle (QuestionnaireApp.tsx), English into survey-core; Arabic is survey-core's own; Dari,
// Pashto and Français facile have no survey-core locale, so the project supplies theirs (survey-core's setupLocale).
const LOADERS: Record<string, () => Promise<unknown>> = {
  ar: () => import('survey-core/i18n/arabic'),
  prs: () => import('./prs.ts'),
  ps: () => import('./ps.ts'),
  falc: () => import('./falc.ts'),
};

/**
 * The SurveyJS locale of a language: SurveyJS writes it as the `lang` attribute of its root, so it must be a valid
 * BCP 47 tag (`falc` is not one: Français facile is French with a private-use subtag; Dari is `fa-AF`).
 */
export function surveyLocale(language: string): string {
  return language === 'falc' ? 'fr-x-falc' : language === 'prs' ? 'fa-AF' : language;
}

export function loadSurveyLocale(language: string): Promise<void> {
  const load = LOADERS[language];
  // A failed download (network lost) leaves survey-core's fallback strings: the questionnaire still works.
  return load ? load().then(() => undefined, () => undefined) : Promise.resolve();
}
