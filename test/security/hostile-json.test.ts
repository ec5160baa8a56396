/** JSON no input may carry — nesting deeper than 64 levels, `__proto__` keys, lone surrogates — is a clear 400 on REST and tRPC alike. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant, type Tenant } from '../helpers/fixtures';
import { api, trpcHttp, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();
let tenant: Tenant;
let key: string;

beforeAll(async () => {
  tenant = await createTenant(fx.database.db);
  key = (await createKey(fx.database.db, tenant)).key;
});

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('deep nesting', () => {
  it('a 200 KB body of 100,000 nested arrays → 400 on REST, with the server still well', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      rawBody: `{"externalId":"deep","attributes":{"a":${nested(100_000)}}}`,
      headers: { 'content-type': 'application/json', 'idempotency-key': 'deep-1' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: 'JSON nests deeper than 64 levels' });
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).body).toEqual({ count: 0 });
  });

  it('64 levels still parse (then the schema judges them)', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      rawBody: `{"externalId":"ok","attributes":{"a":${nested(62)}}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).not.toMatch(/deeper/);
  });

  it('→ 400 on tRPC, as a body and as a query input', async () => {
    const body = await trpcHttp(fx.server.url, 'customers.upsert', {
      key,
      rawInput: `{"externalId":"x","attributes":{"a":${nested(100_000)}}}`,
    });
    expect(body.status).toBe(400);
    expect(body.body.error?.message).toBe('JSON nests deeper than 64 levels');
    const query = await trpcHttp(fx.server.url, 'customers.list', { key, query: true, rawInput: `{"search":${nested(1000)}}` });
    expect(query.status).toBe(400);
    expect(query.body.error?.message).toBe('JSON nests deeper than 64 levels');
  });
});

describe('__proto__ keys', () => {
  it('are refused on REST and on tRPC with the path named', async () => {
    const raw = '{"externalId":"proto","attributes":{"__proto__":{"admin":true}}}';
    const rest = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      rawBody: raw,
      headers: { 'content-type': 'application/json' },
    });
    expect(rest.status).toBe(400);
    expect(rest.body.issues).toEqual([{ path: 'attributes.__proto__', message: 'The key "__proto__" is not allowed' }]);
    const rpc = await trpcHttp(fx.server.url, 'customers.upsert', { key, rawInput: raw });
    expect(rpc.status).toBe(400);
    expect(rpc.body.error?.data.rest).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'attributes.__proto__' }] });
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).body).toEqual({ count: 0 });
  });
});

describe('lone surrogates', () => {
  it('in a tRPC query input (the only way a URL carries one) → 400 naming the field', async () => {
    const res = await trpcHttp(fx.server.url, 'customers.list', { key, query: true, rawInput: '{"search":"\\ud800"}' });
    expect(res.status).toBe(400);
    expect(res.body.error?.data.rest).toMatchObject({ code: 'BAD_REQUEST', issues: [{ path: 'search' }] });
  });
});

describe('tRPC parse errors', () => {
  it('do not echo the input back', async () => {
    const secret = 'sensitive-9f3a';
    // V8 quotes the text around a syntax error in its message ("…"externalId":"sensitive-9f3a"x… is not valid JSON").
    const res = await trpcHttp(fx.server.url, 'customers.upsert', { key, rawInput: `{"externalId":"${secret}"x}` });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain(secret);
    const query = await trpcHttp(fx.server.url, 'customers.list', { key, query: true, rawInput: `{"search":"${secret}"x}` });
    expect(query.status).toBe(400);
    expect(JSON.stringify(query.body)).not.toContain(secret);
  });
});
