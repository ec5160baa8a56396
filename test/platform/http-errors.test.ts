/** Fastify's own errors and the platform's promises, over real HTTP. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture({ TENURE_RATE_LIMIT: '5' });
let key: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
});
const noLeak = (body: unknown) => {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/stack|at .*\.ts|select |insert into|\bdata\b/i);
};

describe('error bodies', () => {
  it('malformed JSON → 400 BAD_REQUEST in REST.md’s body', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      rawBody: '{"externalId":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: 'Malformed JSON body' });
  });

  it('a non-JSON content type → 415', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      rawBody: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body over 1 MB on an ordinary path → 413', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', { key, body: { externalId: 'big', name: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('a POST without body or content type is taken as {}', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', { key });
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(true);
    expect(res.body.customer.externalId).toBeNull();
  });

  it('unknown paths → 404 JSON, inside and outside the API', async () => {
    for (const path of ['/api/v1/nope', '/api/v2/customers', '/trpc-nope']) {
      const res = await api(fx.server.url, 'GET', path, { key });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
  });

  it('validation errors name dotted paths, with no tRPC internals', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      body: { externalId: 'v', attributes: { 'bad key': 1, list: [{ deep: [{ deeper: [1] }] }] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['attributes.bad key', 'attributes.list.0.deep.0.deeper']),
    );
    noLeak(res.body);
  });

  it('query validation: limit over 100 → 400 with the path', async () => {
    const res = await api(fx.server.url, 'GET', '/api/v1/customers?limit=101', { key });
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('limit');
  });
});

describe('platform headers', () => {
  it('sets x-request-id (echoing a valid incoming one) and security headers', async () => {
    const res = await api(fx.server.url, 'GET', '/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    const other = await api(fx.server.url, 'GET', '/api/v1/customers', { key });
    expect(other.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(other.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("puts helmet's whole set on answers, errors and pages alike", async () => {
    const answers = await Promise.all([
      api(fx.server.url, 'GET', '/api/v1/customers', { key }),
      api(fx.server.url, 'GET', '/api/v1/customers/cus_missing', { key }),
      api(fx.server.url, 'GET', '/api/v1/customers'),
      api(fx.server.url, 'GET', '/no/such/page'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 401, 404]);
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('/readyz reports the database', async () => {
    const res = await api(fx.server.url, 'GET', '/readyz');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ready');
  });

  it('rate limits per key with RateLimit-* and Retry-After headers', async () => {
    const limited = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof api<any>>> | undefined;
    for (let i = 0; i < 14; i++) {
      last = await api(fx.server.url, 'GET', '/api/v1/customers?limit=1', { key: limited });
      statuses.push(last.status);
    }
    expect(statuses.filter((s) => s === 200).length).toBe(10);
    expect(statuses.at(-1)).toBe(429);
    expect(last?.body.code).toBe('TOO_MANY_REQUESTS');
    expect(last?.headers.get('retry-after')).toBeTruthy();
    expect(last?.headers.get('ratelimit-limit')).toBe('10');
    expect(last?.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('serves the OpenAPI document and the offline docs page', async () => {
    const doc = await api(fx.server.url, 'GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(doc.body.paths['/customers'].get.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    const page = await fetch(`${fx.server.url}/api/docs`);
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const asset = await fetch(`${fx.server.url}/api/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
  });
});
