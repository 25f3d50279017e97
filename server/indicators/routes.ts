import { z } from 'zod';
import { staffRoute, ALL_STAFF, DEPARTMENT_STAFF } from '../http/route.ts';
import { IndicatorList, Selection, VersionDetail, VersionList, WordingComparisonList } from './responses.ts';
import { IdParam } from '../http/validation.ts';
import { indicators } from '../../surveys/index.ts';
import { SelectionInput, YearQuery, getSelection, saveSelection } from './selection.ts';
import { compareVersions, getVersion, listVersions } from './versions.ts';

const CompareQuery = z.strictObject({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export const indicatorRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/indicators',
    summary: 'Catalogue des indicateurs, rangés sur la chaîne de valeur',
    tags: ['indicateurs'],
    access: ALL_STAFF,
    response: IndicatorList,
    handler: () => indicators,
  }),
  staffRoute({
    method: 'get',
    path: '/api/indicators/selection',
    summary: 'Indicateurs clés et optionnels choisis par le département pour une année',
    tags: ['indicateurs'],
    access: ALL_STAFF,
    query: YearQuery,
    response: Selection,
    handler: (ctx, { query }) => getSelection(ctx, query.year),
  }),
  staffRoute({
    method: 'put',
    path: '/api/indicators/selection',
    summary: 'Choix des 4 à 5 indicateurs clés (et d’indicateurs optionnels) pour une année',
    tags: ['indicateurs'],
    access: DEPARTMENT_STAFF,
    body: SelectionInput,
    response: Selection,
    handler: (ctx, { body }) => saveSelection(ctx, body),
  }),
  staffRoute({
    method: 'get',
    path: '/api/questionnaires/versions',
    summary: 'Versions des questionnaires du département (figées dès le premier lien émis)',
    tags: ['indicateurs'],
    access: DEPARTMENT_STAFF,
    response: VersionList,
    handler: (ctx) => listVersions(ctx),
  }),
  staffRoute({
    method: 'get',
    path: '/api/questionnaires/versions/compare',
    summary: 'Compare deux versions : indicateurs dont la formulation des questions a changé',
    tags: ['indicateurs'],
    access: DEPARTMENT_STAFF,
    query: CompareQuery,
    response: WordingComparisonList,
    handler: (ctx, { query }) => compareVersions(ctx, query.from, query.to),
  }),
  staffRoute({
    method: 'get',
    path: '/api/questionnaires/versions/:id',
    summary: 'Une version de questionnaire (contenu SurveyJS figé)',
    tags: ['indicateurs'],
    access: DEPARTMENT_STAFF,
    params: IdParam,
    response: VersionDetail,
    handler: (ctx, { params }) => getVersion(ctx, params.id),
  }),
];
