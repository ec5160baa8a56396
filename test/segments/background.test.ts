/**
 * Memberships follow data changes within seconds through the durable job (no test code calls the
 * drain): a real server with a job runner, REST writes, and the changes feed read over HTTP.
 */
import { createJobRunner, type JobRunner } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { createKey, createTenant } from '../helpers/fixtures';
import { api, startTestServer, type TestServer } from '../helpers/server';

let database: Database;
let runner: JobRunner;
let server: TestServer;

beforeAll(async () => {
  database = await setupTestDb();
  runner = createJobRunner(database, { work: true });
  await runner.start();
  server = await startTestServer(database, {}, { jobs: runner });
});
afterAll(async () => {
  await server.close();
  await runner.stop();
  await database.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

it('a customer written over REST enters and leaves a segment by itself, within seconds', { timeout: 60_000 }, async () => {
  const tenant = await createTenant(database.db);
  const key = (await createKey(database.db, tenant)).key;
  const rules = [
    { field: 'attributes.tier', operator: 'eq', value: 'gold' },
    { field: 'eventCount', operator: 'gte', value: 1, event: 'purchase' },
  ];
  const segment = (await api(server.url, 'POST', '/api/v1/segments', { key, body: { name: 'gold buyers', rules } })).body.segment;
  expect(segment.customerCount).toBe(0);
  const changes = async () => (await api(server.url, 'GET', `/api/v1/segments/${segment.id}/changes`, { key })).body.changes;

  await api(server.url, 'POST', '/api/v1/customers', { key, body: { externalId: 'g-1', attributes: { tier: 'gold' } } });
  await api(server.url, 'POST', '/api/v1/events', { key, body: { externalId: 'g-1', name: 'purchase', revenue: 20 } });
  const entered = await until(changes, (c) => c.length === 1);
  expect(entered).toEqual([{ customerId: expect.stringMatching(/^cus_/), externalId: 'g-1', change: 'entered', at: expect.any(String) }]);
  const got = (await api(server.url, 'GET', '/api/v1/customers/ext_g-1', { key })).body.customer;
  expect(got.segments).toEqual([{ id: segment.id, name: 'gold buyers', since: entered[0].at }]);

  // A profile edit alone (no event) moves the customer out.
  await api(server.url, 'PATCH', '/api/v1/customers/ext_g-1', { key, body: { attributes: { tier: 'silver' } } });
  const left = await until(changes, (c) => c.length === 2);
  expect(left.map((c: { change: string }) => c.change)).toEqual(['entered', 'left']);
  const after = (await api(server.url, 'GET', `/api/v1/segments/${segment.id}`, { key })).body.segment;
  expect(after.customerCount).toBe(0);
});
