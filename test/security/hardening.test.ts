/**
 * The smaller findings of the probe: session cookie renewal, no-store, a configured public
 * origin for the CSRF check, Fastify's own URL errors in REST.md's body, the docs page's files,
 * personal search terms kept out of logs.
 */
import { createSession } from '@tenure/core';
import type { Database } from '@tenure/db';
import { hashToken } from '@tenure/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggerOptions } from '../../apps/server/src/http/logging';
import { setupTestDb } from '../helpers/db';
import { createKey, createTenant, type Tenant } from '../helpers/fixtures';
import { api, startTestServer, type TestServer, trpcHttp } from '../helpers/server';

let database: Database;
let server: TestServer;
let tenant: Tenant;
let key: string;

beforeAll(async () => {
  database = await setupTestDb();
  server = await startTestServer(database);
  tenant = await createTenant(database.db);
  key = (await createKey(database.db, tenant)).key;
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe('sessions', () => {
  it('a sliding renewal sends the cookie again with the new expiry', async () => {
    const { token } = await createSession(database.db, tenant.owner.userId);
    const soon = new Date(Date.now() + 5 * 86_400_000);
    await database.db.updateTable('sessions').set({ expiresAt: soon }).where('id', '=', hashToken(token)).execute();
    const res = await trpcHttp(server.url, 'auth.me', { cookie: `tenure_session=${token}`, query: true });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`tenure_session=${token}`);
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '');
    expect(expires - Date.now()).toBeGreaterThan(29 * 86_400_000);
    // Not renewed again at once: no cookie when nothing changed.
    const again = await trpcHttp(server.url, 'auth.me', { cookie: `tenure_session=${token}`, query: true });
    expect(again.headers.get('set-cookie')).toBeNull();
  });
});

describe('Cache-Control', () => {
  it('is no-store on REST and tRPC answers, errors included', async () => {
    for (const res of [
      await api(server.url, 'GET', '/api/v1/customers', { key }),
      await api(server.url, 'GET', '/api/v1/customers/cus_nope', { key }),
      await api(server.url, 'GET', '/api/v1/customers'),
      await trpcHttp(server.url, 'auth.me', { query: true }),
    ]) {
      expect(res.headers.get('cache-control'), `${res.status} ${JSON.stringify(res.body).slice(0, 80)}`).toBe('no-store');
    }
  });
});

describe('TENURE_PUBLIC_URL', () => {
  it('is the origin cookie mutations must come from (behind a TLS proxy)', async () => {
    const proxied = await startTestServer(database, { TENURE_PUBLIC_URL: 'https://tenure.example.com/' });
    try {
      const login = (origin: string) =>
        fetch(`${proxied.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ email: tenant.owner.email, password: 'correct horse battery' }),
        });
      const ok = await login('https://tenure.example.com');
      expect(ok.status).toBe(200);
      const cookie = ok.headers.get('set-cookie')?.split(';')[0] ?? '';
      const write = (origin: string) =>
        trpcHttp(proxied.url, 'customers.upsert', { cookie, origin, env: tenant.live.envId, input: { externalId: 'via-proxy' } });
      expect((await write('https://tenure.example.com')).status).toBe(200);
      expect((await write(proxied.url)).status).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});

describe("Fastify's own URL errors", () => {
  it('a path that cannot be decoded → 400 in REST.md’s body', async () => {
    const res = await api(server.url, 'GET', '/api/v1/customers/ext_%ZZ', { key });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Malformed URL/) });
  });

  it('a very long id → REST.md’s body, never Fastify’s', async () => {
    for (const length of [400, 3000]) {
      const res = await api(server.url, 'GET', `/api/v1/customers/ext_${'x'.repeat(length)}`, { key });
      expect([400, 404]).toContain(res.status);
      expect(Object.keys(res.body).sort()).toEqual(expect.arrayContaining(['code', 'message']));
      expect(res.body.statusCode).toBeUndefined();
    }
  });
});

describe('/api/docs', () => {
  it('serves the page and its two assets only, without source maps or persisted keys', async () => {
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
    const bundle = await fetch(`${server.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).not.toMatch(/sourceMappingURL/);
    const css = await fetch(`${server.url}/api/docs/assets/swagger-ui.css`);
    expect(await css.text()).not.toMatch(/sourceMappingURL/);
    for (const file of ['index.html', 'package.json', 'swagger-ui-bundle.js.map', 'swagger-initializer.js', 'swagger-ui.css.map']) {
      expect((await fetch(`${server.url}/api/docs/assets/${file}`)).status, file).toBe(404);
    }
    expect(await (await fetch(`${server.url}/api/docs/init.js`)).text()).toContain('persistAuthorization: false');
  });
});

describe('logs', () => {
  it('keep personal search terms and tRPC inputs out of the request line', () => {
    const serializers = (loggerOptions('info') as { serializers: { req: (r: unknown) => { url: string } } }).serializers;
    const url = (u: string) => serializers.req({ method: 'GET', url: u, host: 'h', ip: '1.2.3.4', socket: {} }).url;
    expect(url('/api/v1/customers?search=ada%40example.com&limit=5')).toBe('/api/v1/customers?search=%5Bredacted%5D&limit=5');
    expect(url('/trpc/customers.list?input=%7B%22search%22%3A%22ada%22%7D')).not.toContain('ada');
    expect(url('/api/v1/customers/count')).toBe('/api/v1/customers/count');
  });
});
