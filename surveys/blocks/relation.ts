import type { ChoiceJson, QuestionJson } from '../types.ts';
import type { Text } from '../languages.ts';
import { choice, mentor, youth, type QuestionBlock } from './block.ts';

// The national evaluation of "1 jeune, 1 mentor" (INJEP, 2025) found that what mentoring changes depends
// largely on the quality of the relationship: four short items, asked of both, on one 4-point scale.

/** The score the mapping derives from the four items (see surveys/mapping.ts and the catalogue's computation). */
export const RELATIONSHIP_SCORE = {
  indicatorId: 'realisations.qualite_relation',
  /** Dimension codes of the four items: stored data, keep them stable. */
  items: ['ecoute', 'parler', 'avancer', 'confiance'],
  min: 1,
  max: 4,
  dimension: 'score',
} as const;

/**
 * (mean of the four answers − min) ÷ (max − min) × 100, rounded to one decimal; null unless all four items have a
 * number on the scale (a partial mean would compare unlike things).
 */
export function relationshipScore(answers: readonly (number | null | undefined)[]): number | null {
  const { min, max, items } = RELATIONSHIP_SCORE;
  if (answers.length !== items.length) return null;
  if (!answers.every((v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)) return null;
  const mean = answers.reduce((s, v) => s + v, 0) / answers.length;
  return Math.round(((mean - min) / (max - min)) * 1000) / 10;
}

/** Bands of the score: below 50 (mean under 2.5 of 4), 50 to under 75, 75 and above (mean from 3.25). */
export const RELATIONSHIP_BANDS = [
  { key: 'faible', label: 'Relation faible (score < 50)', from: 0 },
  { key: 'moyenne', label: 'Relation moyenne (50 à 74)', from: 50 },
  { key: 'bonne', label: 'Bonne relation (75 et plus)', from: 75 },
] as const;
export type RelationshipBand = (typeof RELATIONSHIP_BANDS)[number]['key'];

export function relationshipBand(score: number | null): RelationshipBand | null {
  if (score === null || !Number.isFinite(score)) return null;
  return score >= 75 ? 'bonne' : score >= 50 ? 'moyenne' : 'faible';
}

// No "I don't know": the score needs all four answers, and the young person can skip a question.
function scale(): ChoiceJson[] {
  return [
    choice(1, youth('Pas du tout', { falc: 'Pas du tout', en: 'Not at all', ar: 'أبدًا', prs: 'اصلاً', ps: 'هېڅ' })),
    choice(2, youth('Un peu', { falc: 'Un peu', en: 'A little', ar: 'قليلًا', prs: 'کمی', ps: 'لږ' })),
    choice(3, youth('Plutôt oui', { falc: 'Assez', en: 'Mostly yes', ar: 'نعم إلى حد ما', prs: 'بیشتر بلی', ps: 'زیاتره هو' })),
    choice(4, youth('Tout à fait', { falc: 'Oui, tout à fait', en: 'Completely', ar: 'تمامًا', prs: 'کاملاً', ps: 'بشپړ ډول' })),
  ];
}

function item(name: string, dimension: (typeof RELATIONSHIP_SCORE.items)[number], title: Text): QuestionJson {
  return { type: 'radiogroup', name, title, indicator: RELATIONSHIP_SCORE.indicatorId, indicatorDimension: dimension, choices: scale() };
}

export const youthRelationship: QuestionBlock = {
  indicatorId: 'realisations.qualite_relation',
  audience: 'youth',
  pages: [
    {
      name: 'relation',
      title: youth('Toi et ton mentor', { falc: 'Toi et ton mentor', en: 'You and your mentor', ar: 'أنت ومرشدك', prs: 'تو و رهنمایت', ps: 'ته او ستا لارښود' }),
      elements: [
        item('relation_ecoute', 'ecoute', youth('Ton mentor t’écoutait ?', { falc: 'Ton mentor t’écoutait ?', en: 'Did your mentor listen to you?', ar: 'هل كان مرشدك يستمع إليك؟', prs: 'آیا رهنمایت به حرف‌هایت گوش می‌داد؟', ps: 'ایا ستا لارښود ستا خبرو ته غوږ نیوه؟' })),
        item('relation_parler', 'parler', youth('Tu pouvais lui parler de ce qui compte pour toi ?', { falc: 'Tu pouvais lui parler des choses importantes pour toi ?', en: 'Could you talk to them about what matters to you?', ar: 'هل كنت تستطيع أن تحدّثه عمّا يهمّك؟', prs: 'آیا می‌توانستی با او دربارهٔ چیزهایی که برایت مهم است حرف بزنی؟', ps: 'ایا دې ورسره د هغو شیانو په اړه خبرې کولای شوې چې تا ته مهم دي؟' })),
        item('relation_avancer', 'avancer', youth('Ton mentor t’a aidé à avancer ?', { falc: 'Ton mentor t’a aidé à avancer ?', en: 'Did your mentor help you move forward?', ar: 'هل ساعدك مرشدك على التقدّم؟', prs: 'آیا رهنمایت کمکت کرد که پیش بروی؟', ps: 'ایا ستا لارښود له تا سره د پرمختګ مرسته وکړه؟' })),
        item('relation_confiance', 'confiance', youth('Tu avais confiance en ton mentor ?', { falc: 'Tu avais confiance en ton mentor ?', en: 'Did you trust your mentor?', ar: 'هل كنت تثق بمرشدك؟', prs: 'آیا به رهنمایت اعتماد داشتی؟', ps: 'ایا پر خپل لارښود دې باور درلود؟' })),
      ],
    },
  ],
};

export const mentorRelationship: QuestionBlock = {
  indicatorId: 'realisations.qualite_relation',
  audience: 'mentor',
  pages: [
    {
      name: 'relation',
      title: mentor('Votre relation avec le jeune', 'Your relationship with the young person'),
      elements: [
        item('mentor_relation_ecoute', 'ecoute', mentor('Le jeune se sentait-il écouté par vous ?', 'Did the young person feel listened to by you?')),
        item('mentor_relation_parler', 'parler', mentor('Pouvait-il vous parler de ce qui compte pour lui ?', 'Could they talk to you about what matters to them?')),
        item('mentor_relation_avancer', 'avancer', mentor('Avez-vous pu l’aider à avancer ?', 'Were you able to help them move forward?')),
        item('mentor_relation_confiance', 'confiance', mentor('Vous faisiez-vous confiance, l’un et l’autre ?', 'Did you trust each other?')),
      ],
    },
  ],
};
