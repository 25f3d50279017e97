import { Serializer } from 'survey-core';
// The questionnaires are in French; SurveyJS's own strings (errors, buttons not overridden in the JSON)
// must be too, on the client and in any server-side Model.
import 'survey-core/i18n/french';

/** Custom question properties: the question → indicator link is data carried by each question. */
export const QUESTION_PROPERTIES = ['indicator', 'indicatorDimension', 'indicatorFacet'] as const;
/** Custom choice properties: what the mapping stores for a chosen code. */
export const CHOICE_PROPERTIES = ['score', 'category'] as const;

/**
 * Registers the custom properties on survey-core's Serializer. Without it a Model silently drops them
 * (they land in `jsonErrors`), so call it before building any Model; calling it again is harmless.
 */
export function registerSurveyProperties(): void {
  addOnce('question', { name: 'indicator', category: 'indicateur', visibleIndex: 0 });
  addOnce('question', { name: 'indicatorDimension', category: 'indicateur', visibleIndex: 1 });
  addOnce('question', { name: 'indicatorFacet', category: 'indicateur', visibleIndex: 2 });
  addOnce('itemvalue', { name: 'score:number' });
  addOnce('itemvalue', { name: 'category' });
}

function addOnce(className: string, property: { name: string; [key: string]: unknown }): void {
  const name = property.name.split(':')[0]!;
  if (Serializer.findProperty(className, name)) return;
  Serializer.addProperty(className, property);
}
