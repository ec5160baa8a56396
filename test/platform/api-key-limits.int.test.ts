/** Rate limits staff set on a key in the app are stored, listed, audited and validated. */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCaller, createContextInner } from '@tenure/api';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, staffActor } from '../helpers/fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

async function auditDetails(targetId: string, action: string): Promise<unknown> {
  const entry = await database.db
    .selectFrom('auditLog')
    .select('details')
    .where('targetId', '=', targetId)
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return entry.details;
}

it('creates a key with both limits and lists them', async () => {
  const tenant = await createTenant(database.db);
  const admin = callerFor(database.db, await staffActor(database.db, tenant, 'admin'));
  const created = await admin.apiKeys.create({ type: 'secret', name: 'Import job', rateLimit: 20, ingestRateLimit: 2500 });
  expect(created.apiKey).toMatchObject({ rateLimit: 20, ingestRateLimit: 2500 });
  const plain = await admin.apiKeys.create({ type: 'publishable' });
  expect(plain.apiKey).toMatchObject({ rateLimit: null, ingestRateLimit: null });
  const { apiKeys } = await admin.apiKeys.list();
  expect(apiKeys.find((k) => k.id === created.apiKey.id)).toMatchObject({ rateLimit: 20, ingestRateLimit: 2500 });
  expect(await auditDetails(created.apiKey.id, 'api_key.created')).toMatchObject({ rateLimit: 20, ingestRateLimit: 2500 });
});

it.each([0, -1, 1.5, 2_000_000])('refuses a limit of %s', async (rateLimit) => {
  const tenant = await createTenant(database.db);
  const admin = callerFor(database.db, await staffActor(database.db, tenant, 'admin'));
  await expect(admin.apiKeys.create({ type: 'secret', rateLimit })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
});

it("sets the environment's ceilings in the app: stored, read back with the server's defaults, audited", async () => {
  const tenant = await createTenant(database.db);
  const actor = await staffActor(database.db, tenant, 'admin');
  const admin = createCaller(createContextInner({ db: database.db, actor, keyRateDefaults: { rateLimit: 100, ingestRateLimit: 1000 } }));
  expect(await admin.apiKeys.environmentLimits()).toEqual({
    rateLimit: null,
    ingestRateLimit: null,
    defaults: { key: { rateLimit: 100, ingestRateLimit: 1000 }, environment: { rateLimit: 500, ingestRateLimit: 5000 } },
  });
  const set = await admin.apiKeys.setEnvironmentLimits({ rateLimit: 40, ingestRateLimit: null });
  expect(set).toMatchObject({ rateLimit: 40, ingestRateLimit: null });
  expect(await admin.apiKeys.environmentLimits()).toMatchObject({ rateLimit: 40, ingestRateLimit: null });
  // The key door reads the same row: a key of this environment is limited by it.
  const stored = await database.db
    .selectFrom('environments')
    .select(['rateLimit', 'ingestRateLimit'])
    .where('id', '=', tenant.live.envId)
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({ rateLimit: 40, ingestRateLimit: null });
  expect(await auditDetails(tenant.live.envId, 'environment.rate_limits_changed')).toEqual({ rateLimit: 40, ingestRateLimit: null });
});

it.each([0, 1.5, 2_000_000])('refuses an environment ceiling of %s and changes nothing', async (rateLimit) => {
  const tenant = await createTenant(database.db);
  const admin = callerFor(database.db, await staffActor(database.db, tenant, 'admin'));
  await admin.apiKeys.setEnvironmentLimits({ rateLimit: 10, ingestRateLimit: 10 });
  await expect(admin.apiKeys.setEnvironmentLimits({ rateLimit, ingestRateLimit: null })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  expect(await admin.apiKeys.environmentLimits()).toEqual({ rateLimit: 10, ingestRateLimit: 10, defaults: null });
});
