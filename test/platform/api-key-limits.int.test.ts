/** Rate limits staff set on a key in the app are stored, listed, audited and validated. */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, staffActor } from '../helpers/fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

it('creates a key with both limits and lists them', async () => {
  const tenant = await createTenant(database.db);
  const admin = callerFor(database.db, await staffActor(database.db, tenant, 'admin'));
  const created = await admin.apiKeys.create({ type: 'secret', name: 'Import job', rateLimit: 20, ingestRateLimit: 2500 });
  expect(created.apiKey).toMatchObject({ rateLimit: 20, ingestRateLimit: 2500 });
  const plain = await admin.apiKeys.create({ type: 'publishable' });
  expect(plain.apiKey).toMatchObject({ rateLimit: null, ingestRateLimit: null });
  const { apiKeys } = await admin.apiKeys.list();
  expect(apiKeys.find((k) => k.id === created.apiKey.id)).toMatchObject({ rateLimit: 20, ingestRateLimit: 2500 });
  const entry = await database.db
    .selectFrom('auditLog')
    .select('details')
    .where('targetId', '=', created.apiKey.id)
    .where('action', '=', 'api_key.created')
    .executeTakeFirstOrThrow();
  expect(entry.details).toMatchObject({ rateLimit: 20, ingestRateLimit: 2500 });
});

it.each([0, -1, 1.5, 2_000_000])('refuses a limit of %s', async (rateLimit) => {
  const tenant = await createTenant(database.db);
  const admin = callerFor(database.db, await staffActor(database.db, tenant, 'admin'));
  await expect(admin.apiKeys.create({ type: 'secret', rateLimit })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
});
