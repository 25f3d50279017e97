import { DIMENSION } from './blocks/block.ts';
import { RELATIONSHIP_SCORE, relationshipScore } from './blocks/relation.ts';
import { normalizeChoices, stringProperty, surveyQuestions } from './json.ts';
import type { ChoiceJson } from './types.ts';

export interface IndicatorValueRow {
  indicatorId: string;
  /** `avant`, `aujourdhui`, `evolution`, `atteint`…, prefixed `<facet>.` when the question has a facet. */
  dimension: string;
  value: number | null;
  valueText: string | null;
}

/** Suffix of the extra row emitted for a chosen item that carries a `category` (e.g. motif_arret_categorie). */
export const CATEGORY_SUFFIX = '_categorie';

interface MappedQuestion {
  name: string;
  type: string;
  indicatorId: string;
  dimension: string;
  /** Pairs before/now answers of the same indicator and facet. */
  pairKey: string;
  facetPrefix: string;
  choices: Map<string | number, ChoiceJson>;
}

// The list of mapped questions only depends on the survey, which is frozen once published.
const cache = new WeakMap<object, MappedQuestion[]>();

function mappedQuestions(survey: object): MappedQuestion[] {
  const hit = cache.get(survey);
  if (hit) return hit;
  const out: MappedQuestion[] = [];
  for (const question of surveyQuestions(survey)) {
    const indicatorId = stringProperty(question, 'indicator');
    const dimension = stringProperty(question, 'indicatorDimension');
    if (!indicatorId || !dimension) continue;
    const facet = stringProperty(question, 'indicatorFacet');
    const facetPrefix = facet ? `${facet}.` : '';
    out.push({
      name: String(question.name),
      type: String(question.type),
      indicatorId,
      dimension: `${facetPrefix}${dimension}`,
      pairKey: `${indicatorId}|${facet ?? ''}`,
      facetPrefix,
      choices: new Map(normalizeChoices(question.choices ?? question.rateValues).map((item) => [item.value, item])),
    });
  }
  cache.set(survey, out);
  return out;
}

function isSkipped(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function codeRows(question: MappedQuestion, code: unknown): IndicatorValueRow[] {
  if (typeof code !== 'string' && typeof code !== 'number') return [];
  const item = question.choices.get(code);
  const rows: IndicatorValueRow[] = [
    {
      indicatorId: question.indicatorId,
      dimension: question.dimension,
      // A numeric code is its own position on a scale; a text code is worth its declared score, if any.
      value: item?.score ?? (typeof code === 'number' ? code : null),
      valueText: typeof code === 'string' ? code : null,
    },
  ];
  if (item?.category) {
    rows.push({
      indicatorId: question.indicatorId,
      dimension: `${question.dimension}${CATEGORY_SUFFIX}`,
      value: null,
      valueText: item.category,
    });
  }
  return rows;
}

function questionRows(question: MappedQuestion, answer: unknown): IndicatorValueRow[] {
  switch (question.type) {
    case 'checkbox':
    case 'tagbox':
      return Array.isArray(answer) ? answer.flatMap((code) => codeRows(question, code)) : [];
    case 'boolean':
      return typeof answer === 'boolean'
        ? [{ indicatorId: question.indicatorId, dimension: question.dimension, value: answer ? 1 : 0, valueText: null }]
        : [];
    case 'text':
    case 'comment':
      if (typeof answer === 'number' && Number.isFinite(answer)) {
        return [{ indicatorId: question.indicatorId, dimension: question.dimension, value: answer, valueText: null }];
      }
      return typeof answer === 'string'
        ? [{ indicatorId: question.indicatorId, dimension: question.dimension, value: null, valueText: answer }]
        : [];
    default:
      return codeRows(question, answer);
  }
}

/**
 * Turns validated answers into indicator values, using only what the questions carry (`indicator`,
 * `indicatorDimension`, `indicatorFacet`, choice `score` and `category`). Skipped questions give no
 * row. A before/now pair answered on both sides also gives an `evolution` row (now − before), right
 * after the second answer of the pair. The four relationship-quality items also give a `score` row (0–100) once
 * all four are answered. Call it with the answers returned by validateSubmission, so that hidden questions are
 * already gone.
 */
export function mapAnswers(survey: object, answers: Record<string, unknown>): IndicatorValueRow[] {
  const rows: IndicatorValueRow[] = [];
  const pairs = new Map<string, { before?: number; now?: number }>();
  for (const question of mappedQuestions(survey)) {
    if (!Object.hasOwn(answers, question.name)) continue;
    const answer = answers[question.name];
    if (isSkipped(answer)) continue;
    const produced = questionRows(question, answer);
    rows.push(...produced);

    const plain = question.dimension.slice(question.facetPrefix.length);
    if (plain !== DIMENSION.before && plain !== DIMENSION.now) continue;
    const value = produced[0]?.value;
    if (typeof value !== 'number') continue;
    const pair = pairs.get(question.pairKey) ?? {};
    if (plain === DIMENSION.before) pair.before = value;
    else pair.now = value;
    pairs.set(question.pairKey, pair);
    if (pair.before !== undefined && pair.now !== undefined) {
      rows.push({
        indicatorId: question.indicatorId,
        dimension: `${question.facetPrefix}${DIMENSION.evolution}`,
        value: pair.now - pair.before,
        valueText: null,
      });
    }
  }
  const relation = RELATIONSHIP_SCORE.items.map((item) => rows.find((r) => r.indicatorId === RELATIONSHIP_SCORE.indicatorId && r.dimension === item)?.value);
  const score = relationshipScore(relation);
  if (score !== null) rows.push({ indicatorId: RELATIONSHIP_SCORE.indicatorId, dimension: RELATIONSHIP_SCORE.dimension, value: score, valueText: null });
  return rows;
}
