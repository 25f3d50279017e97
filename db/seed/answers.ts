import type { Random } from './random.ts';

interface Element {
  type?: string;
  name?: string;
  elements?: Element[];
  templateElements?: Element[];
  choices?: ({ value: unknown } | string | number)[];
  rateValues?: ({ value: unknown } | string | number)[];
  rateMin?: number;
  rateMax?: number;
}

function walk(elements: Element[] | undefined, out: Element[]) {
  for (const e of elements ?? []) {
    if (e.elements) walk(e.elements, out);
    else if (e.name) out.push(e);
  }
}

const valueOf = (c: { value: unknown } | string | number) => (typeof c === 'object' ? c.value : c);

/**
 * Plausible answers for any composed questionnaire, read from its JSON: demo and benchmark data go through
 * the same validation and mapping as real respondents. "Before" answers lean low and "now" answers lean high,
 * as retrospective pairs usually do.
 */
export function plausibleAnswers(survey: { pages?: { elements?: Element[] }[] }, random: Random): Record<string, unknown> {
  const questions: Element[] = [];
  for (const page of survey.pages ?? []) walk(page.elements, questions);
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    if (!q.name || random.chance(0.05)) continue; // some questions are skipped, as in life
    const options = (q.choices ?? q.rateValues)?.map(valueOf);
    const lean = q.name.endsWith('_avant') ? -1 : q.name.endsWith('_aujourdhui') ? 1 : 0;
    if (q.type === 'radiogroup' || q.type === 'dropdown' || (q.type === 'rating' && options)) {
      if (!options || options.length === 0) continue;
      const numeric = options.every((o) => typeof o === 'number');
      if (numeric && lean !== 0) {
        const sorted = [...(options as number[])].sort((a, b) => a - b);
        const half = Math.ceil(sorted.length / 2);
        answers[q.name] = lean < 0 ? random.pick(sorted.slice(0, half)) : random.pick(sorted.slice(half - 1));
      } else {
        answers[q.name] = random.pick(options);
      }
    } else if (q.type === 'rating') {
      const min = q.rateMin ?? 1;
      const max = q.rateMax ?? 5;
      const mid = Math.round((min + max) / 2);
      answers[q.name] = lean < 0 ? random.int(min, mid) : lean > 0 ? random.int(mid, max) : random.int(min, max);
    } else if (q.type === 'checkbox' && options && options.length > 0) {
      answers[q.name] = options.filter(() => random.chance(0.4)).slice(0, 3);
      if ((answers[q.name] as unknown[]).length === 0) delete answers[q.name];
    } else if (q.type === 'boolean') {
      answers[q.name] = random.chance(0.6);
    }
    // Free text is left empty: a demo must not invent anything that looks like a personal remark.
  }
  return answers;
}
