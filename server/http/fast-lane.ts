import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';
import type { AppContext } from '../context.ts';
import type { Route } from './route.ts';
import { parseOrThrow } from './validation.ts';
import { toHttp } from './error-handler.ts';
import { isCrossSite } from './same-origin.ts';
import { logWhenFinished } from './request-log.ts';
import { securityHeaderList } from './security-headers.ts';
import type { RespondentLimits } from './rate-limit.ts';

/**
 * A JSON write of the route table that may also be served without express: the same zod schemas (`route`), the
 * same domain function (`run`), the same answers.
 */
export interface FastRoute {
  route: Route;
  /** The route's params when the whole address (query string included) is this route's, else null. */
  match: (url: string) => Record<string, string> | null;
  run: (ctx: AppContext, input: { params: any; body: any }, req: IncomingMessage) => Promise<{ status: number; body: unknown }>;
}

/** True when the lane took the request (and answers it); false leaves it, untouched, to express. */
export type FastLane = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The JSON limit of the lane and of the respondent router (body-parser's '100kb'). */
export const JSON_BODY_LIMIT = 100 * 1024;
/** What express's JSON parser reads without any conversion; anything else (another charset…) is left to it. */
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset="?utf-8"?\s*)?$/i;
/** body-parser's strict mode: an object or an array, nothing else. */
const STRICT_JSON_START = /^[\x20\x09\x0a\x0d]*[{[]/;

/**
 * The answer path's hot write without express. Under load, express's routing, body-parser's stream plumbing and
 * res.json cost more CPU than the answer's own validation and storage; this lane does the same checks on the bare
 * Node request and writes the answer in one `writeHead`. It only takes an ordinary request: POST to exactly one of
 * its addresses, an uncompressed UTF-8 JSON body of known length within the limit, not cross-site. Anything else
 * (wrong media type, chunked or compressed body, cross-site origin, a trailing slash…) goes to the respondent
 * router, untouched, which answers it as before. What a taken request gets is what the router would give: the same
 * security headers, the same rate limits (the same counters), the same French errors and log line.
 */
export function fastLane(ctx: AppContext, routes: FastRoute[], options: { limits: RespondentLimits; clientAddress: (req: IncomingMessage) => string }): FastLane {
  const jsonHeaders = [...securityHeaderList(ctx.config).flat(), 'Content-Type', 'application/json; charset=utf-8'];
  const send = (res: ServerResponse, status: number, body: unknown, extra: string[] = []) => {
    const text = JSON.stringify(body);
    res.writeHead(status, [...jsonHeaders, ...extra, 'Content-Length', String(Buffer.byteLength(text))]);
    res.end(text);
  };
  const fail = (req: IncomingMessage, res: ServerResponse, route: FastRoute, error: unknown) => {
    const { status, body } = toHttp(error);
    if (status >= 500) ctx.logger.error({ err: error, method: req.method, route: route.route.path }, 'erreur interne');
    if (!res.headersSent) send(res, status, body);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, fast: FastRoute, params: Record<string, string>, text: string) => {
    try {
      const { route } = fast;
      // In the router's order: the JSON parser first, then the params, then the body's schema.
      const json = parseStrictJson(text);
      const input = {
        params: route.params ? parseOrThrow(route.params, params, 'params', route.labels) : undefined,
        body: route.body ? parseOrThrow(route.body, json, 'body', route.labels) : undefined,
      };
      const result = await fast.run(ctx, input, req);
      send(res, result.status, result.body);
    } catch (error) {
      fail(req, res, fast, error);
    }
  };

  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    let fast: FastRoute | undefined;
    let params: Record<string, string> | null = null;
    for (const candidate of routes) {
      params = candidate.match(url);
      if (params) {
        fast = candidate;
        break;
      }
    }
    if (!fast || !params || !ordinary(req)) return false;
    logWhenFinished(ctx.logger, req, res, url);
    const refused = options.limits.refusal(options.clientAddress(req), url);
    if (refused) {
      send(res, 429, toHttp(refused.error).body, ['Retry-After', String(refused.retryAfterSeconds)]);
      req.resume();
      return true;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The client went away mid-body: nobody is left to answer.
    req.on('error', () => {});
    req.on('end', () => void answer(req, res, fast, params, Buffer.concat(chunks).toString('utf8')));
    return true;
  };
}

/** An ordinary JSON write, as the respondent router would accept it without any conversion. */
function ordinary(req: IncomingMessage): boolean {
  const headers = req.headers;
  const length = Number(headers['content-length']);
  return (
    PLAIN_JSON.test(headers['content-type'] ?? '') &&
    headers['content-encoding'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    Number.isInteger(length) &&
    length > 0 &&
    length <= JSON_BODY_LIMIT &&
    !isCrossSite(req.method, headers)
  );
}

/** JSON.parse with body-parser's strict mode and BOM handling; a failure is the parser's own 400 (JSON_INVALIDE). */
function parseStrictJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    if (!STRICT_JSON_START.test(body)) throw new SyntaxError('not an object or an array');
    return JSON.parse(body);
  } catch (error) {
    throw Object.assign(error as Error, { type: 'entity.parse.failed', status: 400 });
  }
}

/**
 * Puts the lane in front of the whole application, before express dresses up the request (what supertest and
 * server/main.ts call is `app.handle`): a request it does not take goes through express exactly as before.
 */
export function takeFastLane(app: Express, lane: FastLane): void {
  const application = app as Express & { handle: (req: IncomingMessage, res: ServerResponse, callback?: unknown) => void };
  const handle = application.handle.bind(application);
  application.handle = (req, res, callback) => {
    if (!lane(req, res)) handle(req, res, callback);
  };
}
