// Entry point for the client bundle: everything in index.ts except what needs node: modules.
import { registerSurveyProperties } from './register.ts';

registerSurveyProperties();

export {
  CHAIN_LINKS,
  CHAIN_LINK_LABELS,
  DEFAULT_KEY_INDICATOR_IDS,
  DEFAULT_OPTIONAL_INDICATOR_IDS,
  INDICATOR_IDS,
  INDICATOR_SOURCES,
  INDICATOR_SOURCE_LABELS,
  INDICATOR_UNITS,
  getIndicator,
  parseCatalogue,
  indicatorRank,
  indicators,
  isIndicatorId,
} from './catalogue.ts';
export type { ChainLink, Indicator, IndicatorId, IndicatorSource, IndicatorUnit } from './catalogue.ts';
export { CHOICE_PROPERTIES, QUESTION_PROPERTIES, registerSurveyProperties } from './register.ts';
export { AUDIENCE_SOURCE, MAX_YOUTH_PAGES, composeQuestionnaire, indicatorWording } from './compose.ts';
export type { ComposeInput, ComposedQuestionnaire } from './compose.ts';
export { DEFAULT_TEXT_MAX_LENGTH, validateSubmission } from './validate.ts';
export type { ValidateOptions, ValidationError, ValidationResult } from './validate.ts';
export { CATEGORY_SUFFIX, mapAnswers } from './mapping.ts';
export type { IndicatorValueRow } from './mapping.ts';
export { COMMENT_MAX_LENGTH, DIMENSION, QUESTION_BLOCKS, RELATIONSHIP_BANDS, RELATIONSHIP_SCORE, STOP_CATEGORY, relationshipBand, relationshipScore } from './blocks/index.ts';
export type { RelationshipBand } from './blocks/index.ts';
export type { BlockPage, PageGroup, QuestionBlock } from './blocks/index.ts';
export { canonicalJson } from './canonical.ts';
export {
  AUDIENCE_LANGUAGES,
  LANGUAGES,
  LANGUAGE_INFO,
  isLanguage,
  languageFromAcceptLanguage,
  localizeSurvey,
  localizedTexts,
  resolveLanguage,
  surveyLanguages,
  textIn,
} from './languages.ts';
export type { Language, LanguageInfo, LocalizedText, Text, TranslatedLanguage } from './languages.ts';
export { AUDIENCES } from './types.ts';
export type { Audience, ChoiceJson, Notice, PageJson, QuestionJson, SurveyJson } from './types.ts';
