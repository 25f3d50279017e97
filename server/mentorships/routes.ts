import { z } from 'zod';
import { staffRoute, ALL_STAFF, ASSOCIATION_LEAD } from '../http/route.ts';
import { IdParam } from '../http/validation.ts';
import { ListMentorshipsInput, getMentorship, listMentorships } from './read.ts';
import { CloseMentorshipInput, closeMentorship } from './close.ts';
import { AUDIENCES } from '../../db/schema/index.ts';

const ClosedMentorship = z.object({
  id: z.number(),
  status: z.string(),
  endedOn: z.string(),
  links: z.array(z.object({ audience: z.enum(AUDIENCES), url: z.string(), expiresAt: z.string(), questionnaireVersionId: z.number() })),
});

export const mentorshipRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/mentorships',
    summary: 'Mentorats visibles par l’utilisateur (son association, ou tout le département)',
    tags: ['mentorats'],
    access: ALL_STAFF,
    query: ListMentorshipsInput,
    handler: (ctx, { query }) => listMentorships(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/mentorships/:id',
    summary: 'Un mentorat et l’état de ses liens de questionnaire',
    tags: ['mentorats'],
    access: ALL_STAFF,
    params: IdParam,
    handler: (ctx, { params }) => getMentorship(ctx, params.id),
  }),
  staffRoute({
    method: 'post',
    path: '/api/mentorships/:id/close',
    summary: 'Clôture un mentorat et émet ses deux liens de questionnaire (montrés une seule fois)',
    tags: ['mentorats'],
    access: ASSOCIATION_LEAD,
    params: IdParam,
    body: CloseMentorshipInput,
    response: ClosedMentorship,
    status: 201,
    handler: (ctx, { params, body }) => closeMentorship(ctx, params.id, body),
  }),
];
