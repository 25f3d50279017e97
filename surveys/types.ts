// Shapes of the SurveyJS JSON this folder produces. They are deliberately narrower than what
// SurveyJS accepts: the validator and the mapping only have to understand what the blocks use.

export const AUDIENCES = ['youth', 'mentor'] as const;
export type Audience = (typeof AUDIENCES)[number];

export type ChoiceCode = string | number;

/** French text, or SurveyJS multi-locale text (`{ default: French, en: …, ar: … }`): see languages.ts. */
export type { Text } from './languages.ts';
import type { Text } from './languages.ts';

export interface ChoiceJson {
  value: ChoiceCode;
  text: Text;
  /** Numeric value the mapping stores for this choice (custom `itemvalue` property). */
  score?: number;
  /** Grouping code stored next to the choice (custom `itemvalue` property), e.g. `binome`. */
  category?: string;
}

export type QuestionType = 'radiogroup' | 'checkbox' | 'dropdown' | 'boolean' | 'rating' | 'text' | 'comment';

export interface QuestionJson {
  type: QuestionType;
  name: string;
  title: Text;
  description?: Text;
  choices?: ChoiceJson[];
  visibleIf?: string;
  maxLength?: number;
  /** Catalogue id of the indicator this question feeds (custom property). */
  indicator?: string;
  /** What the answer measures for that indicator: `avant`, `aujourdhui`, `atteint`… (custom property). */
  indicatorDimension?: string;
  /** Sub-aspect when one indicator has several before/now pairs, e.g. `prise_de_parole` (custom property). */
  indicatorFacet?: string;
  [property: string]: unknown;
}

export interface PageJson {
  name: string;
  title?: Text;
  description?: Text;
  visibleIf?: string;
  elements: QuestionJson[];
}

export interface SurveyJson {
  locale: 'fr';
  title?: Text;
  description?: Text;
  pages: PageJson[];
  [property: string]: unknown;
}

/** A questionnaire notice, rendered as plain HTML by the server before any JavaScript runs. */
export interface Notice {
  title: string;
  paragraphs: string[];
  /** The same notice in the other languages the questionnaire is offered in (the French one is above). */
  translations?: Partial<Record<import('./languages.ts').TranslatedLanguage, { title: string; paragraphs: string[] }>>;
}
