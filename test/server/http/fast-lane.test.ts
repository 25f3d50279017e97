import { afterEach, describe, expect, it, vi } from 'vitest';
import request from 'supertest';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { testApp, type TestApp } from '../../support/app.ts';
import { testConfig } from '../../../server/config.ts';
import { seedOpenLinks, type OpenLink } from '../../../bench/support/seed.ts';
import { respondentFastLane } from '../../../server/http/respondent-router.ts';
import { RespondentLimits } from '../../../server/http/rate-limit.ts';
import { questionnaireFastRoutes } from '../../../server/questionnaires/routes.ts';

let t: TestApp | undefined;
let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  server = undefined;
  t?.dispose();
});

const cookie = (link: OpenLink) => `im_q_${link.publicId}=${link.token}`;
const body = (link: OpenLink, idempotencyKey: string) => ({ answers: link.answers, idempotencyKey });
/** Headers that differ between any two answers whatever path they took. */
const comparable = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'content-length'].includes(name)));

describe('answer fast lane', () => {
  it('takes only an ordinary submission: everything else reaches express untouched', async () => {
    t = testApp({ now: new Date() });
    const [link] = seedOpenLinks(t.database, { mentorships: 1 });
    const lane = respondentFastLane(t.ctx, t.app, questionnaireFastRoutes, new RespondentLimits(t.ctx.config.rateLimits));
    // Stand-in for express: a request the lane leaves gets 299, with its body still unread.
    server = createServer((req, res) => {
      if (lane(req, res)) return;
      let size = 0;
      req.on('data', (c: Buffer) => (size += c.length));
      req.on('end', () => res.writeHead(299).end(`express:${size}`));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const send = (options: { method?: string; path?: string; headers?: Record<string, string>; payload?: Buffer | string }) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path ?? `/r/${link!.publicId}/api/response`, headers: { cookie: cookie(link!), ...options.headers } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        });
        req.on('error', reject);
        if (options.payload !== undefined) req.end(options.payload);
        else req.end();
      });
    const json = JSON.stringify(body(link!, 'cle-voie-rapide'));
    const plain = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) };

    const left = [
      await send({ headers: { ...plain, 'content-type': 'text/plain' }, payload: json }),
      await send({ headers: { ...plain, 'content-type': 'application/json; charset=utf-16' }, payload: json }),
      await send({ headers: { ...plain, 'sec-fetch-site': 'cross-site' }, payload: json }),
      await send({ headers: { ...plain, origin: 'https://ailleurs.example' }, payload: json }),
      await send({ headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, payload: json }),
      await send({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, payload: gzipSync(json) }),
      await send({ headers: { 'content-type': 'application/json' }, payload: '' }),
      await send({ headers: { 'content-type': 'application/json' }, payload: `{"answers":{},"x":"${'a'.repeat(110_000)}"}` }),
      await send({ path: `/r/${link!.publicId}/api/response/`, headers: plain, payload: json }),
      await send({ path: `/r/${link!.publicId}/api/response?x=1`, headers: plain, payload: json }),
      await send({ path: `/r/${link!.publicId}/api/draft`, headers: plain, payload: json }),
      await send({ method: 'PUT', headers: plain, payload: json }),
    ];
    for (const [i, answer] of left.entries()) expect(answer.status, `requête ${i}`).toBe(299);
    // The lane read none of them: express got every body whole.
    expect(left[0]!.text).toBe(`express:${Buffer.byteLength(json)}`);
    expect(t.sqlite.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(0);

    const taken = await send({ headers: { ...plain, 'sec-fetch-site': 'same-origin' }, payload: json });
    expect(taken.status).toBe(201);
    expect(JSON.parse(taken.text)).toMatchObject({ status: 'enregistre' });
    expect(t.sqlite.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(1);
  });

  it('answers exactly as the respondent router: status, headers, French errors, stored once', async () => {
    for (const env of ['development', 'production'] as const) {
      t?.dispose();
      t = testApp({ now: new Date(), config: { env, secureCookies: env === 'production' } });
      const links = seedOpenLinks(t.database, { mentorships: 2 });
      // Fast lane: the ordinary address. Router: the same route with a trailing slash (express matches it, the lane does not).
      const lanes = { fast: (l: OpenLink) => `/r/${l.publicId}/api/response`, router: (l: OpenLink) => `/r/${l.publicId}/api/response/` };
      const answers: Record<string, { status: number; headers: Record<string, string>; body: unknown }[]> = { fast: [], router: [] };
      const viaExpress: Record<string, number> = {};
      const router = (t.app as unknown as { router: { handle: () => void } }).router;
      for (const [name, path] of Object.entries(lanes)) {
        const routed = vi.spyOn(router, 'handle');
        const link = name === 'fast' ? links[0]! : links[1]!;
        const post = (payload: string | object, to = link) => request(t!.app).post(path(to)).set('Cookie', cookie(to)).type('json').send(payload as object);
        const steps = [
          await post(body(link, 'cle-parite-0001')),
          await post(body(link, 'cle-parite-0001')),
          await post(body(link, 'cle-parite-0002')),
          await post('{pas du json'),
          await post('"une chaîne"'),
          await post({ answers: {}, idempotencyKey: 'cle-parite-0003', inconnu: 1 }),
          await post({ answers: { question_inexistante: 1 }, idempotencyKey: 'cle-parite-0004' }, links[2]!),
          await request(t.app).post(path(links[3]!)).set('Cookie', `im_q_${links[3]!.publicId}=${'x'.repeat(43)}`).send(body(links[3]!, 'cle-parite-0005')),
        ];
        viaExpress[name] = routed.mock.calls.length;
        routed.mockRestore();
        answers[name] = steps.map((r) => ({ status: r.status, headers: comparable(r.headers as Record<string, string>), body: r.body.submittedAt ? { ...r.body, submittedAt: 'date' } : r.body }));
      }
      expect(answers.fast).toEqual(answers.router);
      // The same answers, but the ordinary address never entered express.
      expect(viaExpress).toEqual({ fast: 0, router: 8 });
      expect(answers.fast!.map((a) => a.status)).toEqual([201, 200, 409, 400, 400, 400, 400, 404]);
      expect((answers.fast![3]!.body as { error: { message: string } }).error.message).toMatch(/n'est pas un JSON valide/);
      expect((answers.fast![5]!.body as { error: { message: string } }).error.message).toMatch(/Clé non reconnue/);
      expect(answers.fast![0]!.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answers.fast![0]!.headers['strict-transport-security'] !== undefined).toBe(env === 'production');
      expect(t.sqlite.prepare('SELECT count(*) FROM responses').pluck().get()).toBe(2);
    }
  });

  it('counts against the same per-questionnaire limit as the router, with Retry-After and a French message', async () => {
    const base = testConfig();
    t = testApp({ now: new Date(), config: { rateLimits: { ...base.rateLimits, respondentPerLink: 3 } } });
    const [link] = seedOpenLinks(t.database, { mentorships: 1 });
    const post = (path: string) => request(t!.app).post(path).set('Cookie', cookie(link!)).send(body(link!, 'cle-limite-0001'));
    const fast = `/r/${link!.publicId}/api/response`;
    expect((await post(fast)).status).toBe(201);
    expect((await post(`${fast}/`)).status).toBe(200);
    expect((await post(fast)).status).toBe(200);
    const limited = await post(fast);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Trop de demandes/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(`${fast}/`)).status).toBe(429);
  });

  it('behind a trusted proxy, counts the client named in X-Forwarded-For, as express does', async () => {
    const base = testConfig();
    t = testApp({ now: new Date(), config: { trustProxy: 1, rateLimits: { ...base.rateLimits, respondentPerIp: 2 } } });
    const [link] = seedOpenLinks(t.database, { mentorships: 1 });
    const post = (client: string) =>
      request(t!.app).post(`/r/${link!.publicId}/api/response`).set('Cookie', cookie(link!)).set('X-Forwarded-For', client).send(body(link!, 'cle-mandataire1'));
    expect((await post('203.0.113.7')).status).toBe(201);
    expect((await post('203.0.113.7')).status).toBe(200);
    expect((await post('198.51.100.9')).status).toBe(200);
    expect((await post('203.0.113.7')).status).toBe(429);
  });
});
