import type { ReportingRhythm } from '../../db/schema/index.ts';

/** Pure calendar arithmetic: which periods exist for a rhythm, when each is due. Dates are ISO YYYY-MM-DD. */

export interface CalendarSettings {
  rhythm: ReportingRhythm;
  /** Deadline: this day (1–28) of the month that follows the period. */
  dueDay: number;
  reminderLeadDays: number;
  remindersEnabled: boolean;
}

export const DEFAULT_CALENDAR: CalendarSettings = { rhythm: 'mensuel', dueDay: 1, reminderLeadDays: 5, remindersEnabled: true };

export interface Period {
  /** `2026-11` for a month, `2026-T4` for a quarter. */
  id: string;
  label: string;
  start: string;
  end: string;
  dueOn: string;
}

export const PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|T([1-4]))$/;

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month0: number, day: number) => new Date(Date.UTC(year, month0, day)).toISOString().slice(0, 10);

/** Months are counted as year × 12 + month index; a period is a run of 1 or 3 of them. */
const unitMonths = (rhythm: ReportingRhythm) => (rhythm === 'mensuel' ? 1 : 3);

function periodAtUnit(settings: CalendarSettings, unit: number): Period {
  const months = unitMonths(settings.rhythm);
  const firstMonth = unit * months;
  const year = Math.floor(firstMonth / 12);
  const month0 = firstMonth % 12;
  const afterEnd = firstMonth + months;
  const start = ymd(year, month0, 1);
  const end = ymd(year, month0 + months, 0);
  const dueOn = ymd(Math.floor(afterEnd / 12), afterEnd % 12, settings.dueDay);
  if (settings.rhythm === 'mensuel') {
    return { id: `${year}-${pad(month0 + 1)}`, label: `${MONTHS[month0]} ${year}`, start, end, dueOn };
  }
  const quarter = month0 / 3 + 1;
  return { id: `${year}-T${quarter}`, label: `${quarter === 1 ? '1er' : `${quarter}e`} trimestre ${year} (${MONTHS[month0]}–${MONTHS[month0 + 2]})`, start, end, dueOn };
}

function unitOfDate(settings: CalendarSettings, isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month0 = Number(isoDate.slice(5, 7)) - 1;
  return Math.floor((year * 12 + month0) / unitMonths(settings.rhythm));
}

/** The period that contains a date. */
export function periodContaining(settings: CalendarSettings, isoDate: string): Period {
  return periodAtUnit(settings, unitOfDate(settings, isoDate));
}

/** Parses a period id; null when it is malformed or belongs to the other rhythm. */
export function periodById(settings: CalendarSettings, id: string): Period | null {
  const match = PERIOD_PATTERN.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  if (settings.rhythm === 'mensuel') return match[2] ? periodAtUnit(settings, year * 12 + Number(match[2]) - 1) : null;
  return match[3] ? periodAtUnit(settings, year * 4 + Number(match[3]) - 1) : null;
}

/** Periods whose deadline falls between two dates (both included), oldest first. */
export function periodsDueBetween(settings: CalendarSettings, from: string, to: string): Period[] {
  const out: Period[] = [];
  // A deadline lies in the month after its period: start one period early, stop one period late.
  for (let unit = unitOfDate(settings, from) - 1; unit <= unitOfDate(settings, to); unit += 1) {
    const period = periodAtUnit(settings, unit);
    if (period.dueOn >= from && period.dueOn <= to) out.push(period);
  }
  return out;
}

/** The next deadline on or after a date: the period the associations are working on. */
export function nextDuePeriod(settings: CalendarSettings, isoDate: string): Period {
  let unit = unitOfDate(settings, isoDate) - 1;
  for (;;) {
    const period = periodAtUnit(settings, unit);
    if (period.dueOn >= isoDate) return period;
    unit += 1;
  }
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Deadlines are French calendar days: a confirmation at 23:30 in Paris on the due date is on time (server/time.ts). */
export { parisDate } from '../time.ts';
