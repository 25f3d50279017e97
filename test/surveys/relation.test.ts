import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, mapAnswers, relationshipBand, relationshipScore, validateSubmission } from '../../surveys/index.ts';
import { compose } from './helpers.ts';

const REL = 'realisations.qualite_relation';

describe('relationship-quality score (pure)', () => {
  it.each([
    [[4, 4, 4, 4], 100],
    [[1, 1, 1, 1], 0],
    [[3, 3, 3, 3], 66.7],
    [[3, 3, 3, 2], 58.3], // mean 2.75 → (2.75 − 1) / 3 × 100
    [[4, 3, 4, 3], 83.3], // mean 3.5
    [[2, 3, 2, 3], 50], // mean 2.5: the first "moyenne" score
  ])('%j gives %d', (answers, score) => {
    expect(relationshipScore(answers)).toBe(score);
  });

  it('needs the four answers, each on the 1–4 scale', () => {
    expect(relationshipScore([4, 4, 4])).toBeNull();
    expect(relationshipScore([4, 4, 4, undefined])).toBeNull();
    expect(relationshipScore([4, 4, 4, 5])).toBeNull();
    expect(relationshipScore([4, 4, 4, 0])).toBeNull();
  });

  it('bands: faible under 50, moyenne 50 to under 75, bonne from 75', () => {
    expect([0, 49.9, 50, 74.9, 75, 100].map(relationshipBand)).toEqual(['faible', 'faible', 'moyenne', 'moyenne', 'bonne', 'bonne']);
    expect(relationshipBand(null)).toBeNull();
  });
});

describe('relationship-quality answers → indicator values', () => {
  it.each(['youth', 'mentor'] as const)('%s: four items and their score; no score when one is skipped', (audience) => {
    const survey = compose(audience, INDICATOR_IDS).survey;
    const prefix = audience === 'youth' ? 'relation_' : 'mentor_relation_';
    const all = { [`${prefix}ecoute`]: 4, [`${prefix}parler`]: 3, [`${prefix}avancer`]: 4, [`${prefix}confiance`]: 3 };
    const checked = validateSubmission(survey, all);
    expect(checked.ok).toBe(true);
    const rows = mapAnswers(survey, all).filter((r) => r.indicatorId === REL);
    expect(rows).toEqual([
      { indicatorId: REL, dimension: 'ecoute', value: 4, valueText: null },
      { indicatorId: REL, dimension: 'parler', value: 3, valueText: null },
      { indicatorId: REL, dimension: 'avancer', value: 4, valueText: null },
      { indicatorId: REL, dimension: 'confiance', value: 3, valueText: null },
      { indicatorId: REL, dimension: 'score', value: 83.3, valueText: null },
    ]);
    const partial = { ...all };
    delete partial[`${prefix}confiance`];
    expect(mapAnswers(survey, partial).some((r) => r.dimension === 'score')).toBe(false);
  });

  it('refuses an answer off the scale', () => {
    const survey = compose('youth', INDICATOR_IDS).survey;
    expect(validateSubmission(survey, { relation_ecoute: 7 }).ok).toBe(false);
  });
});
