/**
 * Who reads unmasked figures: the one rule of issue 17.9, applied in one place (resolveScope).
 * Statistical secrecy protects young people from readers outside their association, not an association from its
 * own rows, which it keys in itself: an association lead reads its own operational counts unmasked on screen.
 * What leaves the association is masked: every department view (evaluator, admin), and every export (CSV,
 * workbook, printable report) whoever downloads it, since a file travels (steering committee, e-mail).
 */
import type { Actor } from '../../context.ts';

export type Purpose = 'screen' | 'export';

export function isMasked(actor: Pick<Actor, 'associationId'>, purpose: Purpose): boolean {
  return !(purpose === 'screen' && actor.associationId !== null);
}

/** The threshold actually applied: 1 hides nothing (no count lies in 1..0). */
export const effectiveThreshold = (departmentK: number, masked: boolean) => (masked ? departmentK : 1);
