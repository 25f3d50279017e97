import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp, type TestApp } from '../support/app.ts';
import { routes } from '../../server/routes.ts';

let t: TestApp;
beforeEach(() => {
  t = testApp();
});
afterEach(() => t.dispose());

describe('app factory', () => {
  it('answers health once migrations ran', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('describes every route of the table in the generated OpenAPI document', async () => {
    const res = await request(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of routes) {
      const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      expect(res.body.paths[path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    const close = res.body.paths['/api/mentorships/{id}/close'].post;
    expect(close.requestBody.content['application/json'].schema.properties.status.enum).toContain('abandonne');
  });

  it('answers an unknown API address with a French 404 in the error shape', async () => {
    const res = await request(t.app).get('/api/nimporte-quoi');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.body.error.message).toMatch(/n'existe pas/);
  });

  it('requires a session for staff routes', async () => {
    const res = await request(t.app).get('/api/mentorships');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Veuillez vous connecter.');
  });

  it('sets security headers and no-store on authenticated answers', async () => {
    const res = await request(t.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toMatch(/https?:\/\//);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a state-changing request from another site', async () => {
    const res = await request(t.app).post('/api/session').set('Origin', 'https://evil.example').send({ email: 'a@b.fr', password: 'x' });
    expect(res.status).toBe(403);
    const fetchSite = await request(t.app).post('/api/session').set('Sec-Fetch-Site', 'cross-site').send({ email: 'a@b.fr', password: 'x' });
    expect(fetchSite.status).toBe(403);
    const sameSiteOnly = await request(t.app).post('/api/session').set('Sec-Fetch-Site', 'same-site').set('Origin', 'http://127.0.0.1').send({ email: 'a@b.fr', password: 'x' });
    expect(sameSiteOnly.status).toBe(403);
  });

  it('accepts a same-origin form even when the browser sends Origin: null (no-referrer policy)', async () => {
    const res = await request(t.app).post('/api/session').set('Sec-Fetch-Site', 'same-origin').set('Origin', 'null').send({ email: 'personne@exemple.fr', password: 'mauvais' });
    expect(res.status).toBe(401);
  });

  it('refuses a body that is not JSON with 415, in French', async () => {
    const res = await request(t.app).post('/api/session').set('Content-Type', 'text/plain').send('email=a');
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/JSON/);
  });
});
