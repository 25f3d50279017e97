/** The pure part of the protected source: ledger, identity of populations, lines, audits, and the report readers. */
import { describe, expect, it } from 'vitest';
import { boundsPinnedByLines, determinedCells, finestDetermined, Ledger, linesDetermining, populationKey, SparseSpan } from '../../../../server/reports/protection/ledger.ts';
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

  it('exact audit by random solutions finds exactly the cells whose unit vector lies in the span (random systems)', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    let determinedSeen = 0;
    for (let trial = 0; trial < 300; trial++) {
      const cells = 4 + next(20);
      const lines = Array.from({ length: 1 + next(cells) }, () => {
        const members = [...new Set(Array.from({ length: 1 + next(4) }, () => next(cells)))];
        const total = next(cells);
        return { total, members: members.filter((m) => m !== total) };
      }).filter((l) => l.members.length > 0);
      const hidden = Array.from({ length: cells }, () => next(3) > 0);
      // Reference: reduce each unit vector against the lines' echelon form.
      const span = new SparseSpan();
      for (const l of lines) {
        const row = new Map<number, number>();
        for (const m of l.members) if (hidden[m]) row.set(m, (row.get(m) ?? 0) + 1);
        if (hidden[l.total]) row.set(l.total, (row.get(l.total) ?? 0) - 1 + 1_000_003);
        if (row.size > 0) span.add(row);
      }
      const expected = hidden.flatMap((h, c) => (h && span.combination(new Map([[c, 1]])) !== null ? [c] : []));
      determinedSeen += expected.length;
      expect(determinedCells(cells, lines, hidden).sort((a, b) => a - b)).toEqual(expected);
    }
    expect(determinedSeen).toBeGreaterThan(50);
  });

  it('a small cell pinned through a chain of lines whose own lines hold no shown cell: a shown cell of the chain is hidden', () => {
    // h = x − y (line x = h + y), x = S1 − u, y = S2 − u: h = S1 − S2 with every cell of h's own line hidden. u is
    // large (no finest-cell audit), S1 and S2 are the department's headline counts (hidden last).
    const l = new Ledger(5);
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    const h = l.cell('m', [1, 2]);
    const y = l.cell('m', [3]);
    const x = l.cell('m', [1, 2, 3]);
    const u = l.cell('m', range(10, 300));
    const s1 = l.cell('m', [1, 2, 3, ...range(10, 300)], 'headline');
    const s2 = l.cell('m', [3, ...range(10, 300)], 'headline');
    const lines = [
      { total: x, members: [h, y] },
      { total: s1, members: [x, u] },
      { total: s2, members: [y, u] },
    ];
    for (const line of lines) l.line(line.total, line.members);
    l.seal();
    const hidden = Array.from({ length: 6 }, (_, c) => l.isHidden(c));
    expect(hidden[h] && hidden[x] && hidden[y]).toBe(true);
    expect(l.why.get(s1) ?? l.why.get(s2)).toMatch(/^audit/);
    expect(determinedCells(6, lines, hidden)).not.toContain(h);
    // Before, with u hidden by the line rule and S1, S2 shown: S1 − S2 = 2 gave h away (the lines through h held
    // nothing to hide). The lines a reader combines are those of the chain.
    const before = [true, true, true, true, false, false];
    expect(determinedCells(6, lines, before)).toContain(h);
    expect(linesDetermining(lines, before, [h]).get(h)!.sort()).toEqual([0, 1, 2]);
  });

  it('bounds audit: a hidden count a reader computes exactly (of k or more) narrows the small ones beside it', () => {
    // L = a + b, L = 8 hidden (k = 5) but known from elsewhere: a, b « < 5 » are then 4 each.
    const lines = [{ total: 0, members: [1, 2] }];
    expect(boundsPinnedByLines([8, 4, 4], lines, [true, true, true], 5)).toEqual([]);
    expect(boundsPinnedByLines([8, 4, 4], lines, [true, true, true], 5, [], new Set([0])).sort()).toEqual([1, 2]);
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
