import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../server/auth/password-policy.ts';

describe('password policy', () => {
  it('refuses short passwords, in French', () => {
    expect(passwordProblem('court123')).toMatch(/au moins 12 caractères/);
    expect(passwordProblem('onze-caract')).toMatch(/au moins 12/);
  });

  it('refuses common passwords, also with digits or symbols around, accents and case ignored', () => {
    for (const p of ['motdepasse123', 'azertyuiop12', 'MotDePasse2026!', 'password1234', '123456789012', 'Française2024!!', 'qwertyuiop12', '  soleil123456']) {
      expect(passwordProblem(p), p).toMatch(/trop courant|trop facile/);
    }
  });

  it('refuses trivial patterns and the e-mail address', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/trop facile/);
    expect(passwordProblem('abcdefghijklmnopq')).toMatch(/trop (courant|facile)/);
    expect(passwordProblem('camille.durand-2026', { email: 'camille.durand@exemple.fr' })).toMatch(/adresse e-mail/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('cheval agrafe batterie correcte')).toBeNull();
    expect(passwordProblem('Le mentorat change des vies 93')).toBeNull();
  });
});
