import { cloneElement, useState, type InputHTMLAttributes, type ReactElement } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { apiQuery, client, ok, useApiMutation, type ApiBody, type ApiData, type ApiResult, type Me } from '../api.ts';
import { USER_ROLES } from '../../../../db/schema/enums.ts';
import { showServerErrors } from '../shared/forms.ts';
import { formatParisDateTime } from '../shared/paris-date.ts';

type Role = Me['role'];
type Account = ApiData<'/api/users'>['users'][number];
type PasswordLink = ApiResult<'/api/users/{id}/password', 'post'>['passwordLink'];

// The address and the association are checked by the server (its messages come back under the fields); the form
// only says what it can tell by itself.
const FormSchema = z
  .object({ email: z.string(), displayName: z.string(), role: z.enum(USER_ROLES), associationId: z.string() })
  .refine((v) => v.role !== 'responsable_association' || v.associationId !== '', { path: ['associationId'], error: 'Choisissez l’association de ce compte.' });
type FormValues = z.infer<typeof FormSchema>;
const FIELD_NAMES = Object.keys(FormSchema.shape);
const EMPTY: FormValues = { email: '', displayName: '', role: 'evaluateur', associationId: '' };

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administration du département',
  evaluateur: 'Chargé·e de mission (évaluation)',
  responsable_association: 'Responsable reporting d’une association',
};

/** Comptes: the department administrator creates, disables and changes the role of accounts. */
export function AccountsPage({ me }: { me: Me }) {
  const accounts = useQuery(apiQuery('/api/users'));
  const data = accounts.data ?? null;
  const [failure, setError] = useState<string | null>(null);
  const error = failure ?? accounts.error?.message ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<{ email: string; reason: 'creation' | 'reinitialisation'; link: PasswordLink } | null>(null);
  const form = useForm<FormValues>({ resolver: zodResolver(FormSchema), defaultValues: EMPTY });
  const role = form.watch('role');
  const fieldError = (name: keyof FormValues) => form.formState.errors[name]?.message;

  // Every write refetches every cached answer (useApiMutation): an account change shows in the list and the audit log.
  const createAccount = useApiMutation((body: ApiBody<'/api/users', 'post'>) => ok(client.POST('/api/users', { body })));
  const updateAccount = useApiMutation(({ id, ...body }: { id: number } & ApiBody<'/api/users/{id}', 'patch'>) =>
    ok(client.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
  );
  const resetPassword = useApiMutation((id: number) => ok(client.POST('/api/users/{id}/password', { params: { path: { id } }, body: {} })));
  const busy = createAccount.isPending || updateAccount.isPending || resetPassword.isPending;

  /** Runs a write, then says what it did, or shows the server's French refusal. */
  async function run<T>(write: Promise<T>, success: string): Promise<T | null> {
    setError(null);
    setNotice(null);
    try {
      const result = await write;
      setNotice(success);
      return result;
    } catch (e) {
      setError((e as Error).message);
      return null;
    }
  }

  const create = form.handleSubmit(async (values) => {
    setError(null);
    setNotice(null);
    const lead = values.role === 'responsable_association';
    try {
      const res = await createAccount.mutateAsync({ email: values.email, role: values.role, displayName: values.displayName, associationId: lead ? Number(values.associationId) : undefined });
      setNotice(`Le compte ${res.user.email} a été créé.`);
      setHandOver({ email: res.user.email, reason: 'creation', link: res.passwordLink });
      // The next account is often of the same kind: role and association stay chosen.
      form.reset({ ...EMPTY, role: values.role, associationId: values.associationId });
    } catch (e) {
      setError(showServerErrors(e, form.setError, FIELD_NAMES));
    }
  });

  const update = (account: Account, body: ApiBody<'/api/users/{id}', 'patch'>, success: string) => run(updateAccount.mutateAsync({ id: account.id, ...body }), success);

  const reset = async (account: Account) => {
    const res = await run(
      resetPassword.mutateAsync(account.id),
      `Le mot de passe de ${account.email} est réinitialisé : l’ancien ne fonctionne plus et ses sessions ouvertes ont été fermées.`,
    );
    if (res) setHandOver({ email: account.email, reason: 'reinitialisation', link: res.passwordLink });
  };

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
        <form onSubmit={create} className="filters" noValidate>
          <Field id="compte-email" label="Adresse e-mail" error={fieldError('email')}>
            <input type="email" required autoComplete="off" {...form.register('email')} />
          </Field>
          <Field id="compte-nom" label="Nom affiché (facultatif)" error={fieldError('displayName')}>
            <input maxLength={100} {...form.register('displayName')} />
          </Field>
          <Field id="compte-role" label="Rôle" error={fieldError('role')}>
            <select {...form.register('role')}>
              {USER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_NAMES[r]}
                </option>
              ))}
            </select>
          </Field>
          {role === 'responsable_association' && (
            <Field id="compte-association" label="Association" error={fieldError('associationId')}>
              <select required {...form.register('associationId')}>
                <option value="">—</option>
                {data?.associations.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </Field>
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
                            onChange={(e) => update(u, { role: e.target.value as Role }, `Le rôle de ${u.email} a été modifié.`)}
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

/** A labelled field of the creation form, with the message that concerns it read out with it. */
function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: ReactElement<InputHTMLAttributes<HTMLElement>> }) {
  return (
    <div className={error ? 'field field-error' : undefined}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-erreur` : undefined })}
      {error && (
        <p className="error" id={`${id}-erreur`}>
          {error}
        </p>
      )}
    </div>
  );
}
