/**
 * What the phone keeps for one questionnaire, in localStorage, until the answers are sent: the answers and the
 * current question (resume even offline), whether the server already has them, and the submission waiting for
 * the network. Keyed by the questionnaire's public id (never the token, which stays in an HttpOnly cookie).
 */
export interface Kept {
  answers: Record<string, unknown>;
  /** Name of the question on screen. */
  question?: string;
  /** True once the server acknowledged this exact state (then a newer server draft, from another phone, wins). */
  synced: boolean;
  /** Generated once per questionnaire: a retried submission can never create a second response. */
  idempotencyKey: string;
  /** Set when "Envoyer" was pressed and the server has not confirmed yet. */
  pending?: boolean;
}

const storageKey = (publicId: string) => `impact-mentorat:questionnaire:${publicId}`;

// localStorage throws in some private modes or when full: the questionnaire must keep working without it.
export function loadKept(publicId: string): Kept | null {
  try {
    const raw = localStorage.getItem(storageKey(publicId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Kept>;
    if (typeof value !== 'object' || value === null || typeof value.answers !== 'object' || typeof value.idempotencyKey !== 'string') return null;
    return value as Kept;
  } catch {
    return null;
  }
}

export function saveKept(publicId: string, kept: Kept): void {
  try {
    localStorage.setItem(storageKey(publicId), JSON.stringify(kept));
  } catch {
    // Nothing else to do: the server draft still holds the answers.
  }
}

/** Called once the server has the answers (or refused them for good): nothing stays on a possibly shared phone. */
export function forgetKept(publicId: string): void {
  try {
    localStorage.removeItem(storageKey(publicId));
  } catch {
    // ignore
  }
}

export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `/r/<publicId>` → publicId. */
export function publicIdFromPath(pathname: string): string | null {
  const match = /^\/r\/([A-Za-z0-9_-]{22})(?:\/|$)/.exec(pathname);
  return match?.[1] ?? null;
}
