/** Pure computation of response rates: links issued vs answered, youth and mentor apart, declines apart. */
import type { Audience } from '../../../db/schema/index.ts';
import type { LinkFact } from '../facts.ts';
import { suppressDistribution, isSuppressed, SUPPRESSED, type CountCell, type ValueCell } from '../suppression.ts';

export const LOW_RATE = 0.5;

export interface AudienceRate {
  issued: CountCell;
  answered: CountCell;
  declined: CountCell;
  pending: CountCell;
  /** answered / issued (revoked links are not counted as issued). */
  rate: ValueCell;
  /** Below 50 %: the answers may not represent the mentorships. Shown whenever the number of links may be shown. */
  lowRate: boolean;
}

export interface RateRow {
  associationId: number | null;
  label: string;
  year: number;
  youth: AudienceRate;
  mentor: AudienceRate;
}

export function audienceRate(links: readonly LinkFact[], audience: Audience, k: number): AudienceRate {
  const relevant = links.filter((l) => l.audience === audience && l.state !== 'revoque');
  const answered = relevant.filter((l) => l.responded && !l.declined).length;
  const declined = relevant.filter((l) => l.state === 'refuse' || (l.responded && l.declined)).length;
  const pending = relevant.length - answered - declined;
  const d = suppressDistribution(
    [
      { key: 'answered', label: 'Réponses', count: answered },
      { key: 'declined', label: 'Refus', count: declined },
      { key: 'pending', label: 'Sans réponse', count: pending },
    ],
    k,
  );
  const [a, dec, p] = d.items.map((i) => i.count) as [CountCell, CountCell, CountCell];
  const rate = relevant.length === 0 ? null : isSuppressed(a) || isSuppressed(d.total) ? SUPPRESSED : answered / relevant.length;
  return { issued: d.total, answered: a, declined: dec, pending: p, rate, lowRate: relevant.length > 0 && !isSuppressed(d.total) && answered / relevant.length < LOW_RATE };
}

export function computeResponseRates(input: { years: number[]; k: number; associations: { id: number; name: string }[]; links: LinkFact[]; withTotal: boolean }): RateRow[] {
  const rows: RateRow[] = [];
  for (const year of input.years) {
    const ofYear = input.links.filter((l) => l.endedOn?.startsWith(`${year}-`));
    for (const a of input.associations) {
      const mine = ofYear.filter((l) => l.associationId === a.id);
      rows.push({ associationId: a.id, label: a.name, year, youth: audienceRate(mine, 'youth', input.k), mentor: audienceRate(mine, 'mentor', input.k) });
    }
    if (input.withTotal) rows.push({ associationId: null, label: 'Toutes les associations', year, youth: audienceRate(ofYear, 'youth', input.k), mentor: audienceRate(ofYear, 'mentor', input.k) });
  }
  return rows;
}
