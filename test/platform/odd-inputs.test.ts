/** Odd but possible inputs answer clear 4xx errors, never 500, and write nothing. */
import { beforeAll, expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();
let key: string;

beforeAll(async () => {
  key = (await createKey(fx.database.db, await createTenant(fx.database.db))).key;
});
const json = { 'content-type': 'application/json' };

/** Customers and events of the key's environment, compared before and after each request. */
async function written() {
  const customers = (await api(fx.server.url, 'GET', '/api/v1/customers/count', { key })).body.count;
  const events = (await api(fx.server.url, 'GET', '/api/v1/events?limit=1', { key })).body.total;
  return { customers, events };
}

it.each([
  ['GET', '/api/v1/customers?limit=abc', undefined],
  ['GET', '/api/v1/customers?page=99999999999999999999', undefined],
  ['GET', '/api/v1/customers?sortBy=email', undefined],
  ['GET', '/api/v1/customers?active=yes', undefined],
  ['GET', `/api/v1/customers?ids=${Array.from({ length: 101 }, (_, i) => `ext_${i}`).join(',')}`, undefined],
  ['GET', '/api/v1/events?start=yesterday', undefined],
  ['GET', '/api/v1/customers/ext_x/journey?cursor=%%%', undefined],
  ['GET', '/api/v1/customers/ext_x/journey?limit=500', undefined],
  ['POST', '/api/v1/customers', '[]'],
  ['POST', '/api/v1/customers', '"text"'],
  ['POST', '/api/v1/customers', '{"externalId":""}'],
  ['POST', '/api/v1/customers', '{"externalId":1.5}'],
  ['POST', '/api/v1/customers', '{"externalId":"a\\u0000b"}'],
  ['POST', '/api/v1/customers', '{"externalId":"x","attributes":[]}'],
  ['POST', '/api/v1/customers', '{"externalId":"x","teamSize":-1}'],
  ['POST', '/api/v1/customers', '{"externalId":"x","createdAt":"not a date"}'],
  ['POST', '/api/v1/customers/batch', '{"customers":"all"}'],
  ['POST', '/api/v1/customers/batch', '{"customers":[1,2]}'],
  ['POST', '/api/v1/customers/batch-delete', '{"ids":[]}'],
  ['POST', '/api/v1/customers/batch-delete', '{"ids":["ext_a"],"erase":"false"}'],
  ['POST', '/api/v1/customers', '{"externalId":"x","teamSize":"5"}'],
  ['POST', '/api/v1/events', '{"externalId":"x","name":"n","revenue":"10"}'],
  ['POST', '/api/v1/events', '{"externalId":"x","name":"n","timestamp":"2026-13-45T00:00:00Z"}'],
  ['POST', '/api/v1/events/batch', '{"events":[]}'],
  ['PATCH', '/api/v1/customers/ext_nobody', '{"name":"x"}'],
  ['DELETE', '/api/v1/events/not-an-id', undefined],
])('%s %s %s → 4xx, nothing written', async (method, path, rawBody) => {
  const before = await written();
  const res = await api(fx.server.url, method, path, { key, rawBody, headers: rawBody ? json : {} });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.body.code).toBeTruthy();
  expect(typeof res.body.message).toBe('string');
  expect(await written()).toEqual(before);
});
