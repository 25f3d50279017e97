import type { IndicatorId } from '../catalogue.ts';
import type { LocalizedText, Text, TranslatedLanguage } from '../languages.ts';
import type { Audience, ChoiceJson, QuestionJson } from '../types.ts';

/**
 * Youth text: French, then every other language. The type makes a missing language a compile error, and
 * test/surveys/translations.test.ts fails on any youth-visible text that lacks one.
 * The translations were written by the project; a native speaker's review is recommended (docs/traductions.md).
 */
export function youth(fr: string, translations: Record<TranslatedLanguage, string>): LocalizedText {
  return { default: fr, ...translations };
}

/** Mentor text: the mentor questionnaire is offered in French and English. */
export function mentor(fr: string, en: string): LocalizedText {
  return { default: fr, en };
}

export interface PageGroup {
  name: string;
  title: Text;
  description?: Text;
}

export interface BlockPage {
  name: string;
  title: Text;
  description?: Text;
  /**
   * Pages of different indicators that share a group are shown on one screen, so that one-question
   * indicators (frequency, modality) do not each cost the young person a page.
   */
  group?: PageGroup;
  elements: QuestionJson[];
}

/** The questions one indicator owns in one audience's questionnaire. */
export interface QuestionBlock {
  indicatorId: IndicatorId;
  audience: Audience;
  pages: BlockPage[];
}

// Dimension codes are stored with every indicator value: they are data, keep them stable.
export const DIMENSION = {
  before: 'avant',
  now: 'aujourdhui',
  evolution: 'evolution',
  thanksToMentoring: 'grace_au_mentorat',
} as const;

export function choice(value: string | number, text: Text, extra: Omit<ChoiceJson, 'value' | 'text'> = {}): ChoiceJson {
  return { value, text, ...extra };
}

export const YES = youth('Oui', { falc: 'Oui', en: 'Yes', ar: 'نعم', prs: 'بلی', ps: 'هو' });
export const NO = youth('Non', { falc: 'Non', en: 'No', ar: 'لا', prs: 'نخیر', ps: 'نه' });
export const MENTOR_YES = mentor('Oui', 'Yes');
export const MENTOR_NO = mentor('Non', 'No');
export const DONT_KNOW = youth('Je ne sais pas', { falc: 'Je ne sais pas', en: "I don't know", ar: 'لا أعرف', prs: 'نمی‌دانم', ps: 'نه پوهېږم' });

/** Yes/no scored 1/0 so that reports can average or count it directly. */
export function yesNo(yes: Text = YES, no: Text = NO): ChoiceJson[] {
  return [choice('oui', yes, { score: 1 }), choice('non', no, { score: 0 })];
}

/**
 * One 1–5 scale for "before" and "now" so that the difference is a change score. Numeric codes carry
 * the position on the scale; the labels are words because number buttons mean little to a child.
 */
export const AGREEMENT_SCALE: readonly ChoiceJson[] = [
  choice(1, youth('Non, pas du tout', { falc: 'Pas du tout', en: 'No, not at all', ar: 'لا، أبدًا', prs: 'نه، اصلاً', ps: 'نه، هېڅ' })),
  choice(2, youth('Pas beaucoup', { falc: 'Un petit peu', en: 'Not much', ar: 'ليس كثيرًا', prs: 'نه زیاد', ps: 'ډېر نه' })),
  choice(3, youth('Moyennement', { falc: 'À moitié', en: 'Somewhat', ar: 'بشكل متوسط', prs: 'متوسط', ps: 'منځنی' })),
  choice(4, youth('Oui, plutôt', { falc: 'Oui, assez', en: 'Yes, quite', ar: 'نعم، إلى حد ما', prs: 'بلی، تا اندازه‌ای', ps: 'هو، تر یوه حده' })),
  choice(5, youth('Oui, beaucoup', { falc: 'Oui, beaucoup', en: 'Yes, a lot', ar: 'نعم، كثيرًا', prs: 'بلی، زیاد', ps: 'هو، ډېر' })),
];

export interface BeforeNowSpec {
  indicator: IndicatorId;
  /** Needed when one indicator owns several pairs, to tell the pairs apart. */
  facet?: string;
  /** Prefix of the three question names: `<prefix>_avant`, `<prefix>_aujourdhui`, `<prefix>_grace`. */
  prefix: string;
  before: Text;
  now: Text;
  thanks: Text;
  scale?: readonly ChoiceJson[];
}

/**
 * A retrospective before/now pair on the same scale, then "is it thanks to the mentoring?" asked only
 * when the young person reports an improvement (asking it otherwise would make no sense to them).
 */
export function beforeNowQuestions(spec: BeforeNowSpec): QuestionJson[] {
  const scale = spec.scale ?? AGREEMENT_SCALE;
  const facet = spec.facet === undefined ? {} : { indicatorFacet: spec.facet };
  const before = `${spec.prefix}_${DIMENSION.before}`;
  const now = `${spec.prefix}_${DIMENSION.now}`;
  return [
    {
      type: 'radiogroup',
      name: before,
      title: spec.before,
      indicator: spec.indicator,
      indicatorDimension: DIMENSION.before,
      ...facet,
      choices: scale.map((item) => ({ ...item })),
    },
    {
      type: 'radiogroup',
      name: now,
      title: spec.now,
      indicator: spec.indicator,
      indicatorDimension: DIMENSION.now,
      ...facet,
      choices: scale.map((item) => ({ ...item })),
    },
    {
      type: 'radiogroup',
      name: `${spec.prefix}_grace`,
      title: spec.thanks,
      visibleIf: `{${now}} > {${before}}`,
      indicator: spec.indicator,
      indicatorDimension: DIMENSION.thanksToMentoring,
      ...facet,
      choices: [...yesNo(), choice('ne_sait_pas', DONT_KNOW)],
    },
  ];
}

export const YOUTH_PAIR_DESCRIPTION = youth("Pense à comment c'était avant le mentorat, puis à comment c'est aujourd'hui.", {
  falc: "Pense à ta vie avant le mentorat. Puis pense à ta vie aujourd'hui.",
  en: 'Think about how things were before the mentoring, then about how they are today.',
  ar: 'فكّر كيف كانت الأمور قبل الإرشاد، ثم كيف هي اليوم.',
  prs: 'فکر کن که پیش از منتورینگ چطور بود، بعد فکر کن که امروز چطور است.',
  ps: 'فکر وکړه چې د لارښوونې له پیل نه مخکې څنګه وو، بیا فکر وکړه چې نن څنګه دی.',
});
