/** Publishable keys identify but never read; idempotent replays authorize first and belong to the key that made them. */
import { purgeExpiredIdempotencyKeys } from '@tenure/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKey, createTenant, type Tenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();
let tenant: Tenant;
let secret: string;

beforeAll(async () => {
  tenant = await createTenant(fx.database.db);
  secret = (await createKey(fx.database.db, tenant)).key;
});

describe('POST /customers with a publishable key', () => {
  it('identifies (sets profile fields) but answers only the ids', async () => {
    await api(fx.server.url, 'POST', '/api/v1/customers', {
      key: secret,
      body: { externalId: 'known-1', email: 'known@example.com', name: 'Known', attributes: { plan_tier: 'gold' } },
    });
    const { key: pk } = await createKey(fx.database.db, tenant, { type: 'publishable' });
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', { key: pk, body: { externalId: 'known-1', company: 'Acme' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ customer: { id: expect.stringMatching(/^cus_/), externalId: 'known-1' }, created: false });
    const stored = await api(fx.server.url, 'GET', '/api/v1/customers/ext_known-1', { key: secret });
    expect(stored.body.customer).toMatchObject({ email: 'known@example.com', company: 'Acme', attributes: { plan_tier: 'gold' } });

    const created = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key: pk,
      body: { externalId: 'new-1', email: 'n@example.com' },
    });
    expect(created.body).toEqual({ customer: { id: expect.stringMatching(/^cus_/), externalId: 'new-1' }, created: true });
  });

  it('documents both answers in the OpenAPI document', async () => {
    const doc = (await api(fx.server.url, 'GET', '/api/v1/openapi.json')).body;
    const schema = doc.paths['/customers'].post.responses['200'].content['application/json'].schema;
    const refs = JSON.stringify(schema);
    expect(refs).toContain('UpsertCustomerResult');
    expect(refs).toContain('IdentifyCustomerResult');
  });
});

describe('Idempotency-Key replays', () => {
  it('are refused to a key that may not make the request, and never served to another key', async () => {
    const customer = (
      await api(fx.server.url, 'POST', '/api/v1/customers', { key: secret, body: { externalId: 'idem-1', email: 'i@example.com' } })
    ).body.customer;
    const path = `/api/v1/customers/${customer.id}/recalculate-ltv`;
    const headers = { 'idempotency-key': 'idem-xyz' };
    const first = await api(fx.server.url, 'POST', path, { key: secret, headers });
    expect(first.status).toBe(200);

    const { key: pk } = await createKey(fx.database.db, tenant, { type: 'publishable' });
    const { key: reader } = await createKey(fx.database.db, tenant, { scopes: ['customers:read'] });
    for (const key of [pk, reader]) {
      const res = await api(fx.server.url, 'POST', path, { key, headers });
      expect(res.status).toBe(403);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain('i@example.com');
    }

    // Another full key with the same Idempotency-Key runs the request itself.
    const { key: other } = await createKey(fx.database.db, tenant);
    const second = await api(fx.server.url, 'POST', path, { key: other, headers });
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBeNull();

    const replay = await api(fx.server.url, 'POST', path, { key: secret, headers });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
  });

  it('expire after 24 h and are purged', async () => {
    const res = await api(fx.server.url, 'POST', '/api/v1/customers', {
      key: secret,
      body: { externalId: 'purge-1' },
      headers: { 'idempotency-key': 'purge-me' },
    });
    expect(res.status).toBe(200);
    const count = () =>
      fx.database.db
        .selectFrom('idempotencyKeys')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('environmentId', '=', tenant.live.envId)
        .where('key', '=', 'purge-me')
        .executeTakeFirstOrThrow();
    expect(Number((await count()).n)).toBe(1);
    expect(await purgeExpiredIdempotencyKeys(fx.database.db, new Date(Date.now() + 23 * 3600_000))).toBe(0);
    expect(Number((await count()).n)).toBe(1);
    expect(await purgeExpiredIdempotencyKeys(fx.database.db, new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect(Number((await count()).n)).toBe(0);
  });
});
