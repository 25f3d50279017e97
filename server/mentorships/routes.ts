import { z } from 'zod';
import { staffRoute, ALL_STAFF, ASSOCIATION_LEAD, HANDLED } from '../http/route.ts';
import { MentorshipDetail, MentorshipPage, ReissuedLinks, SavedMentorship } from './responses.ts';
import { IdParam } from '../http/validation.ts';
import { ListMentorshipsInput, RegistryFilters, getMentorship, listMentorships } from './read.ts';
import { CloseMentorshipInput, closeMentorship } from './close.ts';
import { CreateMentorshipInput, UpdateMentorshipInput, createMentorship, updateMentorship } from './write.ts';
import { exportRegistry, registryTemplate } from '../exports/registry-xlsx.ts';
import { XLSX_MEDIA_TYPE } from '../imports/limits.ts';
import { withQrCodes } from '../questionnaires/issue-links.ts';
import { ReissueParams, reissueLink } from '../questionnaires/reissue-link.ts';
import { AUDIENCES } from '../../db/schema/index.ts';
import { FIELD_LABELS } from './rules.ts';

/** One label map for the registry's forms, filters and addresses: validation messages name fields in French. */
const LABELS = {
  ...FIELD_LABELS,
  id: 'Identifiant du mentorat',
  audience: 'Destinataire du lien',
  year: 'Année',
  associationId: 'Association',
  q: 'Référence',
  sort: 'Tri',
  dir: 'Ordre du tri',
  page: 'Page',
  pageSize: 'Lignes par page',
};

const ClosedMentorship = z.object({
  id: z.number(),
  status: z.string(),
  endedOn: z.string(),
  links: z.array(z.object({ audience: z.enum(AUDIENCES), url: z.string(), expiresAt: z.string(), questionnaireVersionId: z.number(), qrCodeSvg: z.string() })),
});

export const mentorshipRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/mentorships',
    summary: 'Mentorats visibles par l’utilisateur (son association, ou tout le département)',
    tags: ['mentorats'],
    labels: LABELS,
    access: ALL_STAFF,
    query: ListMentorshipsInput,
    response: MentorshipPage,
    handler: (ctx, { query }) => listMentorships(ctx, query),
  }),
  // Declared before `/:id`, which would otherwise take « export.xlsx » for an id.
  staffRoute({
    method: 'get',
    path: '/api/mentorships/export.xlsx',
    summary: 'Export Excel du tableau de pilotage avec les filtres de la page (colonnes de l’import, listes déroulantes ; consolidé avec l’association pour le département)',
    tags: ['mentorats'],
    labels: LABELS,
    access: ALL_STAFF,
    query: RegistryFilters,
    produces: XLSX_MEDIA_TYPE,
    handler: async (ctx, { query }, _req, res) => {
      const file = await exportRegistry(ctx, query);
      res.type(XLSX_MEDIA_TYPE).attachment(file.filename).send(file.buffer);
      return HANDLED;
    },
  }),
  staffRoute({
    method: 'get',
    path: '/api/mentorships/template.xlsx',
    summary: 'Modèle Excel vide du tableau de pilotage : en-têtes reconnus par l’import et listes déroulantes du département',
    tags: ['mentorats'],
    labels: LABELS,
    access: ALL_STAFF,
    produces: XLSX_MEDIA_TYPE,
    handler: async (ctx, _input, _req, res) => {
      const file = await registryTemplate(ctx);
      res.type(XLSX_MEDIA_TYPE).attachment(file.filename).send(file.buffer);
      return HANDLED;
    },
  }),
  staffRoute({
    method: 'post',
    path: '/api/mentorships',
    summary: 'Ajoute une ligne au tableau de pilotage (candidature ou mentorat en cours)',
    tags: ['mentorats'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    body: CreateMentorshipInput,
    status: 201,
    response: SavedMentorship,
    handler: (ctx, { body }) => createMentorship(ctx, body),
  }),
  staffRoute({
    method: 'patch',
    path: '/api/mentorships/:id',
    summary: 'Modifie une ligne du tableau de pilotage',
    tags: ['mentorats'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: IdParam,
    body: UpdateMentorshipInput,
    response: SavedMentorship,
    handler: (ctx, { params, body }) => updateMentorship(ctx, params.id, body),
  }),
  staffRoute({
    method: 'get',
    path: '/api/mentorships/:id',
    summary: 'Un mentorat et l’état de ses liens de questionnaire',
    tags: ['mentorats'],
    labels: LABELS,
    access: ALL_STAFF,
    params: IdParam,
    response: MentorshipDetail,
    handler: (ctx, { params }) => getMentorship(ctx, params.id),
  }),
  staffRoute({
    method: 'post',
    path: '/api/mentorships/:id/close',
    summary: 'Clôture un mentorat et émet ses deux liens de questionnaire (montrés une seule fois)',
    tags: ['mentorats'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: IdParam,
    body: CloseMentorshipInput,
    response: ClosedMentorship,
    status: 201,
    handler: (ctx, { params, body }) => withQrCodes(closeMentorship(ctx, params.id, body)),
  }),
  staffRoute({
    method: 'post',
    path: '/api/mentorships/:id/links/:audience/reissue',
    summary: 'Nouveau lien (et QR code) pour un questionnaire pas encore rempli : l’ancien lien cesse de fonctionner',
    tags: ['mentorats'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: ReissueParams,
    status: 201,
    response: ReissuedLinks,
    handler: (ctx, { params }) => withQrCodes(reissueLink(ctx, params)),
  }),
];
