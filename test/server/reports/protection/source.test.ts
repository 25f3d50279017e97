/** The pure part of the protected source: ledger, identity of populations, lines, audits, and the report readers. */
import { describe, expect, it } from 'vitest';
import { determinedCells, finestDetermined, Ledger, populationKey } from '../../../../server/reports/protection/ledger.ts';
import { ProtectedSource } from '../../../../server/reports/protection/source.ts';
import { isMasked, effectiveThreshold } from '../../../../server/reports/protection/masking.ts';
import { protectedRate } from '../../../../server/reports/response-rate/compute.ts';
import { cellText } from '../../../../server/exports/report-format.ts';
import { COMPLEMENT, SUPPRESSED } from '../../../../server/reports/suppression.ts';

const units = (n: number, from = 1, extra: Record<string, unknown> = {}) => Array.from({ length: n }, (_, i) => ({ id: from + i, associationId: 1, ...extra }));

describe('ledger', () => {
  it('the same units are one cell, whatever the order or the table', () => {
    expect(populationKey('m', [3, 1, 2]).key).toBe(populationKey('m', [1, 2, 3]).key);
    expect(populationKey('m', [1, 2]).key).not.toBe(populationKey('l', [1, 2]).key);
    const l = new Ledger(11);
    expect(l.cell('m', [1, 2, 3])).toBe(l.cell('m', [3, 2, 1]));
    expect(l.cell('m', [])).toBe(l.cell('l', []));
  });

  it('a line with one small member hides a second one, and a hidden total alone is not left as the sum of shown members', () => {
    const l = new Ledger(11);
    const all = l.cell('m', Array.from({ length: 40 }, (_, i) => i));
    const a = l.cell('m', Array.from({ length: 25 }, (_, i) => i));
    const b = l.cell('m', Array.from({ length: 12 }, (_, i) => 25 + i));
    const c = l.cell('m', [37, 38, 39]);
    l.line(all, [a, b, c]);
    l.seal();
    expect(l.value(c)).toEqual(SUPPRESSED);
    expect([a, b].filter((x) => typeof l.value(x) === 'object')).toHaveLength(1);
    expect(l.value(b)).toEqual(COMPLEMENT);
  });

  it('exact audit: a hidden cell pinned by two lines together is found (lines alone look safe)', () => {
    // x0 + x1 = s (shown); x1 + x2 = t (shown); x2 hidden alone in no line, but x0 and x2 pin each other only through x1.
    const hidden = [true, true, false, false];
    expect(determinedCells(4, [{ total: 2, members: [0, 1] }, { total: 3, members: [1] }], hidden).sort()).toEqual([0, 1]);
    expect(determinedCells(4, [{ total: 2, members: [0, 1] }], hidden)).toEqual([]);
  });

  it('finest-cell audit: a small hidden cell equal to the difference of two shown populations is found', () => {
    const members = [
      { universe: 'm', ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
      { universe: 'm', ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
      { universe: 'm', ids: [11, 12] },
    ];
    expect(finestDetermined(members, [false, false, true], [12, 10, 2], 11)).toEqual([2]);
    expect(finestDetermined(members, [false, true, true], [12, 10, 2], 11)).toEqual([]);
  });
});

describe('protected source', () => {
  it('a population has one verdict in the department view, the association view and the cross table', () => {
    const s = new ProtectedSource(11, [1, 2, 3]);
    const xs = [...units(30, 1, { sex: 'F' }).map((u) => ({ ...u, associationId: 1 })), ...units(20, 100, { sex: 'H' }).map((u) => ({ ...u, associationId: 2 })), ...units(4, 200, { sex: 'F' }).map((u) => ({ ...u, associationId: 3 }))];
    s.population('p', 'm', xs, { sexe: { keyOf: (u) => (u as { sex?: string }).sex ?? null, categories: [{ key: 'F', label: 'F' }, { key: 'H', label: 'H' }] } });
    s.seal();
    const table = s.crossTable('p', 'sexe', [{ id: 1, name: 'A' }, { id: 2, name: 'B' }, { id: 3, name: 'C' }]);
    expect(s.total('p', 3)).toEqual(SUPPRESSED);
    expect(table.rowTotals[2]).toEqual(s.total('p', 3));
    expect(s.view(3).distribution('p', 'sexe').total).toEqual(table.rowTotals[2]);
    // "department − the others" cannot give the 4 away: a second association, or the department, is hidden too.
    const shownOthers = [s.total('p', 1), s.total('p', 2)].filter((c) => typeof c === 'number').length;
    expect(typeof s.total('p', null) === 'object' || shownOthers < 2).toBe(true);
  });

  it('15.1: a rate is only flagged under 50 % when it is shown', () => {
    const s = new ProtectedSource(11, [1]);
    const links = [...units(12).map((u) => ({ ...u, state: 'pending' })), ...units(5, 50).map((u) => ({ ...u, state: 'answered' }))];
    const states = [{ key: 'answered', label: 'R' }, { key: 'declined', label: 'D' }, { key: 'pending', label: 'P' }];
    s.population('liens_youth', 'l', links, { reponse: { keyOf: (u) => u.state as string, categories: states } });
    s.seal();
    const r = protectedRate(s.view(1), 'youth');
    expect(r.rate).toEqual(SUPPRESSED);
    expect(r.lowRate).toBe(false);
  });

  it('15.2: a count hidden in complement is written « masqué », a small one « < k »', () => {
    expect(cellText(COMPLEMENT, 11)).toBe('masqué');
    expect(cellText(SUPPRESSED, 11)).toBe('< 11');
  });

  it('17.9: one rule — unmasked only for an association on screen', () => {
    expect(isMasked({ associationId: 4 }, 'screen')).toBe(false);
    expect(isMasked({ associationId: 4 }, 'export')).toBe(true);
    expect(isMasked({ associationId: null }, 'screen')).toBe(true);
    expect(isMasked({ associationId: null }, 'export')).toBe(true);
    expect(effectiveThreshold(11, false)).toBe(1);
    expect(effectiveThreshold(11, true)).toBe(11);
  });
});
