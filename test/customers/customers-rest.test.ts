/** Customer paths over real HTTP: static paths, body limits, idempotency, query booleans. */
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();
let key: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
});
describe('customer paths over REST', () => {
  it('each static path reaches its own procedure, not /customers/{id}', async () => {
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).body).toEqual({ count: 0 });
    const batch = await api(fx.server.url, 'POST', '/api/v1/customers/batch', { key, body: { customers: [{ externalId: 'r1' }] } });
    expect(batch.body).toEqual({ created: 1, updated: 0, errors: [] });
    const arrays = await api(fx.server.url, 'POST', '/api/v1/customers/arrays', {
      key,
      body: { records: [{ externalId: 'r1', field: 'tags', items: [{ id: 't' }] }] },
    });
    expect(arrays.body).toEqual({ updated: 1, errors: [] });
    const arraysDelete = await api(fx.server.url, 'POST', '/api/v1/customers/arrays/delete', {
      key,
      body: { records: [{ externalId: 'r1', field: 'tags', ids: ['t'] }] },
    });
    expect(arraysDelete.body).toEqual({ updated: 1, errors: [] });
    const batchDelete = await api(fx.server.url, 'POST', '/api/v1/customers/batch-delete', { key, body: { ids: ['ext_r1'] } });
    expect(batchDelete.body).toEqual({ deleted: 1 });
  });

  it('gets, patches and deletes by URL-encoded ext_ references', async () => {
    await api(fx.server.url, 'POST', '/api/v1/customers', { key, body: { externalId: 'user/42 é', name: 'Enc' } });
    const ref = encodeURIComponent('ext_user/42 é');
    expect((await api(fx.server.url, 'GET', `/api/v1/customers/${ref}`, { key })).body.customer.name).toBe('Enc');
    const patched = await api(fx.server.url, 'PATCH', `/api/v1/customers/${ref}`, { key, body: { name: 'Patched' } });
    expect(patched.body.customer.name).toBe('Patched');
    const deleted = await api(fx.server.url, 'DELETE', `/api/v1/customers/${ref}?erase=false`, { key });
    expect(deleted.body).toMatchObject({ deleted: true });
    expect((await api(fx.server.url, 'GET', `/api/v1/customers/${ref}`, { key })).status).toBe(404);
  });

  it('takes erase as the strings "true"/"false" only', async () => {
    await api(fx.server.url, 'POST', '/api/v1/customers', { key, body: { externalId: 'bool' } });
    expect((await api(fx.server.url, 'DELETE', '/api/v1/customers/ext_bool?erase=yes', { key })).status).toBe(400);
    expect((await api(fx.server.url, 'DELETE', '/api/v1/customers/ext_bool?erase=true', { key })).status).toBe(200);
    const again = await api(fx.server.url, 'POST', '/api/v1/customers', { key, body: { externalId: 'bool' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', reason: 'SUPPRESSED' });
  });

  it('allows 32 MB on the batch path and answers 413 above it', async () => {
    const customers = Array.from({ length: 1500 }, (_, i) => ({ externalId: `big-${i}`, attributes: { blob: 'x'.repeat(900) } }));
    const ok = await api(fx.server.url, 'POST', '/api/v1/customers/batch', { key, body: { customers } });
    expect(ok.status).toBe(200);
    expect(ok.body.created).toBe(1500);
    const huge = `{"customers":[${`{"externalId":"h","name":"${'x'.repeat(200)}"},`.repeat(160_000)}{"externalId":"h"}]}`;
    expect(huge.length).toBeGreaterThan(32 * 1024 * 1024);
    const tooBig = await api(fx.server.url, 'POST', '/api/v1/customers/batch', {
      key,
      rawBody: huge,
      headers: { 'content-type': 'application/json' },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('replays a stored response for the same Idempotency-Key and refuses another body', async () => {
    const headers = { 'idempotency-key': 'idem-1' };
    const first = await api(fx.server.url, 'POST', '/api/v1/customers', { key, headers, body: { email: 'idem@example.com' } });
    const second = await api(fx.server.url, 'POST', '/api/v1/customers', { key, headers, body: { email: 'idem@example.com' } });
    expect(second.status).toBe(200);
    expect(second.body.customer.id).toBe(first.body.customer.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await api(fx.server.url, 'POST', '/api/v1/customers', { key, headers, body: { email: 'other@example.com' } });
    expect(other.status).toBe(422);
    expect(other.body.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    const invalid = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      headers: { 'idempotency-key': 'idem-2' },
      body: { email: 'nope' },
    });
    expect(invalid.status).toBe(400);
    const fixed = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key,
      headers: { 'idempotency-key': 'idem-2' },
      body: { email: 'nope' },
    });
    expect(fixed.status).toBe(400);
  });
});
