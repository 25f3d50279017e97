import type { Request, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { publicRoute, HANDLED } from '../http/route.ts';
import { RespondentQuestionnaire } from './responses.ts';
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
  submitAnswer,
  type SubmitResult,
} from './respond.ts';
import { respondentCookieName, respondentCookiePath } from './tokens.ts';
import { readCookie } from '../http/cookies.ts';
import type { FastRoute } from '../http/fast-lane.ts';
import { accessibilityPage, alreadyAnsweredPage, declinedPage, questionnairePage, unavailablePage } from './pages.ts';
import { AUDIENCE_LANGUAGES, languageFromAcceptLanguage, resolveLanguage } from '../../surveys/languages.ts';

const TokenParams = z.strictObject({ token: z.string().max(200) });
const PublicIdParams = z.strictObject({ publicId: z.string().max(64) });
const NoBody = z.strictObject({});
// Any code is accepted: an unknown one shows French, never an error (surveys/languages.ts resolveLanguage).
const LanguageQuery = z.strictObject({ langue: z.string().max(20).optional() });
const phoneLanguage = (req: Request) => languageFromAcceptLanguage(req.headers['accept-language']);

// These routes run on the lean respondent router (server/http/respondent-router.ts): no cookie-parser, the one
// cookie that matters is read from the header.
const respondentToken = (_ctx: AppContext, req: Pick<Request, 'headers'>, publicId: string): unknown => readCookie(req.headers.cookie, respondentCookieName(publicId));

/**
 * Respondent pages hold no secret in the address, but they must never be cached by a shared phone's browser.
 * They are compressed here (a few kB, < 1 ms) because on a slow network the welcome text must arrive in the first
 * round trips.
 */
function sendHtml(req: Request, res: Response, status: number, html: string) {
  res.status(status).set('Cache-Control', 'no-store').set('Vary', 'Accept-Encoding').type('html');
  // Our preference, not the header's order (browsers send "gzip, deflate, br").
  const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
  if (encoding === 'br') {
    res.set('Content-Encoding', 'br').send(brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }));
  } else if (encoding === 'gzip') {
    res.set('Content-Encoding', 'gzip').send(gzipSync(html, { level: 6 }));
  } else {
    res.send(html);
  }
  return HANDLED;
}

const SubmitResultSchema = z.object({ status: z.enum(['enregistre', 'deja_enregistre']), submittedAt: z.string() });

const SUBMIT_ADDRESS = /^\/r\/([A-Za-z0-9_-]{22})\/api\/response$/;
const submitStatus = (result: SubmitResult) => (result.status === 'enregistre' ? 201 : 200);

const submitRoute = publicRoute({
  method: 'post',
  path: '/r/:publicId/api/response',
  summary: 'Envoi des réponses (une seule fois ; un nouvel essai avec la même clé renvoie le premier résultat)',
  tags: ['questionnaire'],
  access: 'public',
  params: PublicIdParams,
  body: SubmitInput,
  response: SubmitResultSchema,
  status: 201,
  handler: async (ctx, { params, body }, req, res) => {
    const result = await submitAnswer(ctx, params.publicId, respondentToken(ctx, req, params.publicId), body);
    res.status(submitStatus(result)).json(result);
    return HANDLED;
  },
});

/**
 * The submission's fast lane (server/http/fast-lane.ts): an ordinary submission skips express, with the same
 * schemas, the same domain function and the same answers as its route above.
 */
export const questionnaireFastRoutes: FastRoute[] = [
  {
    route: submitRoute,
    match: (url) => {
      const publicId = SUBMIT_ADDRESS.exec(url)?.[1];
      return publicId === undefined ? null : { publicId };
    },
    run: async (ctx, { params, body }, req) => {
      const publicId = (params as z.infer<typeof PublicIdParams>).publicId;
      const result = await submitAnswer(ctx, publicId, respondentToken(ctx, req, publicId), body as z.infer<typeof SubmitInput>);
      return { status: submitStatus(result), body: result };
    },
  },
];

export const questionnaireRoutes = [
  publicRoute({
    method: 'get',
    path: '/q/:token',
    summary: "Ouverture d'un lien de questionnaire : le jeton est échangé contre un cookie puis retiré de l'adresse",
    tags: ['questionnaire'],
    access: 'public',
    params: TokenParams,
    produces: 'text/html',
    handler: (ctx, { params }, req, res) => {
      const link = findOpenLinkByToken(ctx, params.token);
      if (!link) return sendHtml(req, res, 404, unavailablePage(phoneLanguage(req)));
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
    query: LanguageQuery,
    produces: 'text/html',
    handler: (ctx, { params, query }, req, res) => {
      const link = findRespondentLink(ctx, params.publicId, respondentToken(ctx, req, params.publicId));
      if (!link) return sendHtml(req, res, 404, unavailablePage(resolveLanguage(query.langue ?? phoneLanguage(req))));
      const youth = link.audience === 'youth';
      if (link.state !== 'ouvert') {
        const end = { youth, language: resolveLanguage(query.langue ?? link.language, link.audience), publicId: link.publicId, languages: AUDIENCE_LANGUAGES[link.audience] };
        return sendHtml(req, res, 200, link.state === 'repondu' ? alreadyAnsweredPage(end) : declinedPage(end));
      }
      const q = loadQuestionnaire(ctx, link, { language: query.langue, acceptLanguage: req.headers['accept-language'] });
      return sendHtml(
        req,
        res,
        200,
        questionnairePage({ publicId: link.publicId, audience: link.audience, associationName: q.associationName, notice: q.notice, survey: q.survey, draft: q.draft, language: q.language, languages: q.languages }),
      );
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
      if (!link) return sendHtml(req, res, 404, unavailablePage(phoneLanguage(req)));
      const end = { youth: link.audience === 'youth', language: resolveLanguage(link.language, link.audience), publicId: link.publicId, languages: AUDIENCE_LANGUAGES[link.audience] };
      if (link.state === 'repondu') return sendHtml(req, res, 200, alreadyAnsweredPage(end));
      if (link.state === 'ouvert') declineResponse(ctx, link, null);
      return sendHtml(req, res, 200, declinedPage(end));
    },
  }),
  publicRoute({
    method: 'get',
    path: '/r/:publicId/api/questionnaire',
    summary: 'Questionnaire servi au répondant (version figée) et réponses déjà sauvegardées',
    tags: ['questionnaire'],
    access: 'public',
    params: PublicIdParams,
    response: RespondentQuestionnaire,
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
  submitRoute,
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
    query: LanguageQuery,
    produces: 'text/html',
    handler: (_ctx, { query }, req, res) => sendHtml(req, res, 200, accessibilityPage(resolveLanguage(query.langue ?? phoneLanguage(req)))),
  }),
];
