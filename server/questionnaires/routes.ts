import type { Request, Response } from 'express';
import { z } from 'zod';
import { publicRoute, HANDLED } from '../http/route.ts';
import type { AppContext } from '../context.ts';
import {
  DraftInput,
  SubmitInput,
  declineResponse,
  findOpenLinkByToken,
  findRespondentLink,
  loadQuestionnaire,
  requireRespondentLink,
  saveDraft,
  submitResponse,
} from './respond.ts';
import { respondentCookieName, respondentCookiePath } from './tokens.ts';
import { accessibilityPage, alreadyAnsweredPage, declinedPage, questionnairePage, unavailablePage } from './pages.ts';

const TokenParams = z.strictObject({ token: z.string().max(200) });
const PublicIdParams = z.strictObject({ publicId: z.string().max(64) });
const NoBody = z.strictObject({});

const respondentToken = (ctx: AppContext, req: Request, publicId: string): unknown => req.cookies?.[respondentCookieName(publicId)];

function sendHtml(res: Response, status: number, html: string) {
  // Respondent pages hold no secret in the address, but they must never be cached by a shared phone's browser.
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
  return HANDLED;
}

const SubmitResultSchema = z.object({ status: z.enum(['enregistre', 'deja_enregistre']), submittedAt: z.string() });

export const questionnaireRoutes = [
  publicRoute({
    method: 'get',
    path: '/q/:token',
    summary: "Ouverture d'un lien de questionnaire : le jeton est échangé contre un cookie puis retiré de l'adresse",
    tags: ['questionnaire'],
    access: 'public',
    params: TokenParams,
    produces: 'text/html',
    handler: (ctx, { params }, _req, res) => {
      const link = findOpenLinkByToken(ctx, params.token);
      if (!link) return sendHtml(res, 404, unavailablePage());
      res.cookie(respondentCookieName(link.publicId), params.token, {
        httpOnly: true,
        secure: ctx.config.secureCookies,
        sameSite: 'lax',
        path: respondentCookiePath(link.publicId),
        // A duration, not a date: the phone's clock may be wrong.
        maxAge: link.expiresAt.getTime() - ctx.now().getTime(),
      });
      res.set('Cache-Control', 'no-store').redirect(303, `/r/${link.publicId}`);
      return HANDLED;
    },
  }),
  publicRoute({
    method: 'get',
    path: '/r/:publicId',
    summary: 'Page du questionnaire (accueil lisible sans JavaScript)',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    produces: 'text/html',
    handler: (ctx, { params }, req, res) => {
      const link = findRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId));
      if (!link) return sendHtml(res, 404, unavailablePage());
      const youth = link.audience === 'youth';
      if (link.state === 'repondu') return sendHtml(res, 200, alreadyAnsweredPage(youth));
      if (link.state === 'refuse') return sendHtml(res, 200, declinedPage(youth));
      const q = loadQuestionnaire(ctx, link);
      return sendHtml(res, 200, questionnairePage({ publicId: link.publicId, audience: link.audience, associationName: q.associationName, notice: q.notice }));
    },
  }),
  publicRoute({
    method: 'post',
    path: '/r/:publicId/refus',
    summary: 'Refus de répondre (formulaire HTML, fonctionne sans JavaScript) : seul le refus est enregistré',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    produces: 'text/html',
    handler: (ctx, { params }, req, res) => {
      const link = findRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId));
      if (!link) return sendHtml(res, 404, unavailablePage());
      const youth = link.audience === 'youth';
      if (link.state === 'repondu') return sendHtml(res, 200, alreadyAnsweredPage(youth));
      if (link.state === 'ouvert') declineResponse(ctx, link, null);
      return sendHtml(res, 200, declinedPage(youth));
    },
  }),
  publicRoute({
    method: 'get',
    path: '/r/:publicId/api/questionnaire',
    summary: 'Questionnaire servi au répondant (version figée) et réponses déjà sauvegardées',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    handler: (ctx, { params }, req, res) => {
      res.set('Cache-Control', 'no-store');
      const link = requireRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId));
      return loadQuestionnaire(ctx, link);
    },
  }),
  publicRoute({
    method: 'put',
    path: '/r/:publicId/api/draft',
    summary: 'Sauvegarde des réponses en cours (reprise possible sur un autre appareil)',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    body: DraftInput,
    response: z.object({ savedAt: z.string() }),
    handler: (ctx, { params, body }, req) => saveDraft(ctx, requireRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId)), body),
  }),
  publicRoute({
    method: 'post',
    path: '/r/:publicId/api/response',
    summary: 'Envoi des réponses (une seule fois ; un nouvel essai avec la même clé renvoie le premier résultat)',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    body: SubmitInput,
    response: SubmitResultSchema,
    status: 201,
    handler: (ctx, { params, body }, req, res) => {
      const result = submitResponse(ctx, requireRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId)), body);
      res.status(result.status === 'enregistre' ? 201 : 200).json(result);
      return HANDLED;
    },
  }),
  publicRoute({
    method: 'post',
    path: '/r/:publicId/api/decline',
    summary: 'Refus de répondre : seul le refus est enregistré',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    body: NoBody,
    response: SubmitResultSchema,
    handler: (ctx, { params }, req) => declineResponse(ctx, requireRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId)), null),
  }),
  publicRoute({
    method: 'get',
    path: '/accessibilite',
    summary: "Déclaration d'accessibilité",
    tags: ['questionnaire'],
    access: 'public',
    produces: 'text/html',
    handler: (_ctx, _input, _req, res) => sendHtml(res, 200, accessibilityPage()),
  }),
];
