import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiQuery, type Me } from '../api.ts';
import { formatParisDateTime } from '../shared/paris-date.ts';

type Role = Me['role'];
interface Account {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  association: { id: number; name: string } | null;
  createdAt: string;
  disabled: boolean;
}
interface PasswordLink {
  url: string;
  expiresAt: string;
}
interface AccountsData {
  users: Account[];
  associations: { id: number; name: string }[];
}

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administration du département',
  evaluateur: 'Chargé·e de mission (évaluation)',
  responsable_association: 'Responsable reporting d’une association',
};

/** Comptes: the department administrator creates, disables and changes the role of accounts. */
export function AccountsPage({ me }: { me: Me }) {
  const accounts = useQuery(apiQuery('/api/users'));
  const data = (accounts.data as AccountsData | undefined) ?? null;
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? accounts.error?.message ?? null;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<{ email: string; reason: 'creation' | 'reinitialisation'; link: PasswordLink } | null>(null);
  const [role, setRole] = useState<Role>('evaluateur');
  const [busy, setBusy] = useState(false);


  async function run(action: () => Promise<unknown>, success: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(success);
      // An account change may show anywhere (lists of accounts, the audit log): every cached answer is refetched.
      await queryClient.invalidateQueries();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    const email = String(form.get('email') ?? '');
    await run(async () => {
      const body: Record<string, unknown> = { email, role, displayName: String(form.get('displayName') ?? '') };
      if (role === 'responsable_association') body.associationId = Number(form.get('associationId'));
      const res = await api<{ user: Account; passwordLink: PasswordLink }>('/users', { method: 'POST', body });
      setHandOver({ email: res.user.email, reason: 'creation', link: res.passwordLink });
      target.reset();
    }, `Le compte ${email} a été créé.`);
  }

  const update = (account: Account, body: Record<string, unknown>, success: string) =>
    run(() => api(`/users/${account.id}`, { method: 'PATCH', body }), success);

  const reset = (account: Account) =>
    run(async () => {
      const res = await api<{ passwordLink: PasswordLink }>(`/users/${account.id}/password`, { method: 'POST', body: {} });
      setHandOver({ email: account.email, reason: 'reinitialisation', link: res.passwordLink });
    }, `Le mot de passe de ${account.email} est réinitialisé : l’ancien ne fonctionne plus et ses sessions ouvertes ont été fermées.`);

  return (
    <>
      <p>
        Les comptes que le département a créés : son personnel et les responsables reporting de ses associations partenaires (une association qui
        travaille aussi avec un autre département y a un compte distinct, géré par ce département). Un compte désactivé ne peut plus se
        connecter ; un changement de rôle ferme les sessions ouvertes du compte. Chaque action est inscrite au journal d’audit.
      </p>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {handOver && (
        <section className="panel success" aria-labelledby="lien-titre">
          <h2 id="lien-titre">Lien à transmettre à {handOver.email}</h2>
          <p>
            Aucun mot de passe ne vous est communiqué : avec ce lien, la personne choisit elle-même le sien
            {handOver.reason === 'reinitialisation' ? ' ; la page lui indique que son mot de passe a été réinitialisé, quand et par qui' : ''}. Il
            sert une seule fois et expire le {formatParisDateTime(handOver.link.expiresAt)}. Transmettez-le à cette personne seulement, par un
            canal sûr ; il n’est affiché qu’ici.
          </p>
          <p>
            <code>{handOver.link.url}</code>
          </p>
          <button type="button" onClick={() => setHandOver(null)}>
            C’est transmis
          </button>
        </section>
      )}

      <section aria-labelledby="nouveau-compte">
        <h2 id="nouveau-compte">Créer un compte</h2>
        <form onSubmit={create} className="filters">
          <div>
            <label htmlFor="compte-email">Adresse e-mail</label>
            <input id="compte-email" name="email" type="email" required autoComplete="off" />
          </div>
          <div>
            <label htmlFor="compte-nom">Nom affiché (facultatif)</label>
            <input id="compte-nom" name="displayName" maxLength={100} />
          </div>
          <div>
            <label htmlFor="compte-role">Rôle</label>
            <select id="compte-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {(Object.keys(ROLE_NAMES) as Role[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
          </div>
          {role === 'responsable_association' && (
            <div>
              <label htmlFor="compte-association">Association</label>
              <select id="compte-association" name="associationId" required>
                {data?.associations.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" disabled={busy}>
            Créer le compte
          </button>
        </form>
        <p className="hint">Vous recevez un lien à usage unique (valable 72 heures) à transmettre : la personne y choisit son mot de passe.</p>
      </section>

      <section aria-labelledby="liste-comptes">
        <h2 id="liste-comptes">Comptes ({data?.users.length ?? '…'})</h2>
        {!data && !error && <p role="status">Chargement…</p>}
        {data && (
          <table>
            <caption className="sr-only">Comptes du département et des associations partenaires</caption>
            <thead>
              <tr>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Nom</th>
                <th scope="col">Rôle</th>
                <th scope="col">Association</th>
                <th scope="col">État</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => {
                const self = u.email === me.email;
                return (
                  <tr key={u.id}>
                    <th scope="row">{u.email}</th>
                    <td>{u.displayName || '—'}</td>
                    <td>
                      {self || u.role === 'responsable_association' ? (
                        ROLE_NAMES[u.role]
                      ) : (
                        <>
                          <label className="sr-only" htmlFor={`role-${u.id}`}>
                            Rôle de {u.email}
                          </label>
                          <select
                            id={`role-${u.id}`}
                            value={u.role}
                            disabled={busy}
                            onChange={(e) => update(u, { role: e.target.value }, `Le rôle de ${u.email} a été modifié.`)}
                          >
                            <option value="admin">{ROLE_NAMES.admin}</option>
                            <option value="evaluateur">{ROLE_NAMES.evaluateur}</option>
                          </select>
                        </>
                      )}
                    </td>
                    <td>{u.association?.name ?? '—'}</td>
                    <td>{u.disabled ? 'Désactivé' : 'Actif'}</td>
                    <td>
                      {!self && (
                        <span className="actions">
                          <button
                            type="button"
                            className="link"
                            disabled={busy}
                            onClick={() => update(u, { disabled: !u.disabled }, u.disabled ? `${u.email} est réactivé.` : `${u.email} est désactivé.`)}
                          >
                            {u.disabled ? 'Réactiver' : 'Désactiver'}
                            <span className="sr-only"> {u.email}</span>
                          </button>
                          <button type="button" className="link" disabled={busy} onClick={() => reset(u)}>
                            Réinitialiser le mot de passe<span className="sr-only"> de {u.email}</span>
                          </button>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
