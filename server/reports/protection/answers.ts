/**
 * Questionnaire answers as populations of the department's protected source: every count a report publishes from
 * the answers (the n of a mean, a share's numerator and denominator, a distribution of answers) is a cell whose
 * units are the questionnaire links answered. So the department's figure and the associations' are suppressed
 * together (department minus the other associations gives nothing away), and "the young people who answered this
 * question" is the same cell as "the young people who answered" when they are the same people.
 */
import { RELATIONSHIP_BANDS, RELATIONSHIP_SCORE, relationshipBand } from '../../../surveys/blocks/relation.ts';
import type { IndicatorFact } from '../facts.ts';
import { CODE_DIMENSIONS, codeOf, select } from '../measures.ts';
import type { Category, ProtectedSource } from './source.ts';

type Audience = 'youth' | 'mentor';

const YES_NO: Category[] = [
  { key: 'oui', label: 'Oui' },
  { key: 'non', label: 'Non' },
];

/** The facets of the psychosocial skills (impact.competences_psychosociales). */
export const FACETS = ['prise_de_parole', 'personne_ressource', 'liens', 'decouverte'] as const;

/** Names of the answer populations, shared by the declaration below and the reports that read them. */
export const answers = {
  frequence: (a: Audience) => `reponses:frequence:${a}`,
  assiduite: 'reponses:assiduite:mentor',
  relation: (a: Audience) => `reponses:relation:${a}`,
  atteint: (a: Audience) => `reponses:atteint:${a}`,
  atteintValeur: (a: Audience) => `reponses:atteint_valeur:${a}`,
  objectifChange: (a: Audience) => `reponses:objectif_change:${a}`,
  motifArret: (a: Audience) => `reponses:motif_arret:${a}`,
  progres: (indicatorId: string) => `reponses:progres:${indicatorId}`,
  stage: 'reponses:stage',
  facet: (facet: string) => `reponses:competences:${facet}`,
  anyFacet: 'reponses:competences:au_moins_une',
  split: (indicatorId: string) => `reponses:selon_relation:${indicatorId}`,
};

/** Impact indicators read by relationship-quality band (reports/relationship). */
export const SPLIT_INDICATORS = ['impact.confiance', 'impact.notes', 'impact.stage', 'impact.competences_psychosociales'] as const;

/** responseId → true (progressed thanks to the mentoring / found) or false, for those who answered the question. */
export function impactOutcomes(values: readonly IndicatorFact[], indicatorId: string): Map<number, boolean> {
  const out = new Map<number, boolean>();
  const fromPair = (prefix: string) => {
    const thanks = new Set(select(values, indicatorId, `${prefix}grace_au_mentorat`, 'youth').filter((v) => v.value === 1).map((v) => v.responseId));
    for (const v of select(values, indicatorId, `${prefix}evolution`, 'youth')) {
      if (v.value === null) continue;
      out.set(v.responseId, (out.get(v.responseId) ?? false) || (v.value > 0 && thanks.has(v.responseId)));
    }
  };
  if (indicatorId === 'impact.stage') {
    for (const v of select(values, indicatorId, 'trouve', 'youth')) if (v.value !== null) out.set(v.responseId, v.value === 1);
  } else if (indicatorId === 'impact.competences_psychosociales') {
    for (const facet of FACETS) fromPair(`${facet}.`);
  } else {
    fromPair('');
  }
  return out;
}


/**
 * Per impact indicator, the young people who answered it and the relationship questions: band × progressed, with
 * every margin (the two dimensions are groupings of the crossed one, so the source writes those lines too).
 */
export function declareRelationshipSplits(source: ProtectedSource, values: readonly IndicatorFact[], linkOf: ReadonlyMap<number, number>): void {
  const band = new Map<number, string>();
  for (const v of select(values, RELATIONSHIP_SCORE.indicatorId, RELATIONSHIP_SCORE.dimension, 'youth')) {
    const b = relationshipBand(v.value);
    if (b) band.set(v.responseId, b);
  }
  const associationOf = new Map(values.map((v) => [v.responseId, v.associationId]));
  const crossed = RELATIONSHIP_BANDS.flatMap((b) => YES_NO.map((y) => ({ key: `${b.key}|${y.key}`, label: `${b.label} — ${y.label}` })));
  for (const indicatorId of SPLIT_INDICATORS) {
    const units = [...impactOutcomes(values, indicatorId)].flatMap(([responseId, yes]) => {
      const id = linkOf.get(responseId);
      const b = band.get(responseId);
      const associationId = associationOf.get(responseId);
      return id === undefined || b === undefined || associationId === undefined ? [] : [{ id, associationId, band: b, yes: yes ? 'oui' : 'non' }];
    });
    source.population(answers.split(indicatorId), 'l', units, {
      niveau: { keyOf: (u) => u.band, categories: RELATIONSHIP_BANDS },
      progres: { keyOf: (u) => u.yes, categories: YES_NO },
      croise: { keyOf: (u) => `${u.band}|${u.yes}`, categories: crossed },
    });
  }
}

