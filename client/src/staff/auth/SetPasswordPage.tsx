import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { formatParisDateTime } from '../shared/paris-date.ts';

interface LinkInfo {
  email: string;
  reason: 'creation' | 'reinitialisation';
  issuedAt: string;
  issuedBy: string | null;
  expiresAt: string;
}

/** The token travels in the address fragment (never sent to the server nor logged); read once, then erased from the bar. */
function takeToken(): string {
  const token = location.hash.slice(1);
  if (token) history.replaceState(null, '', location.pathname);
  return token;
}

/**
 * `/mot-de-passe#<jeton>`: the one-time link an administrator hands over when creating an account or resetting
 * its password. The person is told which account, why, when and by whom, then chooses their own password.
 */
export function SetPasswordPage({ onDone }: { onDone: () => void }) {
  const [token] = useState(takeToken);
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!token) {
      setError('Ce lien est incomplet : ouvrez le lien reçu en entier, ou demandez-en un nouveau à l’administration de votre département.');
      return;
    }
    api<LinkInfo>('/password-link', { method: 'POST', body: { token } }).then(setInfo, (e: Error) => setError(e.message));
  }, [token]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('confirmation') ?? '')) {
      setError('Les deux mots de passe saisis sont différents.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ email: string }>('/password-link', { method: 'PUT', body: { token, password } });
      setDone(res.email);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="contenu" className="login">
      <h1>Choisir votre mot de passe</h1>
      {done ? (
        <>
          <p role="status">Votre mot de passe est enregistré pour {done}. Le lien ne peut plus servir.</p>
          <button type="button" onClick={onDone}>
            Se connecter
          </button>
        </>
      ) : (
        <>
          {info && (
            <p role="status">
              {info.reason === 'reinitialisation' ? (
                <>
                  Le mot de passe du compte <strong>{info.email}</strong> a été réinitialisé le {formatParisDateTime(info.issuedAt)}
                  {info.issuedBy ? ` par ${info.issuedBy}` : ''} (administration de votre département) : l’ancien ne fonctionne plus et vos sessions
                  ouvertes ont été fermées. Si vous n’avez rien demandé, prévenez votre département.
                </>
              ) : (
                <>
                  Un compte <strong>{info.email}</strong> a été créé pour vous le {formatParisDateTime(info.issuedAt)}
                  {info.issuedBy ? ` par ${info.issuedBy}` : ''}.
                </>
              )}{' '}
              Ce lien sert une seule fois, jusqu’au {formatParisDateTime(info.expiresAt)}.
            </p>
          )}
          {info && (
            <form onSubmit={submit}>
              <input type="email" name="email" value={info.email} autoComplete="username" readOnly hidden />
              <label htmlFor="nouveau-mot-de-passe">Nouveau mot de passe (12 caractères au moins ; une phrase de plusieurs mots, par exemple)</label>
              <input id="nouveau-mot-de-passe" name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={256} />
              <label htmlFor="confirmation-mot-de-passe">Le même mot de passe, une seconde fois</label>
              <input id="confirmation-mot-de-passe" name="confirmation" type="password" autoComplete="new-password" required />
              {error && (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" disabled={busy}>
                Enregistrer mon mot de passe
              </button>
            </form>
          )}
          {!info && error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </main>
  );
}
