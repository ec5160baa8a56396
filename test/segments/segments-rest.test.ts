/**
 * Segments over REST with real keys: validation naming the rule, REST.md's limits, injection
 * attempts, the 409 SEGMENT_LIMIT, the segmentId filter, the customer object's `segments`, and
 * the typed client.
 */
import { createTenureClient } from '@tenure/client';
import { drainStaleScores } from '@tenure/core';
import { describe, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();

async function tenantKey() {
  const tenant = await createTenant(fx.database.db);
  return { tenant, key: (await createKey(fx.database.db, tenant)).key };
}

const post = (key: string, path: string, body: unknown) => api(fx.server.url, 'POST', `/api/v1${path}`, { key, body });
const paths = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

describe('validation names the rule', () => {
  it.each([
    ['gt on an email', { field: 'email', operator: 'gt', value: 'a' }, 'rules.0.operator'],
    ['withinLastDays on a number', { field: 'health', operator: 'withinLastDays', value: 3 }, 'rules.0.operator'],
    ['an unknown field', { field: 'favouriteColour', operator: 'eq', value: 'red' }, 'rules.0.field'],
    ['a text value for a number', { field: 'teamSize', operator: 'eq', value: 'ten' }, 'rules.0.value'],
    ['an unknown enum value', { field: 'lifecycleStage', operator: 'eq', value: 'sleeping' }, 'rules.0.value'],
    ['a non-ISO date', { field: 'createdAt', operator: 'before', value: 'yesterday' }, 'rules.0.value'],
    ['fractional days', { field: 'lastActivityAt', operator: 'withinLastDays', value: 1.5 }, 'rules.0.value'],
    ['three decimals of money', { field: 'ltv', operator: 'gt', value: 1.005 }, 'rules.0.value'],
    ['a value for exists', { field: 'email', operator: 'exists', value: 'x' }, 'rules.0.value'],
    ['no value for eq', { field: 'email', operator: 'eq' }, 'rules.0.value'],
    ['a list for eq', { field: 'plan', operator: 'eq', value: ['a'] }, 'rules.0.value'],
    ['a non-list for in', { field: 'plan', operator: 'in', value: 'a' }, 'rules.0.value'],
    ['withinDays on another field', { field: 'plan', operator: 'eq', value: 'a', withinDays: 3 }, 'rules.0.withinDays'],
    ['a fractional event count', { field: 'eventCount', operator: 'gt', value: 1.5 }, 'rules.0.value'],
    ['gt on an attribute with a string', { field: 'attributes.seats', operator: 'gt', value: '3' }, 'rules.0.value'],
    ['exists on a field that is never missing', { field: 'createdAt', operator: 'exists' }, 'rules.0.operator'],
    ['an unknown operator', { field: 'plan', operator: 'like', value: 'a' }, 'rules.0.operator'],
  ])('%s → 400', async (_name, rule, path) => {
    const { key } = await tenantKey();
    const rules = [{ field: 'plan', operator: 'eq', value: 'ok' }, rule];
    const res = await post(key, '/segments', { name: 'bad', rules });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_REQUEST');
    expect(paths(res.body)).toContain(path.replace('rules.0', 'rules.1'));
    const estimate = await post(key, '/segments/estimate', { rules });
    expect(estimate.status).toBe(400);
    expect(paths(estimate.body)).toContain(path.replace('rules.0', 'rules.1'));
  });

  it('SQL in attribute keys is refused before any SQL', async () => {
    const { key } = await tenantKey();
    for (const field of [
      "attributes.x'); drop table customers; --",
      'attributes.a->>b',
      'attributes.',
      'attributes.a b',
      `attributes.${'k'.repeat(65)}`,
    ]) {
      const res = await post(key, '/segments/estimate', { rules: [{ field, operator: 'exists' }] });
      expect({ field, status: res.status, paths: paths(res.body) }).toEqual({ field, status: 400, paths: ['rules.0.field'] });
    }
  });
});

describe('limits', () => {
  it('at most 50 rules, values of at most 1,000 characters, in-lists of at most 1,000', async () => {
    const { key } = await tenantKey();
    const rule = { field: 'plan', operator: 'neq', value: 'x' };
    expect((await post(key, '/segments/estimate', { rules: Array(50).fill(rule) })).status).toBe(200);
    const many = await post(key, '/segments/estimate', { rules: Array(51).fill(rule) });
    expect([many.status, paths(many.body)]).toEqual([400, ['rules']]);
    expect((await post(key, '/segments/estimate', { rules: [{ ...rule, value: 'x'.repeat(1000) }] })).status).toBe(200);
    const long = await post(key, '/segments/estimate', { rules: [{ ...rule, value: 'x'.repeat(1001) }] });
    expect([long.status, paths(long.body)]).toEqual([400, ['rules.0.value']]);
    const list = (n: number) => ({ field: 'plan', operator: 'in', value: Array.from({ length: n }, (_, i) => `p${i}`) });
    expect((await post(key, '/segments/estimate', { rules: [list(1000)] })).status).toBe(200);
    const longList = await post(key, '/segments/estimate', { rules: [list(1001)] });
    expect([longList.status, paths(longList.body)]).toEqual([400, ['rules.0.value']]);
    const longItem = await post(key, '/segments/estimate', { rules: [{ field: 'plan', operator: 'in', value: ['a', 'x'.repeat(1001)] }] });
    expect([longItem.status, paths(longItem.body)]).toEqual([400, ['rules.0.value.1']]);
  });

  it('the 101st segment of an environment → 409 SEGMENT_LIMIT; the other environment is not counted', async () => {
    const { tenant, key } = await tenantKey();
    for (let i = 0; i < 100; i++) {
      const res = await post(key, '/segments', { name: `s${i}`, rules: [] });
      expect(res.status).toBe(200);
    }
    const over = await post(key, '/segments', { name: 's100', rules: [] });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'CONFLICT', reason: 'SEGMENT_LIMIT' });
    const testKey = (await createKey(fx.database.db, tenant, { mode: 'test' })).key;
    expect((await post(testKey, '/segments', { name: 'other env', rules: [] })).status).toBe(200);
    const list = await api(fx.server.url, 'GET', '/api/v1/segments', { key });
    expect(list.body.segments).toHaveLength(100);
  }, 120_000);
});

