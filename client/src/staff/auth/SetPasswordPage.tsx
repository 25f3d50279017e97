import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { client, ok } from '../api.ts';
import { formatParisDateTime } from '../shared/paris-date.ts';

// The password rules (length, too common…) are the server's: its French message comes back in the banner.
const FormSchema = z
  .object({ password: z.string(), confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], error: 'Les deux mots de passe saisis sont différents.' });
type FormValues = z.infer<typeof FormSchema>;

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
  // Read once: the link is spent as soon as the password is chosen, asking again would only say so.
  const link = useQuery({
    queryKey: ['/api/password-link', token],
    queryFn: () => ok(client.POST('/api/password-link', { body: { token } })),
    enabled: token !== '',
    staleTime: Infinity,
  });
  const info = link.data ?? null;
  // Nobody is logged in on this page: no cached staff answer to refresh, hence a plain mutation (useApiMutation
  // would refetch the description of the link just spent).
  const choose = useMutation({ mutationFn: (password: string) => ok(client.PUT('/api/password-link', { body: { token, password } })) });
  const done = choose.data?.email ?? null;
  const form = useForm<FormValues>({ resolver: zodResolver(FormSchema), defaultValues: { password: '', confirmation: '' } });
  const mismatch = form.formState.errors.confirmation?.message;
  const error = !token
    ? 'Ce lien est incomplet : ouvrez le lien reçu en entier, ou demandez-en un nouveau à l’administration de votre département.'
    : (link.error?.message ?? choose.error?.message ?? null);
  const submit = form.handleSubmit((values) => choose.mutate(values.password));

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
            <form onSubmit={submit} noValidate>
              <input type="email" name="email" value={info.email} autoComplete="username" readOnly hidden />
              <label htmlFor="nouveau-mot-de-passe">Nouveau mot de passe (12 caractères au moins ; une phrase de plusieurs mots, par exemple)</label>
              <input id="nouveau-mot-de-passe" type="password" autoComplete="new-password" required minLength={12} maxLength={256} {...form.register('password')} />
              <label htmlFor="confirmation-mot-de-passe">Le même mot de passe, une seconde fois</label>
              <input
                id="confirmation-mot-de-passe"
                type="password"
                autoComplete="new-password"
                required
                aria-invalid={mismatch ? true : undefined}
                aria-describedby={mismatch ? 'confirmation-mot-de-passe-erreur' : undefined}
                {...form.register('confirmation')}
              />
              {mismatch && (
                <p className="error" id="confirmation-mot-de-passe-erreur">
                  {mismatch}
                </p>
              )}
              {error && (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit" disabled={choose.isPending}>
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
