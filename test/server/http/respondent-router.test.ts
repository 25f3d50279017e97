import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp, type TestApp } from '../../support/app.ts';
import { testConfig } from '../../../server/config.ts';
import { readCookie } from '../../../server/http/cookies.ts';
import { WindowCounter } from '../../../server/http/rate-limit.ts';

let t: TestApp | undefined;
afterEach(() => t?.dispose());

const PUBLIC_ID = 'C'.repeat(22);
const OTHER_ID = 'D'.repeat(22);
const helmetHeaders = ['content-security-policy', 'referrer-policy', 'x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'cross-origin-resource-policy', 'origin-agent-cluster', 'x-dns-prefetch-control', 'x-download-options', 'x-permitted-cross-domain-policies', 'x-xss-protection', 'strict-transport-security'];

describe('respondent router', () => {
  it('sends the same security headers as the staff stack, in development and production', async () => {
    for (const env of ['development', 'production'] as const) {
      t?.dispose();
      t = testApp({ config: { env, secureCookies: env === 'production' } });
      const staff = await request(t.app).get('/api/health');
      for (const path of [`/r/${PUBLIC_ID}`, `/r/${PUBLIC_ID}/api/questionnaire`, `/q/${'A'.repeat(43)}`, `/r/${PUBLIC_ID}/nulle-part`]) {
        const res = await request(t.app).get(path);
        for (const name of helmetHeaders) expect(res.headers[name], `${env} ${path} ${name}`).toBe(staff.headers[name]);
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
      expect(staff.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(staff.headers['strict-transport-security'] !== undefined).toBe(env === 'production');
    }
  });

  it('limits requests per questionnaire as well as per address, with Retry-After and a French message', async () => {
    const base = testConfig();
    t = testApp({ config: { rateLimits: { ...base.rateLimits, respondentPerLink: 3, respondentPerIp: 6 } } });
    for (let i = 0; i < 3; i++) expect((await request(t.app).get(`/r/${PUBLIC_ID}/api/questionnaire`)).status).toBe(404);
    const limited = await request(t.app).get(`/r/${PUBLIC_ID}/api/questionnaire`);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Trop de demandes/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another questionnaire from the same address still gets through, until the address's own limit (7th request).
    for (let i = 0; i < 2; i++) expect((await request(t.app).get(`/r/${OTHER_ID}`)).status).toBe(404);
    expect((await request(t.app).get(`/r/${OTHER_ID}`)).status).toBe(429);
  });

  it('refuses a cross-site write before reading its body, and keeps the no-JavaScript decline form working', async () => {
    t = testApp();
    const cross = await request(t.app).post(`/r/${PUBLIC_ID}/api/response`).set('Sec-Fetch-Site', 'cross-site').send({ answers: {}, idempotencyKey: 'k' });
    expect(cross.status).toBe(403);
    expect(cross.body.error.message).toMatch(/ne provient pas de ce site/);
    const evilOrigin = await request(t.app).post(`/r/${PUBLIC_ID}/refus`).set('Origin', 'https://evil.example').type('form').send('');
    expect(evilOrigin.status).toBe(403);
    // The form posted under no-referrer: Origin null, but the browser's Sec-Fetch-Site says same-origin.
    const form = await request(t.app).post(`/r/${PUBLIC_ID}/refus`).set('Sec-Fetch-Site', 'same-origin').set('Origin', 'null').set('Accept', 'text/html').type('form').send('');
    expect(form.status).toBe(404);
    expect(form.text).toMatch(/lang="fr"/);
  });

  it('reads JSON only, within the size limit, with French errors', async () => {
    t = testApp();
    const path = `/r/${PUBLIC_ID}/api/draft`;
    const notJson = await request(t.app).put(path).set('Content-Type', 'text/plain').send('answers=1');
    expect(notJson.status).toBe(415);
    expect(notJson.body.error.message).toMatch(/JSON/);
    const broken = await request(t.app).put(path).set('Content-Type', 'application/json').send('{"answers":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/JSON valide/);
    const huge = await request(t.app).put(path).set('Content-Type', 'application/json').send(JSON.stringify({ answers: { q: 'x'.repeat(200_000) } }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/trop volumineuses/);
  });

  it('answers an unknown respondent address with a French 404, and leaves staff addresses to the staff stack', async () => {
    t = testApp();
    const page = await request(t.app).get(`/r/${PUBLIC_ID}/nulle-part`).set('Accept', 'text/html');
    expect(page.status).toBe(404);
    expect(page.text).toMatch(/lang="fr"/);
    const api = await request(t.app).get(`/r/${PUBLIC_ID}/api/nulle-part`).set('Accept', 'application/json');
    expect(api.body.error.code).toBe('NOT_FOUND');
    expect((await request(t.app).get('/api/mentorships')).status).toBe(401);
  });
});

describe('readCookie', () => {
  it('reads one cookie like cookie-parser: first occurrence, quotes removed, percent-decoded', () => {
    expect(readCookie('a=1; im_q_x=tok; b=2', 'im_q_x')).toBe('tok');
    expect(readCookie('xim_q_x=no; im_q_x=yes', 'im_q_x')).toBe('yes');
    expect(readCookie('im_q_x=first;im_q_x=second', 'im_q_x')).toBe('first');
    expect(readCookie('im_q_x="quoted"', 'im_q_x')).toBe('quoted');
    expect(readCookie('im_q_x=a%20b', 'im_q_x')).toBe('a b');
    expect(readCookie('im_q_x=%E0%A4%A', 'im_q_x')).toBe('%E0%A4%A');
    expect(readCookie('im_q_x=', 'im_q_x')).toBe('');
    expect(readCookie('other=1', 'im_q_x')).toBeUndefined();
    expect(readCookie('noequals; im_q_x=v', 'im_q_x')).toBe('v');
    expect(readCookie(undefined, 'im_q_x')).toBeUndefined();
  });
});

describe('WindowCounter', () => {
  it('counts per key in a shared window, starts over when it ends, and never holds more than its key budget', () => {
    let now = 0;
    const counter = new WindowCounter(2, 1000, 3, () => now);
    expect([counter.hit('a'), counter.hit('a'), counter.hit('a')]).toEqual([true, true, false]);
    expect(counter.hit('b')).toBe(true);
    expect(counter.retryAfterSeconds()).toBe(1);
    now = 1000;
    expect(counter.hit('a')).toBe(true);
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) counter.hit(key);
    expect(counter.size).toBe(3);
  });
});
