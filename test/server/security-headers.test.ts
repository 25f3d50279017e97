import { afterEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp, type TestApp } from '../support/app.ts';
import { makeDepartment, makeUser } from '../support/factories.ts';
import { testConfig } from '../../server/config.ts';

let t: TestApp;
afterEach(() => t.dispose());

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('security headers', () => {
  it('sends a CSP that names no other origin, frame-ancestors none, no-referrer, on API answers and pages alike', async () => {
    t = testApp();
    for (const path of ['/api/health', '/accessibilite', `/q/${'A'.repeat(43)}`]) {
      const res = await request(t.app).get(path);
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      // Only keywords and local schemes: no host, no wildcard, no eval.
      for (const [name, values] of csp) {
        for (const v of values) expect(`${name} ${v}`).toMatch(/^[a-z-]+ ('[a-z-]+'|data:|blob:)$/);
        expect(values).not.toContain("'unsafe-eval'");
      }
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS in production', async () => {
    t = testApp({ config: { env: 'production', secureCookies: true } });
    const res = await request(t.app).get('/api/health');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
  });

  it('marks every authenticated API answer no-store, errors included', async () => {
    t = testApp();
    const { department } = makeDepartment(t.db);
    const admin = await makeUser(t.db, { role: 'admin', departmentId: department.id });
    const agent = await t.loginAs(admin);
    for (const path of ['/api/session', '/api/users', '/api/audit', '/api/mentorships', '/api/mentorships/999999']) {
      const res = await agent.get(path);
      expect(res.headers['cache-control'], path).toBe('no-store');
    }
  });

  it('rate-limits the questionnaire link endpoints, with a French page', async () => {
    const base = testConfig();
    t = testApp({ config: { rateLimits: { ...base.rateLimits, linkOpenPerIp: 3, respondentPerIp: 5 } } });
    for (let i = 0; i < 3; i++) expect((await request(t.app).get(`/q/${'A'.repeat(43)}`)).status).toBe(404);
    const limited = await request(t.app).get(`/q/${'A'.repeat(43)}`).set('Accept', 'text/html');
    expect(limited.status).toBe(429);
    expect(limited.text).toMatch(/Trop de demandes/);
    expect(limited.text).toMatch(/lang="fr"/);
    for (let i = 0; i < 5; i++) await request(t.app).get(`/r/${'B'.repeat(22)}`);
    const api = await request(t.app).get(`/r/${'B'.repeat(22)}/api/questionnaire`).set('Accept', 'application/json');
    expect(api.status).toBe(429);
    expect(api.body.error.code).toBe('RATE_LIMITED');
    // Staff routes are not affected by the respondents' limits.
    expect((await request(t.app).get('/api/health')).status).toBe(200);
  });
});
