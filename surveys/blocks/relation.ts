import type { ChoiceJson, QuestionJson } from '../types.ts';
import { choice, type QuestionBlock } from './block.ts';

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
  return [choice(1, 'Pas du tout'), choice(2, 'Un peu'), choice(3, 'Plutôt oui'), choice(4, 'Tout à fait')];
}

function item(name: string, dimension: (typeof RELATIONSHIP_SCORE.items)[number], title: string): QuestionJson {
  return { type: 'radiogroup', name, title, indicator: RELATIONSHIP_SCORE.indicatorId, indicatorDimension: dimension, choices: scale() };
}

export const youthRelationship: QuestionBlock = {
  indicatorId: 'realisations.qualite_relation',
  audience: 'youth',
  pages: [
    {
      name: 'relation',
      title: 'Toi et ton mentor',
      elements: [
        item('relation_ecoute', 'ecoute', 'Ton mentor t’écoutait ?'),
        item('relation_parler', 'parler', 'Tu pouvais lui parler de ce qui compte pour toi ?'),
        item('relation_avancer', 'avancer', 'Ton mentor t’a aidé à avancer ?'),
        item('relation_confiance', 'confiance', 'Tu avais confiance en ton mentor ?'),
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
      title: 'Votre relation avec le jeune',
      elements: [
        item('mentor_relation_ecoute', 'ecoute', 'Le jeune se sentait-il écouté par vous ?'),
        item('mentor_relation_parler', 'parler', 'Pouvait-il vous parler de ce qui compte pour lui ?'),
        item('mentor_relation_avancer', 'avancer', 'Avez-vous pu l’aider à avancer ?'),
        item('mentor_relation_confiance', 'confiance', 'Vous faisiez-vous confiance, l’un et l’autre ?'),
      ],
    },
  ],
};
