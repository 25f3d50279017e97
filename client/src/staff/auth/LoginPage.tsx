import { useState, type FormEvent } from 'react';
import { client, ok, type Me } from '../api.ts';

type DepartmentChoice = Me['department'];

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<{ me: Me; departments: DepartmentChoice[] } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const me = await ok(client.POST('/api/session', { body: { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') } }));
      // An association working with several departments chooses where it acts (kept in the server-side session).
      const departments = me.role === 'responsable_association' ? await ok(client.GET('/api/session/departments')) : [];
      if (departments.length > 1) setChoice({ me, departments });
      else onLoggedIn(me);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function chooseDepartment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const departmentId = Number(new FormData(event.currentTarget).get('departement'));
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await ok(client.PUT('/api/session/department', { body: { departmentId } })));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (choice) {
    return (
      <main id="contenu" className="login">
        <h1>Choisir le département</h1>
        <p>{choice.me.association?.name} travaille avec plusieurs départements. Vous verrez et saisirez uniquement les mentorats du département choisi ; pour en changer, reconnectez-vous.</p>
        <form onSubmit={chooseDepartment}>
          <fieldset>
            <legend>Département</legend>
            {choice.departments.map((d) => (
              <div key={d.id}>
                <input type="radio" id={`departement-${d.id}`} name="departement" value={d.id} defaultChecked={d.id === choice.me.department.id} />
                <label htmlFor={`departement-${d.id}`}>{d.name}</label>
              </div>
            ))}
          </fieldset>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" disabled={busy}>
            Continuer
          </button>
        </form>
      </main>
    );
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
