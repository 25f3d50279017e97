import { staffRoute, ASSOCIATION_LEAD } from '../http/route.ts';
import { ImportConfirmed, ImportPreview } from './responses.ts';
import { XLSX_MEDIA_TYPE } from './limits.ts';
import { readXlsxBody } from './upload.ts';
import { ImportIdParam, MappingInput, cancelImport, confirmImport, previewImport, remapImport } from './import.ts';

export const importRoutes = [
  staffRoute({
    method: 'post',
    path: '/api/imports/preview',
    summary: `Aperçu de l’import du fichier Excel de l’association (corps : le fichier .xlsx, Content-Type ${XLSX_MEDIA_TYPE}, 5 Mo au plus)`,
    tags: ['import'],
    access: ASSOCIATION_LEAD,
    status: 201,
    response: ImportPreview,
    handler: async (ctx, _input, req, res) => previewImport(ctx, await readXlsxBody(req, res)),
  }),
  staffRoute({
    method: 'post',
    path: '/api/imports/:id/mapping',
    summary: 'Choisit le champ de colonnes non reconnues (par numéro de colonne) et relit l’aperçu',
    tags: ['import'],
    access: ASSOCIATION_LEAD,
    params: ImportIdParam,
    body: MappingInput,
    response: ImportPreview,
    handler: (ctx, { params, body }) => remapImport(ctx, params.id, body),
  }),
  staffRoute({
    method: 'post',
    path: '/api/imports/:id/confirm',
    summary: 'Importe toutes les lignes de l’aperçu en une transaction, ou aucune s’il reste une erreur',
    tags: ['import'],
    access: ASSOCIATION_LEAD,
    params: ImportIdParam,
    response: ImportConfirmed,
    handler: (ctx, { params }) => confirmImport(ctx, params.id),
  }),
  staffRoute({
    method: 'delete',
    path: '/api/imports/:id',
    summary: 'Abandonne un aperçu d’import (rien n’a été écrit)',
    tags: ['import'],
    access: ASSOCIATION_LEAD,
    params: ImportIdParam,
    status: 204,
    handler: (ctx, { params }) => cancelImport(ctx, params.id),
  }),
];
