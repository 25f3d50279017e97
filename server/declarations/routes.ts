import { staffRoute, ASSOCIATION_LEAD, DEPARTMENT_STAFF } from '../http/route.ts';
import { AssociationDeclarationView, DeclarationOverview, DeclarationView } from './responses.ts';
import { DeclarationDraftSchema, FIELD_LABELS } from './content.ts';

const LABELS = { ...FIELD_LABELS, year: 'Année', associationId: 'Association' };
import { AssociationYearParam, ListDeclarationsInput, YearParam, getDeclarationForDepartment, getOwnDeclaration, listDeclarations } from './read.ts';
import { reopenDeclaration, saveDeclarationDraft, submitDeclaration } from './write.ts';

export const declarationRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/declarations',
    summary: 'Déclarations annuelles des associations partenaires et leur état, pour une année',
    tags: ['déclarations'],
    labels: LABELS,
    access: DEPARTMENT_STAFF,
    query: ListDeclarationsInput,
    response: DeclarationOverview,
    handler: (ctx, { query }) => listDeclarations(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/declarations/:year',
    summary: 'La déclaration annuelle (Ressources, Activités) de son association',
    tags: ['déclarations'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: YearParam,
    response: DeclarationView,
    handler: (ctx, { params }) => getOwnDeclaration(ctx, params.year),
  }),
  staffRoute({
    method: 'put',
    path: '/api/declarations/:year',
    summary: 'Enregistre le brouillon de la déclaration annuelle',
    tags: ['déclarations'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: YearParam,
    body: DeclarationDraftSchema,
    response: DeclarationView,
    handler: (ctx, { params, body }) => saveDeclarationDraft(ctx, params.year, body),
  }),
  staffRoute({
    method: 'post',
    path: '/api/declarations/:year/submit',
    summary: 'Soumet la déclaration annuelle au département (elle n’est plus modifiable ensuite)',
    tags: ['déclarations'],
    labels: LABELS,
    access: ASSOCIATION_LEAD,
    params: YearParam,
    response: DeclarationView,
    handler: (ctx, { params }) => submitDeclaration(ctx, params.year),
  }),
  staffRoute({
    method: 'get',
    path: '/api/declarations/:associationId/:year',
    summary: 'Lecture par le département de la déclaration d’une association partenaire',
    tags: ['déclarations'],
    labels: LABELS,
    access: DEPARTMENT_STAFF,
    params: AssociationYearParam,
    response: AssociationDeclarationView,
    handler: (ctx, { params }) => getDeclarationForDepartment(ctx, params.associationId, params.year),
  }),
  staffRoute({
    method: 'post',
    path: '/api/declarations/:associationId/:year/reopen',
    summary: 'Rouvre une déclaration soumise pour que l’association la corrige',
    tags: ['déclarations'],
    labels: LABELS,
    access: DEPARTMENT_STAFF,
    params: AssociationYearParam,
    response: AssociationDeclarationView,
    handler: (ctx, { params }) => reopenDeclaration(ctx, params.associationId, params.year),
  }),
];
