/**
 * The product's dates are Paris calendar dates (deadlines, end dates, "today" in forms and reports): at 23:30 UTC on
 * 31 December it is already 1 January in Paris. Every "today" of the server comes from here, from the context's
 * clock (`ctx.now`), so tests move it like any other time.
 */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Paris calendar date of an instant, `YYYY-MM-DD`. */
export const parisDate = (instant: Date): string => PARIS_DAY.format(instant);

/** Today in Paris, `YYYY-MM-DD`, by the context's clock. */
export const today = (ctx: { now: () => Date }): string => parisDate(ctx.now());

/** The current year in Paris, by the context's clock. */
export const currentYear = (ctx: { now: () => Date }): number => Number(today(ctx).slice(0, 4));

/** The Paris date `months` months before today (same day of month, or the month's last day when it has fewer). */
export function monthsBeforeToday(ctx: { now: () => Date }, months: number): string {
  const [y, m, d] = today(ctx).split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10);
}
