import { staffRoute, ALL_STAFF, ASSOCIATION_LEAD } from '../http/route.ts';
import { MentorList, SavedMentor } from './responses.ts';
import { IdParam } from '../http/validation.ts';
import { MentorInput, UpdateMentorInput, createMentor, listMentors, updateMentor } from './mentors.ts';

const LABELS = { id: 'Identifiant du mentor', reference: 'Référence du mentor', trainedOn: 'Date de formation' };

export const mentorRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/mentors',
    summary: 'Mentors de l’association (ou de toutes les associations du département), avec leurs mentorats',
    tags: ['mentors'],
    labels: LABELS,
    access: ALL_STAFF,
    response: MentorList,
    handler: (ctx) => listMentors(ctx),
  }),
  staffRoute({
    method: 'post',
    path: '/api/mentors',
    summary: 'Ajoute un mentor (référence, date de formation)',
    tags: ['mentors'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    body: MentorInput,
    status: 201,
    response: SavedMentor,
    handler: (ctx, { body }) => createMentor(ctx, body),
  }),
  staffRoute({
    method: 'patch',
    path: '/api/mentors/:id',
    summary: 'Modifie la référence ou la date de formation d’un mentor',
    tags: ['mentors'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: IdParam,
    body: UpdateMentorInput,
    response: SavedMentor,
    handler: (ctx, { params, body }) => updateMentor(ctx, params.id, body),
  }),
];
