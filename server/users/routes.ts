import { z } from 'zod';
import { staffRoute } from '../http/route.ts';
import { USER_ROLES } from '../../db/schema/index.ts';
import { CreateUserInput, UpdateUserInput, UserIdParam, createUser, listUsers, resetPassword, updateUser } from './manage.ts';

const UserView = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  association: z.object({ id: z.number(), name: z.string() }).nullable(),
  createdAt: z.string(),
  disabled: z.boolean(),
});
const NoBody = z.strictObject({});
/** The one-time link the administrator hands over; the person chooses their password with it. */
const PasswordLink = z.object({ url: z.string(), expiresAt: z.string() });

export const userRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/users',
    summary: 'Comptes que le département possède : son personnel et les responsables d’association qu’il a créés',
    tags: ['comptes'],
    access: ['admin'],
    response: z.object({ users: z.array(UserView), associations: z.array(z.object({ id: z.number(), name: z.string() })) }),
    handler: (ctx) => listUsers(ctx),
  }),
  staffRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Crée un compte appartenant au département ; renvoie un lien à usage unique (72 h) pour que la personne choisisse son mot de passe',
    tags: ['comptes'],
    access: ['admin'],
    body: CreateUserInput,
    response: z.object({ user: UserView, passwordLink: PasswordLink }),
    status: 201,
    handler: (ctx, { body }) => createUser(ctx, body),
  }),
  staffRoute({
    method: 'patch',
    path: '/api/users/:id',
    summary: 'Modifie le rôle, l’association ou le nom d’un compte, ou le désactive (ses sessions sont fermées)',
    tags: ['comptes'],
    access: ['admin'],
    params: UserIdParam,
    body: UpdateUserInput,
    response: UserView,
    handler: (ctx, { params, body }) => updateUser(ctx, params.id, body),
  }),
  staffRoute({
    method: 'post',
    path: '/api/users/:id/password',
    summary: 'Réinitialise le mot de passe : l’ancien cesse de fonctionner, les sessions sont fermées, un lien à usage unique est renvoyé (jamais un mot de passe)',
    tags: ['comptes'],
    access: ['admin'],
    params: UserIdParam,
    body: NoBody,
    response: z.object({ passwordLink: PasswordLink }),
    handler: (ctx, { params }) => resetPassword(ctx, params.id),
  }),
];
