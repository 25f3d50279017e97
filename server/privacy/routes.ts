import { z } from 'zod';
import { staffRoute, ASSOCIATION_LEAD } from '../http/route.ts';
import { MentorshipExport } from './responses.ts';
import { IdParam } from '../http/validation.ts';
import { AUDIENCES } from '../../db/schema/index.ts';
import { RightsRequestInput, eraseMentorship, exportMentorship, mentorshipComments } from './mentorship.ts';

export const privacyRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/mentorships/:id/comments',
    summary: 'Réponses en texte libre d’un mentorat : visibles seulement par l’association qui l’a suivi',
    tags: ['confidentialité'],
    access: ASSOCIATION_LEAD,
    params: IdParam,
    response: z.object({
      mentorshipId: z.number(),
      comments: z.array(z.object({ audience: z.enum(AUDIENCES), question: z.string(), text: z.string(), submittedAt: z.string() })),
    }),
    handler: (ctx, { params }) => mentorshipComments(ctx, params.id),
  }),
  staffRoute({
    method: 'post',
    path: '/api/mentorships/:id/export',
    summary: 'Export JSON de tout ce qui est conservé sur un mentorat, pour une demande d’exercice de droits documentée (droit et référence obligatoires, inscrits au journal)',
    tags: ['confidentialité'],
    access: ['admin'],
    params: IdParam,
    body: RightsRequestInput,
    response: MentorshipExport,
    handler: (ctx, { params, body }) => exportMentorship(ctx, params.id, body),
  }),
  staffRoute({
    method: 'delete',
    path: '/api/mentorships/:id',
    summary: 'Supprime un mentorat et tout ce qui s’y rattache (liens révoqués, réponses, valeurs d’indicateurs)',
    tags: ['confidentialité'],
    access: ['admin', 'responsable_association'],
    params: IdParam,
    status: 204,
    handler: (ctx, { params }) => eraseMentorship(ctx, params.id),
  }),
];
