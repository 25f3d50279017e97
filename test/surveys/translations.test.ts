import { describe, expect, it } from 'vitest';
import {
  AUDIENCE_LANGUAGES,
  INDICATOR_IDS,
  indicatorWording,
  LANGUAGES,
  languageFromAcceptLanguage,
  localizeSurvey,
  localizedTexts,
  resolveLanguage,
  surveyLanguages,
  textIn,
  type Audience,
  type Language,
} from '../../surveys/index.ts';
import { ACCESSIBILITY_TEXT, MENTOR_TEXT, YOUTH_TEXT, respondentText, type RespondentText } from '../../surveys/respondent-text.ts';
import { USED_SURVEY_STRINGS } from '../../client/src/questionnaire/locales/strings.ts';
import { dariSurveyStrings } from '../../client/src/questionnaire/locales/prs.ts';
import { pashtoSurveyStrings } from '../../client/src/questionnaire/locales/ps.ts';
import { falcSurveyStrings } from '../../client/src/questionnaire/locales/falc.ts';
import { compose } from './helpers.ts';

const AUDIENCES: Audience[] = ['youth', 'mentor'];

function missing(value: unknown, languages: readonly Language[]): string[] {
  return localizedTexts(value).flatMap(({ path, text }) =>
    languages
      .filter((language) => language !== 'fr')
      .filter((language) => typeof text === 'string' || typeof text[language as Exclude<Language, 'fr'>] !== 'string' || text[language as Exclude<Language, 'fr'>]!.trim() === '')
      .map((language) => `${path} [${language}]`),
  );
}

describe('every respondent-visible text exists in every offered language', () => {
  it.each(AUDIENCES)('%s questionnaire with every indicator: titles, descriptions, choices, buttons, end text', (audience) => {
    const { survey } = compose(audience, INDICATOR_IDS, 'Les Amis du Mentorat');
    expect(localizedTexts(survey).length).toBeGreaterThan(20);
    expect(missing(survey, AUDIENCE_LANGUAGES[audience])).toEqual([]);
    expect(surveyLanguages(survey, audience)).toEqual(AUDIENCE_LANGUAGES[audience]);
  });

  it.each(AUDIENCES)('%s notice: same number of paragraphs in each language, association and contact in each', (audience) => {
    const { notice } = compose(audience, INDICATOR_IDS, 'Les Amis du Mentorat');
    for (const language of AUDIENCE_LANGUAGES[audience].filter((l) => l !== 'fr')) {
      const translated = notice.translations?.[language as Exclude<Language, 'fr'>];
      expect(translated, language).toBeDefined();
      expect(translated!.paragraphs.length, language).toBe(notice.paragraphs.length);
      expect(translated!.title.trim(), language).not.toBe('');
      const all = translated!.paragraphs.join(' ');
      expect(all, language).toContain('Les Amis du Mentorat');
      expect(all, language).toContain('mentorat@departement.fr');
    }
  });

  it.each([
    ...LANGUAGES.map((language) => ({ label: `youth ${language}`, text: YOUTH_TEXT[language], reference: YOUTH_TEXT.fr })),
    ...(['fr', 'en'] as const).map((language) => ({ label: `mentor ${language}`, text: MENTOR_TEXT[language], reference: MENTOR_TEXT.fr })),
  ])('texts around the questions: $label', ({ text, reference }) => {
    for (const key of Object.keys(reference) as (keyof RespondentText)[]) {
      const value = text[key];
      const expected = reference[key];
      if (Array.isArray(expected)) {
        expect(Array.isArray(value) && value.length === expected.length && value.every((v) => v.trim() !== ''), key).toBe(true);
      } else {
        expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
        // Placeholders ({n}, {total}, {language}…) are kept in every language.
        expect(String(value).match(/\{\w+\}/g)?.sort() ?? [], key).toEqual(expected.match(/\{\w+\}/g)?.sort() ?? []);
      }
    }
  });

  it('a translation differs from French where French words would be wrong (not a silent copy)', () => {
    for (const language of ['en', 'ar', 'prs', 'ps'] as const) {
      expect(YOUTH_TEXT[language].start).not.toBe(YOUTH_TEXT.fr.start);
      expect(YOUTH_TEXT[language].listen).not.toBe(YOUTH_TEXT.fr.listen);
    }
  });

  it('the accessibility statement exists in every other language, with every section', () => {
    for (const language of LANGUAGES.filter((l) => l !== 'fr')) {
      const statement = ACCESSIBILITY_TEXT[language as Exclude<Language, 'fr'>];
      for (const [key, value] of Object.entries(statement)) {
        expect(Array.isArray(value) ? value.every((v) => v.trim() !== '') : String(value).trim() !== '', `${language} ${key}`).toBe(true);
      }
    }
  });

  it.each([
    ['prs', dariSurveyStrings],
    ['ps', pashtoSurveyStrings],
    ['falc', falcSurveyStrings],
  ] as const)("survey-core strings supplied by the project for %s (no survey-core locale)", (_language, strings) => {
    for (const key of USED_SURVEY_STRINGS) expect(strings[key]?.trim(), key).toBeTruthy();
  });
});

