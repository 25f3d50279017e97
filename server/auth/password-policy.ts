import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  if (common) return common;
  const file = resolve(dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
  common = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map(normalise),
  );
  return common;
}

/** Lower case without accents, so « Française » and « francaise » are the same word. */
function normalise(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function isSequence(value: string): boolean {
  if (value.length < 3) return false;
  const codes = [...value].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) <= 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/**
 * Returns the French reason a password is refused, or null when it is acceptable. Length first (NIST SP 800-63B:
 * length beats composition rules), then the common-password list, checked on the whole password and on its
 * stem (digits and symbols removed at both ends, so « motdepasse123! » is refused like « motdepasse »).
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (length > MAX_PASSWORD_LENGTH) return `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
  const plain = normalise(password);
  const stem = plain.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = commonPasswords();
  if (list.has(plain) || list.has(stem) || list.has(plain.replace(/\s+/g, ''))) {
    return 'Ce mot de passe est trop courant : choisissez-en un autre (une phrase de plusieurs mots, par exemple).';
  }
  if (new Set(plain).size <= 2 || isSequence(plain) || stem.length < 4) {
    return 'Ce mot de passe est trop facile à deviner : choisissez-en un autre (une phrase de plusieurs mots, par exemple).';
  }
  const local = context.email ? normalise(context.email.split('@')[0] ?? '') : '';
  if (local.length >= 4 && plain.includes(local)) return 'Le mot de passe ne doit pas contenir votre adresse e-mail.';
  return null;
}
