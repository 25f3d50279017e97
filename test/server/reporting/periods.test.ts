import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, nextDuePeriod, parisDate, periodById, periodContaining, periodsDueBetween, type CalendarSettings } from '../../../server/reporting/periods.ts';
import { punctuality, reportingStatus } from '../../../server/reporting/punctuality.ts';

const monthly: CalendarSettings = { ...DEFAULT_CALENDAR, rhythm: 'mensuel', dueDay: 1 };
const quarterly: CalendarSettings = { ...DEFAULT_CALENDAR, rhythm: 'trimestriel', dueDay: 10 };

describe('periods from the rhythm', () => {
  it('monthly: "2026-11" is due on 2026-12-01', () => {
    expect(periodById(monthly, '2026-11')).toEqual({ id: '2026-11', label: 'novembre 2026', start: '2026-11-01', end: '2026-11-30', dueOn: '2026-12-01' });
    expect(periodById(monthly, '2026-12')!.dueOn).toBe('2027-01-01');
    expect(periodById(monthly, '2028-02')!.end).toBe('2028-02-29');
    expect(periodById({ ...monthly, dueDay: 15 }, '2026-11')!.dueOn).toBe('2026-12-15');
  });

  it('quarterly: T4 runs October to December, due the 10th of January', () => {
    expect(periodById(quarterly, '2026-T4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31', dueOn: '2027-01-10' });
    expect(periodById(quarterly, '2026-T1')!.label).toBe('1er trimestre 2026 (janvier–mars)');
    expect(periodContaining(quarterly, '2026-05-20').id).toBe('2026-T2');
  });

  it('refuses an id of the other rhythm or malformed', () => {
    expect(periodById(monthly, '2026-T4')).toBeNull();
    expect(periodById(quarterly, '2026-11')).toBeNull();
    expect(periodById(monthly, '2026-13')).toBeNull();
    expect(periodById(monthly, 'novembre')).toBeNull();
  });

  it('lists the periods due in a range and finds the next deadline', () => {
    expect(periodsDueBetween(monthly, '2026-09-01', '2026-12-01').map((p) => p.id)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(periodsDueBetween(quarterly, '2026-01-01', '2026-12-31').map((p) => p.id)).toEqual(['2025-T4', '2026-T1', '2026-T2', '2026-T3']);
    expect(nextDuePeriod(monthly, '2026-11-26').id).toBe('2026-11');
    expect(nextDuePeriod(monthly, '2026-12-01').id).toBe('2026-11');
    expect(nextDuePeriod(monthly, '2026-12-02').id).toBe('2026-12');
    expect(nextDuePeriod(quarterly, '2026-11-26').id).toBe('2026-T4');
  });

  it('reads deadlines as Paris calendar days', () => {
    expect(parisDate(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(parisDate(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('punctuality on a hand-made table', () => {
  const periods = [
    { id: '2026-08', dueOn: '2026-09-01' },
    { id: '2026-09', dueOn: '2026-10-01' },
    { id: '2026-10', dueOn: '2026-11-01' },
    { id: '2026-11', dueOn: '2026-12-01' },
  ];
  const rows = punctuality({
    periods,
    associations: [
      { id: 1, name: 'A' },
      { id: 2, name: 'B' },
      { id: 3, name: 'C', since: '2026-10-15' },
    ],
    confirmations: [
      { associationId: 1, period: '2026-08', confirmedOn: '2026-09-01' },
      { associationId: 1, period: '2026-09', confirmedOn: '2026-10-03' },
      { associationId: 1, period: '2026-10', confirmedOn: '2026-10-30' },
      { associationId: 2, period: '2026-11', confirmedOn: '2026-11-20' },
      { associationId: 3, period: '2026-10', confirmedOn: '2026-11-05' },
    ],
    today: '2026-11-26',
  });

  it('classes each cell: on the due day is on time, after is late, none after the deadline is missing', () => {
    expect(rows[0]!.cells.map((c) => c.status)).toEqual(['a_temps', 'en_retard', 'a_temps', 'a_venir']);
    expect(rows[1]!.cells.map((c) => c.status)).toEqual(['manquant', 'manquant', 'manquant', 'a_temps']);
    expect(rows[2]!.cells.map((c) => c.status)).toEqual(['non_concerne', 'non_concerne', 'en_retard', 'a_venir']);
  });

  it('gives each rate with its denominator, and null when nothing was due', () => {
    expect(rows[0]).toMatchObject({ onTime: 2, late: 1, missing: 0, denominator: 3 });
    expect(rows[0]!.rate).toBeCloseTo(2 / 3);
    expect(rows[1]).toMatchObject({ onTime: 1, late: 0, missing: 3, denominator: 4, rate: 0.25 });
    expect(rows[2]).toMatchObject({ onTime: 0, late: 1, denominator: 1, rate: 0 });
    const none = punctuality({ periods: [{ id: '2026-11', dueOn: '2026-12-01' }], associations: [{ id: 9, name: 'Z' }], confirmations: [], today: '2026-11-26' });
    expect(none[0]).toMatchObject({ denominator: 0, rate: null });
  });

  it('reportingStatus alone', () => {
    expect(reportingStatus('2026-12-01', null, '2026-12-01')).toBe('a_venir');
    expect(reportingStatus('2026-12-01', null, '2026-12-02')).toBe('manquant');
  });
});
