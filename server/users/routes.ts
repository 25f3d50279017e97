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

export const userRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/users',
    summary: 'Comptes du département et des associations partenaires',
    tags: ['comptes'],
    access: ['admin'],
    response: z.object({ users: z.array(UserView), associations: z.array(z.object({ id: z.number(), name: z.string() })) }),
    handler: (ctx) => listUsers(ctx),
  }),
  staffRoute({
    method: 'post',
    path: '/api/users',
    summary: 'Crée un compte (mot de passe généré et montré une seule fois s’il n’est pas fourni)',
    tags: ['comptes'],
    access: ['admin'],
    body: CreateUserInput,
    response: z.object({ user: UserView, generatedPassword: z.string().optional() }),
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
    summary: 'Génère un nouveau mot de passe (montré une seule fois) et ferme les sessions du compte',
    tags: ['comptes'],
    access: ['admin'],
    params: UserIdParam,
    body: NoBody,
    response: z.object({ generatedPassword: z.string() }),
    handler: (ctx, { params }) => resetPassword(ctx, params.id),
  }),
];
