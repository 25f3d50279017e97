import { staffRoute, ALL_STAFF, DEPARTMENT_STAFF } from '../http/route.ts';
import { DashboardReport, EvolutionReport, PairsResult, ResponseRateResult, ValueChainReport } from './responses.ts';
import { FunnelParameters, FunnelResponse, funnelReport } from './funnel/query.ts';
import { NonResponseParameters, NonResponseResponse, nonResponseReport } from './non-response/query.ts';
import { RelationshipParameters, RelationshipResponse, relationshipReport } from './relationship/query.ts';
import { DashboardParameters, dashboardReport } from './dashboard/query.ts';
import { EvolutionParameters, evolutionReport } from './evolution/query.ts';
import { PairsParameters, pairsReport } from './pairs/query.ts';
import { ResponseRateParameters, responseRateReport } from './response-rate/query.ts';
import { ValueChainParameters, valueChainReport } from './value-chain/query.ts';
import { ReportCsvParameters, sendReportCsv } from '../exports/report-csv.ts';
import { WorkbookParameters, sendWorkbook } from '../exports/report-workbook.ts';
import { PrintParameters, sendAutoprintScript, sendPrintable } from '../exports/report-print.ts';

// Department staff see their department (one association or all); an association lead only their own figures.
export const reportRoutes = [
  staffRoute({
    method: 'get',
    path: '/api/reports/value-chain',
    summary: 'Chaîne de valeur (Ressources → Impact) pour une année, avec l’année précédente sur demande',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: ValueChainParameters,
    response: ValueChainReport,
    handler: (ctx, { query }) => valueChainReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/dashboard',
    summary: 'Tableau de bord : mentorats en cours à une date, répartitions par statut, territoire, âge, sexe, placement, niveau, objectif',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: DashboardParameters,
    response: DashboardReport,
    handler: (ctx, { query }) => dashboardReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/evolution',
    summary: 'Évolution des indicateurs clés sur les années, associations comparées (intervalles de Wilson à 95 %)',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: EvolutionParameters,
    response: EvolutionReport,
    handler: (ctx, { query }) => evolutionReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/response-rate',
    summary: 'Taux de réponse aux questionnaires par association et par année, jeunes et mentors séparés',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: ResponseRateParameters,
    response: ResponseRateResult,
    handler: (ctx, { query }) => responseRateReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/funnel',
    summary: 'Graphiques en entonnoir : chaque association face à la valeur du département, limites à 95 % et 99,8 % (Spiegelhalter 2005), sans classement',
    tags: ['rapports'],
    access: DEPARTMENT_STAFF,
    query: FunnelParameters,
    response: FunnelResponse,
    handler: (ctx, { query }) => funnelReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/non-response',
    summary: 'Non-réponse : répondants comparés à tous les mentorats terminés (sexe, âge, placement, territoire, objectif, fin), jeunes et mentors séparés, refus et brouillons à part',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: NonResponseParameters,
    response: NonResponseResponse,
    handler: (ctx, { query }) => nonResponseReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/relationship',
    summary: 'Indicateurs d’impact lus selon la qualité de la relation jeune – mentor (faible, moyenne, bonne), descriptif et soumis au secret statistique',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: RelationshipParameters,
    response: RelationshipResponse,
    handler: (ctx, { query }) => relationshipReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/pairs',
    summary: 'Concordance des réponses du jeune et du mentor (objectif atteint, fréquence des rencontres)',
    tags: ['rapports'],
    access: ALL_STAFF,
    query: PairsParameters,
    response: PairsResult,
    handler: (ctx, { query }) => pairsReport(ctx, query),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/export/csv',
    summary: 'Export CSV (RFC 4180) d’un rapport, chiffres soumis au secret statistique',
    tags: ['rapports', 'exports'],
    access: ALL_STAFF,
    query: ReportCsvParameters,
    produces: 'text/csv',
    handler: (ctx, { query }, _req, res) => sendReportCsv(ctx, query, res),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/export/workbook',
    summary: 'Classeur Excel pour le comité de pilotage (cinq onglets du modèle, graphiques en images)',
    tags: ['rapports', 'exports'],
    access: ALL_STAFF,
    query: WorkbookParameters,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    handler: (ctx, { query }, _req, res) => sendWorkbook(ctx, query, res),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/export/print',
    summary: 'Rapport imprimable pour le comité de pilotage (HTML, impression en PDF depuis le navigateur)',
    tags: ['rapports', 'exports'],
    access: ALL_STAFF,
    query: PrintParameters,
    produces: 'text/html',
    handler: (ctx, { query }, _req, res) => sendPrintable(ctx, query, res),
  }),
  staffRoute({
    method: 'get',
    path: '/api/reports/export/print.js',
    summary: 'Script du rapport imprimable ouvert par « Imprimer » : ouvre la fenêtre d’impression une fois la page dessinée',
    tags: ['rapports', 'exports'],
    access: ALL_STAFF,
    produces: 'text/javascript',
    handler: (_ctx, _input, _req, res) => sendAutoprintScript(res),
  }),
];
