import type { IndicatorId } from '../catalogue.ts';
import type { Audience, ChoiceJson, QuestionJson } from '../types.ts';

export interface PageGroup {
  name: string;
  title: string;
  description?: string;
}

export interface BlockPage {
  name: string;
  title: string;
  description?: string;
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

export function choice(value: string | number, text: string, extra: Omit<ChoiceJson, 'value' | 'text'> = {}): ChoiceJson {
  return { value, text, ...extra };
}

/** Yes/no scored 1/0 so that reports can average or count it directly. */
export function yesNo(yes = 'Oui', no = 'Non'): ChoiceJson[] {
  return [choice('oui', yes, { score: 1 }), choice('non', no, { score: 0 })];
}

/**
 * One 1–5 scale for "before" and "now" so that the difference is a change score. Numeric codes carry
 * the position on the scale; the labels are words because number buttons mean little to a child.
 */
export const AGREEMENT_SCALE: readonly ChoiceJson[] = [
  choice(1, 'Non, pas du tout'),
  choice(2, 'Pas beaucoup'),
  choice(3, 'Moyennement'),
  choice(4, 'Oui, plutôt'),
  choice(5, 'Oui, beaucoup'),
];

export interface BeforeNowSpec {
  indicator: IndicatorId;
  /** Needed when one indicator owns several pairs, to tell the pairs apart. */
  facet?: string;
  /** Prefix of the three question names: `<prefix>_avant`, `<prefix>_aujourdhui`, `<prefix>_grace`. */
  prefix: string;
  before: string;
  now: string;
  thanks: string;
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
      choices: [...yesNo(), choice('ne_sait_pas', 'Je ne sais pas')],
    },
  ];
}

export const YOUTH_PAIR_DESCRIPTION = "Pense à comment c'était avant le mentorat, puis à comment c'est aujourd'hui.";
