import { z } from 'zod';
import { publicRoute, staffRoute, ALL_STAFF, HANDLED } from '../http/route.ts';
import { LoginInput, login, describeActor } from './login.ts';
import { setSessionCookie, clearSessionCookie, destroySession, sessionCookieName } from './session.ts';
import { USER_ROLES } from '../../db/schema/index.ts';
import { audit } from '../audit/audit.ts';
import { ChoosePasswordInput, PasswordLinkInput, choosePassword, describePasswordLink } from './password-link.ts';

const Me = z.object({
  email: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  department: z.object({ id: z.number(), name: z.string() }),
  association: z.object({ id: z.number(), name: z.string() }).nullable(),
});

export const authRoutes = [
  publicRoute({
    method: 'post',
    path: '/api/password-link',
    summary: 'Ce que dit un lien de mot de passe à usage unique : le compte, et pourquoi (création, ou réinitialisation : quand et par qui)',
    tags: ['session'],
    access: 'public',
    body: PasswordLinkInput,
    response: z.object({ email: z.string(), reason: z.enum(['creation', 'reinitialisation']), issuedAt: z.string(), issuedBy: z.string().nullable(), expiresAt: z.string() }),
    handler: (ctx, { body }) => describePasswordLink(ctx, body),
  }),
  publicRoute({
    method: 'put',
    path: '/api/password-link',
    summary: 'Choisit son mot de passe avec le lien à usage unique (le lien est alors épuisé)',
    tags: ['session'],
    access: 'public',
    body: ChoosePasswordInput,
    response: z.object({ email: z.string() }),
    handler: (ctx, { body }) => choosePassword(ctx, body),
  }),
  publicRoute({
    method: 'post',
    path: '/api/session',
    summary: 'Connexion du personnel (e-mail et mot de passe)',
    tags: ['session'],
    access: 'public',
    body: LoginInput,
    response: Me,
    handler: async (ctx, { body }, _req, res) => {
      const { token, actor } = await login(ctx, body);
      setSessionCookie(res, token, ctx.config.secureCookies);
      return describeActor(ctx, actor);
    },
  }),
  staffRoute({
    method: 'get',
    path: '/api/session',
    summary: 'Utilisateur connecté',
    tags: ['session'],
    access: ALL_STAFF,
    response: Me,
    handler: (ctx) => describeActor(ctx, ctx.actor),
  }),
  staffRoute({
    method: 'delete',
    path: '/api/session',
    summary: 'Déconnexion (la session est supprimée sur le serveur)',
    tags: ['session'],
    access: ALL_STAFF,
    status: 204,
    handler: (ctx, _input, req, res) => {
      const token = req.cookies?.[sessionCookieName(ctx.config.secureCookies)];
      audit(ctx, { action: 'deconnexion', target: `user:${ctx.actor.userId}` });
      if (typeof token === 'string') destroySession(ctx, token);
      clearSessionCookie(res, ctx.config.secureCookies);
      res.status(204).end();
      return HANDLED;
    },
  }),
];
