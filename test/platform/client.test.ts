/** @tenure/client (the built package) against the real server with a real key. */
import { createTenureClient } from '@tenure/client';
import { expect, it } from 'vitest';
import { createKey, createTenant } from '../helpers/fixtures';
import { useHttpFixture } from '../helpers/server';

const fx = useHttpFixture();

it('upserts, lists and gets customers with full types', async () => {
  const tenant = await createTenant(fx.database.db);
  const { key } = await createKey(fx.database.db, tenant);
  const tenure = createTenureClient({ url: fx.server.url, apiKey: key });
  const { customer, created } = await tenure.customers.upsert.mutate({ externalId: 'client-1', name: 'Typed' });
  expect(created).toBe(true);
  const listed = await tenure.customers.list.query({ limit: 5 });
  expect(listed.customers.map((c) => c.id)).toEqual([customer.id]);
  const got = await tenure.customers.get.query({ id: 'ext_client-1' });
  expect(got.customer.name).toBe('Typed');
});

it('surfaces REST.md error codes to client callers', async () => {
  const tenant = await createTenant(fx.database.db);
  const { key } = await createKey(fx.database.db, tenant, { scopes: ['customers:read'] });
  const tenure = createTenureClient({ url: fx.server.url, apiKey: key });
  const error = await tenure.customers.upsert.mutate({ externalId: 'x' }).catch((e) => e);
  expect(error.data.httpStatus).toBe(403);
  expect(error.data.rest).toEqual({ code: 'FORBIDDEN', message: 'Missing permission customers:write' });
  const bad = createTenureClient({ url: fx.server.url, apiKey: 'sk_live_nope' });
  await expect(bad.customers.list.query({})).rejects.toMatchObject({ data: { httpStatus: 401 } });
});