describe('CRUD, members and the customer object', () => {
  it('creates, lists by name, reads, edits and deletes; members, filters and `segments` follow', async () => {
    const { tenant, key } = await tenantKey();
    const env = tenant.live.envId;
    await post(key, '/customers/batch', {
      customers: [
        { externalId: 'p1', plan: 'pro', name: 'One' },
        { externalId: 'p2', plan: 'pro', name: 'Two' },
        { externalId: 'f1', plan: 'free', name: 'Three' },
      ],
    });
    await drainStaleScores(fx.database.db, env);
    const created = await post(key, '/segments', {
      name: 'pro plan',
      description: 'Paying',
      rules: [{ field: 'plan', operator: 'eq', value: 'pro' }],
    });
    expect(created.status).toBe(200);
    const segment = created.body.segment;
    expect(segment).toMatchObject({ name: 'pro plan', description: 'Paying', match: 'all', customerCount: 2 });
    expect(segment.id).toMatch(/^seg_/);
    expect(Date.parse(segment.countedAt)).toBeGreaterThan(Date.now() - 60_000);
    await post(key, '/segments', { name: 'Alpha', rules: [] });

    const list = await api(fx.server.url, 'GET', '/api/v1/segments', { key });
    expect(list.body.segments.map((s: { name: string }) => s.name)).toEqual(['Alpha', 'pro plan']);
    expect((await api(fx.server.url, 'GET', `/api/v1/segments/${segment.id}`, { key })).body.segment).toEqual(segment);

    const members = await api(fx.server.url, 'GET', `/api/v1/segments/${segment.id}/customers?sortBy=name&sortOrder=asc`, { key });
    expect(members.body).toMatchObject({ total: 2, page: 1, limit: 20 });
    expect(members.body.customers.map((c: { externalId: string }) => c.externalId)).toEqual(['p1', 'p2']);
    const filtered = await api(fx.server.url, 'GET', `/api/v1/customers?segmentId=${segment.id}&limit=1`, { key });
    expect(filtered.body).toMatchObject({ total: 2, limit: 1 });
    const count = await api(fx.server.url, 'GET', `/api/v1/customers/count?segmentId=${segment.id}`, { key });
    expect(count.body).toEqual({ count: 2 });
    expect((await api(fx.server.url, 'GET', '/api/v1/customers/count?segmentId=seg_unknown', { key })).body).toEqual({ count: 0 });

    const p1 = (await api(fx.server.url, 'GET', '/api/v1/customers/ext_p1', { key })).body.customer;
    const everyone = list.body.segments.find((s: { name: string }) => s.name === 'Alpha');
    expect(p1.segments.map((s: { name: string }) => s.name)).toEqual(['Alpha', 'pro plan']);
    expect(p1.segments[1]).toEqual({ id: segment.id, name: 'pro plan', since: segment.countedAt });
    const f1 = (await api(fx.server.url, 'GET', '/api/v1/customers/ext_f1', { key })).body.customer;
    expect(f1.segments).toEqual([{ id: everyone.id, name: 'Alpha', since: expect.any(String) }]);
    const page = (await api(fx.server.url, 'GET', '/api/v1/customers?sortBy=name&sortOrder=asc', { key })).body.customers;
    expect(page.map((c: { segments: unknown[] }) => c.segments.length)).toEqual([2, 1, 2]);

    const edited = await api(fx.server.url, 'PATCH', `/api/v1/segments/${segment.id}`, {
      key,
      body: { name: 'free plan', rules: [{ field: 'plan', operator: 'eq', value: 'free' }] },
    });
    expect(edited.body.segment).toMatchObject({ name: 'free plan', customerCount: 1 });
    const renamed = (await api(fx.server.url, 'GET', '/api/v1/customers/ext_f1', { key })).body.customer;
    expect(renamed.segments.map((s: { name: string }) => s.name)).toEqual(['Alpha', 'free plan']);

    expect((await api(fx.server.url, 'DELETE', `/api/v1/segments/${segment.id}`, { key })).body).toEqual({ deleted: true });
    expect((await api(fx.server.url, 'GET', `/api/v1/segments/${segment.id}`, { key })).status).toBe(404);
    expect((await api(fx.server.url, 'GET', `/api/v1/segments/${segment.id}/changes`, { key })).status).toBe(404);
    expect((await api(fx.server.url, 'GET', `/api/v1/segments/${segment.id}/customers`, { key })).status).toBe(404);
    const after = (await api(fx.server.url, 'GET', '/api/v1/customers/ext_f1', { key })).body.customer;
    expect(after.segments.map((s: { name: string }) => s.name)).toEqual(['Alpha']);
  });

  it('another environment’s segment is 404 everywhere, and its members are not listed', async () => {
    const a = await tenantKey();
    const b = await tenantKey();
    const theirs = (await post(b.key, '/segments', { name: 'theirs', rules: [] })).body.segment;
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['GET', '/customers'],
      ['GET', '/changes'],
    ] as const) {
      const res = await api(fx.server.url, method, `/api/v1/segments/${theirs.id}${path}`, {
        key: a.key,
        body: method === 'PATCH' ? {} : undefined,
      });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    expect((await api(fx.server.url, 'GET', `/api/v1/customers/count?segmentId=${theirs.id}`, { key: a.key })).body).toEqual({ count: 0 });
  });

  it('the typed client reaches every segment procedure', async () => {
    const { key } = await tenantKey();
    const client = createTenureClient({ url: fx.server.url, apiKey: key });
    await client.customers.upsert.mutate({ externalId: 'typed', plan: 'pro' });
    const { estimatedCount } = await client.segments.estimate.mutate({ rules: [{ field: 'plan', operator: 'eq', value: 'pro' }] });
    expect(estimatedCount).toBe(1);
    const { segment } = await client.segments.create.mutate({ name: 'typed', rules: [{ field: 'plan', operator: 'eq', value: 'pro' }] });
    expect((await client.segments.list.query()).segments.map((s) => s.id)).toEqual([segment.id]);
    expect((await client.segments.get.query({ id: segment.id })).segment.customerCount).toBe(1);
    expect((await client.segments.customers.query({ id: segment.id })).customers[0]?.externalId).toBe('typed');
    const feed = await client.segments.changes.query({ id: segment.id });
    expect(feed.changes.map((c) => [c.externalId, c.change])).toEqual([['typed', 'entered']]);
    expect((await client.segments.update.mutate({ id: segment.id, match: 'any', rules: [] })).segment.customerCount).toBe(0);
    expect(await client.segments.delete.mutate({ id: segment.id })).toEqual({ deleted: true });
  });
});
