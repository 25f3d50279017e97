import { useState, type FormEvent } from 'react';
import { api, type Me } from '../api.ts';

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await api<Me>('/session', { method: 'POST', body: { email: form.get('email'), password: form.get('password') } }));
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
    </main>
  );
}