describe('versions cover every language', () => {
  it('a changed translation is a wording change, flagged for that language only', () => {
    const { survey } = compose('youth', ['impact.confiance']);
    const changed = structuredClone(survey);
    (changed.pages[0]!.elements[0]!.title as { ar: string }).ar = 'نص آخر';
    expect(indicatorWording(changed, 'impact.confiance')).not.toBe(indicatorWording(survey, 'impact.confiance'));
    const flagged = LANGUAGES.filter((l) => indicatorWording(changed, 'impact.confiance', l) !== indicatorWording(survey, 'impact.confiance', l));
    expect(flagged).toEqual(['ar']);
  });
});

describe('languages', () => {
  it('an unknown or unoffered code falls back to French, with no error', () => {
    expect(resolveLanguage('xx')).toBe('fr');
    expect(resolveLanguage(undefined)).toBe('fr');
    expect(resolveLanguage('<script>')).toBe('fr');
    expect(resolveLanguage('ar')).toBe('ar');
    expect(resolveLanguage('ar', 'mentor')).toBe('fr');
    expect(resolveLanguage('en', 'mentor')).toBe('en');
    expect(respondentText('youth', 'zz')).toBe(YOUTH_TEXT.fr);
  });

  it('the default follows Accept-Language and its q-values; Persian readers get Dari', () => {
    expect(languageFromAcceptLanguage('ar-MA,ar;q=0.9,fr;q=0.8')).toBe('ar');
    expect(languageFromAcceptLanguage('de-DE,en;q=0.5,fr;q=0.9')).toBe('fr');
    expect(languageFromAcceptLanguage('fa-AF')).toBe('prs');
    expect(languageFromAcceptLanguage('ps-AF,en;q=0.3')).toBe('ps');
    expect(languageFromAcceptLanguage('ps-AF', 'mentor')).toBe('fr');
    expect(languageFromAcceptLanguage('zh-CN')).toBe('fr');
    expect(languageFromAcceptLanguage(undefined)).toBe('fr');
    expect(languageFromAcceptLanguage(';;;,q=,')).toBe('fr');
  });

  it('a phone receives one language only: the localized survey holds no other language', () => {
    const { survey } = compose('youth', INDICATOR_IDS);
    const arabic = localizeSurvey(survey, 'ar');
    expect(localizedTexts(arabic).every(({ text }) => typeof text === 'string')).toBe(true);
    expect(arabic.locale).toBe('ar');
    const json = JSON.stringify(arabic);
    expect(json).toContain('هل');
    expect(json).not.toContain('Avant le mentorat');
    expect(json).not.toContain('Before the mentoring');
    // Codes, names and indicator links are untouched: answers stay language-independent.
    const codes = (s: unknown) => JSON.stringify(s).match(/"(?:name|value|indicator|indicatorDimension)":("[^"]*"|\d+)/g);
    expect(codes(arabic)).toEqual(codes(localizeSurvey(survey, 'fr')));
    expect(textIn({ default: 'Oui', en: 'Yes' }, 'ar')).toBe('Oui');
  });
});
