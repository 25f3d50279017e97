import type { Audience } from './types.ts';

// Languages a respondent can read the questionnaire in. Codes are data (stored on links and responses): keep them
// stable. They double as SurveyJS locale codes; `falc` (Français facile, "facile à lire et à comprendre") and Dari
// and Pashto have no survey-core locale: the client supplies theirs (client/src/questionnaire/locales/).
export const LANGUAGES = ['fr', 'falc', 'en', 'ar', 'prs', 'ps'] as const;
export type Language = (typeof LANGUAGES)[number];
export type TranslatedLanguage = Exclude<Language, 'fr'>;

/** The mentor questionnaire is offered in French and English only. */
export const AUDIENCE_LANGUAGES: Readonly<Record<Audience, readonly Language[]>> = {
  youth: LANGUAGES,
  mentor: ['fr', 'en'],
};

export interface LanguageInfo {
  /** Name in the language itself, as the respondent recognises it. */
  nativeName: string;
  /** BCP 47 tag for `<html lang>` and for speech synthesis: Dari is `fa-AF`, Français facile is French. */
  htmlLang: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGE_INFO: Readonly<Record<Language, LanguageInfo>> = {
  fr: { nativeName: 'Français', htmlLang: 'fr', dir: 'ltr' },
  falc: { nativeName: 'Français facile', htmlLang: 'fr', dir: 'ltr' },
  en: { nativeName: 'English', htmlLang: 'en', dir: 'ltr' },
  ar: { nativeName: 'العربية', htmlLang: 'ar', dir: 'rtl' },
  prs: { nativeName: 'دری', htmlLang: 'fa-AF', dir: 'rtl' },
  ps: { nativeName: 'پښتو', htmlLang: 'ps', dir: 'rtl' },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Any unknown or unoffered code means French: a wrong address must never show an error to the young person. */
export function resolveLanguage(code: unknown, audience: Audience = 'youth'): Language {
  return isLanguage(code) && AUDIENCE_LANGUAGES[audience].includes(code) ? code : 'fr';
}

// Accept-Language tags → our codes. Persian (fa) readers get Dari, the closest written variety offered.
const TAG_TO_LANGUAGE: Record<string, Language> = { fr: 'fr', en: 'en', ar: 'ar', prs: 'prs', fa: 'prs', ps: 'ps', pbt: 'ps', pbu: 'ps' };

/** The phone's preferred language among those offered, by the header's q-values; French when none matches. */
export function languageFromAcceptLanguage(header: string | undefined, audience: Audience = 'youth'): Language {
  if (!header) return 'fr';
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = TAG_TO_LANGUAGE[tag.split('-')[0]!];
    if (language && AUDIENCE_LANGUAGES[audience].includes(language)) return language;
  }
  return 'fr';
}

/**
 * SurveyJS's multi-locale text: `default` is the French text, every other key a language code. The stored
 * questionnaire carries every language (its hash covers them all); what a phone receives is one language only.
 */
export type LocalizedText = { default: string } & Partial<Record<TranslatedLanguage, string>>;
export type Text = string | LocalizedText;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value.default === 'string' && Object.keys(value).every((key) => key === 'default' || isLanguage(key));
}

/** The text in one language; French (`default`) for a plain string. */
export function textIn(value: Text, language: Language): string {
  if (typeof value === 'string') return value;
  return (language === 'fr' ? undefined : value[language]) ?? value.default;
}

/**
 * The survey JSON with every multi-locale text replaced by its text in `language` (what SurveyJS itself would show
 * with `locale = language`), so that a phone downloads one language, not six.
 */
export function localizeSurvey<T>(survey: T, language: Language): T {
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(visit);
    if (!isRecord(value)) return value;
    if (isLocalizedText(value)) return textIn(value, language);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = visit(item);
    return out;
  };
  const localized = visit(survey);
  if (isRecord(localized) && 'locale' in localized) localized.locale = language;
  return localized as T;
}

/** Every multi-locale text of a survey, with where it is: what the completeness test walks. */
export function localizedTexts(value: unknown, path = ''): { path: string; text: LocalizedText | string }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => localizedTexts(item, `${path}[${index}]`));
  if (!isRecord(value)) return [];
  if (isLocalizedText(value)) return [{ path, text: value }];
  return Object.entries(value).flatMap(([key, item]) => {
    if (TEXT_KEYS.has(key) && typeof item === 'string') return [{ path: `${path}.${key}`, text: item }];
    return localizedTexts(item, `${path}.${key}`);
  });
}

/** Survey JSON properties a respondent reads (a plain string there is French only: a missing translation). */
const TEXT_KEYS = new Set(['title', 'description', 'text', 'pagePrevText', 'pageNextText', 'completeText', 'completedHtml']);

/** Languages in which every respondent-visible text of a survey exists (older versions are French only). */
export function surveyLanguages(survey: unknown, audience: Audience): Language[] {
  const texts = localizedTexts(survey);
  return AUDIENCE_LANGUAGES[audience].filter(
    (language) => language === 'fr' || texts.every(({ text }) => typeof text !== 'string' && typeof text[language as TranslatedLanguage] === 'string'),
  );
}
