/** Pure computation of response rates: links issued vs answered, youth and mentor apart, declines apart. */
import type { Audience } from '../../../db/schema/index.ts';
import type { LinkFact } from '../facts.ts';
import { suppressDistribution, isSuppressed, SUPPRESSED, type CountCell, type Distribution, type ValueCell } from '../suppression.ts';
import type { ProtectedSource, ProtectedView } from '../protection/source.ts';

export const LOW_RATE = 0.5;

export interface AudienceRate {
  issued: CountCell;
  answered: CountCell;
  declined: CountCell;
  pending: CountCell;
  /** answered / issued (revoked links are not counted as issued). */
  rate: ValueCell;
  /**
   * Below 50 %: the answers may not represent the mentorships. Only said of a rate that is shown: on a hidden
   * rate, "less than half answered" would narrow the hidden count.
   */
  lowRate: boolean;
}

export interface RateRow {
  associationId: number | null;
  label: string;
  year: number;
  youth: AudienceRate;
  mentor: AudienceRate;
  /** Answers per questionnaire language (issue 11), suppressed like every count. */
  languages: { youth: Distribution; mentor: Distribution };
}

export function audienceRate(links: readonly LinkFact[], audience: Audience, k: number): AudienceRate {
  const relevant = links.filter((l) => l.audience === audience && l.state !== 'revoque');
  const answered = relevant.filter((l) => l.responded && !l.declined).length;
  const declined = relevant.filter((l) => l.state === 'refuse' || (l.responded && l.declined)).length;
  const pending = relevant.length - answered - declined;
  return rateOf(
    suppressDistribution(
      [
        { key: 'answered', label: 'Réponses', count: answered },
        { key: 'declined', label: 'Refus', count: declined },
        { key: 'pending', label: 'Sans réponse', count: pending },
      ],
      k,
    ),
  );
}

/** The rate of a (suppressed) distribution answered / declined / pending and its total, the links issued. */
export function rateOf(d: Distribution): AudienceRate {
  const [a, dec, p] = ['answered', 'declined', 'pending'].map((key) => d.items.find((i) => i.key === key)?.count ?? 0) as [CountCell, CountCell, CountCell];
  const issued = d.total;
  const rate: ValueCell = issued === 0 ? null : isSuppressed(a) || isSuppressed(issued) ? SUPPRESSED : a / issued;
  return { issued, answered: a, declined: dec, pending: p, rate, lowRate: typeof rate === 'number' && rate < LOW_RATE };
}

/** Links of one audience for the view's association (or the department), from the department-year's protected source. */
export function protectedRate(view: ProtectedView, audience: Audience): AudienceRate {
  return rateOf(view.distribution(`liens_${audience}`, 'reponse'));
}

/**
 * Rows per association and year, and the department's row: every count read from the year's protected source,
 * so that an association's hidden count cannot be recovered from the total and the other associations.
 */
export function computeResponseRates(input: { years: number[]; associations: { id: number; name: string }[]; sources: ReadonlyMap<number, ProtectedSource>; withTotal: boolean }): RateRow[] {
  const rows: RateRow[] = [];
  for (const year of input.years) {
    const source = input.sources.get(year)!;
    const row = (associationId: number | null, label: string): RateRow => {
      const view = source.view(associationId);
      return {
        associationId,
        label,
        year,
        youth: protectedRate(view, 'youth'),
        mentor: protectedRate(view, 'mentor'),
        languages: { youth: view.distribution('liens_youth', 'langue'), mentor: view.distribution('liens_mentor', 'langue') },
      };
    };
    for (const a of input.associations) rows.push(row(a.id, a.name));
    if (input.withTotal) rows.push(row(null, 'Toutes les associations'));
  }
  return rows;
}
