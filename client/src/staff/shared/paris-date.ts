/**
 * The product's dates are Paris dates (the server's `today(ctx)` in server/time.ts is the same rule): a date field
 * limited to "today" must not move to tomorrow at 23:30 in winter because UTC already did, nor stay on
 * yesterday after midnight in summer.
 */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const PARIS_DATE_TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** Today's date in Paris, `AAAA-MM-JJ` (what `<input type="date">` expects). */
export function parisToday(now: Date = new Date()): string {
  return PARIS_DAY.format(now);
}

/** This year in Paris (reports, declarations): on 1 January at 00:30 in Paris it is already the new year. */
export function parisYear(now: Date = new Date()): number {
  return Number(parisToday(now).slice(0, 4));
}

/** « 31 décembre 2026 à 23:30 », Paris time, for an ISO instant sent by the server. */
export function formatParisDateTime(iso: string): string {
  return PARIS_DATE_TIME.format(new Date(iso));
}
