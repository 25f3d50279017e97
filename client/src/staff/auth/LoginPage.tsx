import { useState, type FormEvent } from 'react';
import { client, ok, type Me } from '../api.ts';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      // The account acts in the department that owns it: the answer already says which.
      onLoggedIn(await ok(client.POST('/api/session', { body: { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') } })));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="contenu" className="login">
      <h1>Impact Mentorat</h1>
      <p>Mesurer ce que le mentorat change pour les jeunes de l’ASE.</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="email">Adresse e-mail</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Mot de passe</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Se connecter
        </button>
      </form>
      <p className="hint">
        Mot de passe oublié ? L’administration de votre département peut le réinitialiser : vous recevrez un lien à usage unique pour en choisir
        un nouveau. Après plusieurs essais infructueux depuis votre appareil, chaque nouvel essai doit attendre un peu plus longtemps.
      </p>
    </main>
  );
}