/** The (indicator, dimension) pairs the populations read: the rows a department's ledger loads. */
export const ANSWER_SLICES: readonly (readonly [string, string])[] = [
  ['realisations.frequence', 'frequence'],
  ['realisations.assiduite', 'assiduite'],
  [RELATIONSHIP_SCORE.indicatorId, RELATIONSHIP_SCORE.dimension],
  ['resultats.objectif_atteint', 'atteint'],
  ['resultats.objectif_atteint', 'objectif_change'],
  ['resultats.objectif_atteint', 'motif_arret_categorie'],
  ['impact.confiance', 'evolution'],
  ['impact.confiance', 'grace_au_mentorat'],
  ['impact.notes', 'evolution'],
  ['impact.notes', 'grace_au_mentorat'],
  ['impact.stage', 'trouve'],
  ...FACETS.flatMap((f) => [
    ['impact.competences_psychosociales', `${f}.evolution`] as const,
    ['impact.competences_psychosociales', `${f}.grace_au_mentorat`] as const,
  ]),
];

/**
 * Declares the year's answer populations. `values`: the year's answers (department-wide); `linkOf`: the link each
 * response answers (the unit). Answers whose link is not among the year's links are left out.
 */
export function declareAnswers(source: ProtectedSource, values: readonly IndicatorFact[], linkOf: ReadonlyMap<number, number>): void {
  const units = (facts: readonly IndicatorFact[]) =>
    facts.flatMap((v) => {
      const id = linkOf.get(v.responseId);
      return id === undefined ? [] : [{ id, associationId: v.associationId, fact: v }];
    });
  type U = ReturnType<typeof units>[number];
  const filled = { keyOf: (u: U) => (u.fact.value === null ? 'non' : 'oui'), categories: YES_NO };
  const code = (dimension: string) => ({ keyOf: (u: U) => codeOf(u.fact), categories: CODE_DIMENSIONS[dimension]! });
  const withValue = (facts: readonly IndicatorFact[]) => facts.filter((v) => v.value !== null);
  // "Yes" = 1 among the answers with a value (valueShare in measures.ts).
  const valueShare = (name: string, facts: readonly IndicatorFact[]) => source.population(name, 'l', units(withValue(facts)), { valeur: { keyOf: (u) => (u.fact.value === 1 ? 'oui' : 'non'), categories: YES_NO } });
  // Better than before and thanks to the mentoring, among those who answered before and now (thanksToMentoring).
  const progress = (name: string, indicatorId: string, prefix: string) => {
    const thanks = new Set(select(values, indicatorId, `${prefix}grace_au_mentorat`, 'youth').filter((v) => v.value === 1).map((v) => v.responseId));
    source.population(name, 'l', units(withValue(select(values, indicatorId, `${prefix}evolution`, 'youth'))), {
      progres: { keyOf: (u) => ((u.fact.value ?? 0) > 0 && thanks.has(u.fact.responseId) ? 'oui' : 'non'), categories: YES_NO },
    });
  };

  for (const a of ['youth', 'mentor'] as const) {
    source.population(answers.frequence(a), 'l', units(select(values, 'realisations.frequence', 'frequence', a)), { code: code('frequence'), renseigne: filled });
    source.population(answers.relation(a), 'l', units(withValue(select(values, RELATIONSHIP_SCORE.indicatorId, RELATIONSHIP_SCORE.dimension, a))), {
      niveau: { keyOf: (u) => relationshipBand(u.fact.value), categories: RELATIONSHIP_BANDS },
    });
    source.population(answers.atteint(a), 'l', units(select(values, 'resultats.objectif_atteint', 'atteint', a)), { code: code('atteint') });
    valueShare(answers.atteintValeur(a), select(values, 'resultats.objectif_atteint', 'atteint', a));
    valueShare(answers.objectifChange(a), select(values, 'resultats.objectif_atteint', 'objectif_change', a));
    source.population(answers.motifArret(a), 'l', units(select(values, 'resultats.objectif_atteint', 'motif_arret_categorie', a)), { code: code('motif_arret_categorie') });
  }
  source.population(answers.assiduite, 'l', units(select(values, 'realisations.assiduite', 'assiduite', 'mentor')), { renseigne: filled });
  for (const id of ['impact.confiance', 'impact.notes']) progress(answers.progres(id), id, '');
  valueShare(answers.stage, select(values, 'impact.stage', 'trouve', 'youth'));
  for (const facet of FACETS) progress(answers.facet(facet), 'impact.competences_psychosociales', `${facet}.`);
  // At least one facet better thanks to the mentoring, among those who answered one facet at least.
  const answeredFacet = new Map<number, IndicatorFact>();
  const anyProgress = new Set<number>();
  for (const facet of FACETS) {
    const thanks = new Set(select(values, 'impact.competences_psychosociales', `${facet}.grace_au_mentorat`, 'youth').filter((v) => v.value === 1).map((v) => v.responseId));
    for (const v of select(values, 'impact.competences_psychosociales', `${facet}.evolution`, 'youth')) {
      if (!answeredFacet.has(v.responseId)) answeredFacet.set(v.responseId, v);
      if ((v.value ?? 0) > 0 && thanks.has(v.responseId)) anyProgress.add(v.responseId);
    }
  }
  source.population(answers.anyFacet, 'l', units([...answeredFacet.values()]), { progres: { keyOf: (u) => (anyProgress.has(u.fact.responseId) ? 'oui' : 'non'), categories: YES_NO } });
  declareRelationshipSplits(source, values, linkOf);
}
