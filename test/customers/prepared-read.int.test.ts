/**
 * The keyed customer read runs, on PostgreSQL, as a named prepared statement (planned once per
 * connection); on PGlite as a plain query. Either way the same row comes back every time.
 */
import { batchUpsertCustomers, getCustomer, systemActor } from '@tenure/core';
import { createDb, type Database, migrateToLatest, sql } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../helpers/fixtures';

let database: Database;

beforeAll(async () => {
  // One connection, so the statement's session is the one the check below looks at.
  database = createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 1 });
  await migrateToLatest(database.db);
});
afterAll(() => database.close());

describe('keyed customer read', () => {
  it('answers the same row on every execution, prepared once per connection on PostgreSQL', async () => {
    const tenant = await createTenant(database.db);
    const scope = { envId: tenant.live.envId, workspaceId: tenant.workspaceId, actor: systemActor(tenant.workspaceId, tenant.live.envId) };
    await batchUpsertCustomers(
      database.db,
      scope,
      [
        { externalId: 'p-1', name: 'Ada' },
        { externalId: 'p-2', name: 'Grace' },
      ],
      { allowCreatedAt: false },
    );
    // More executions than PostgreSQL's five custom plans, so a generic plan is used too.
    for (let i = 0; i < 8; i++) {
      expect((await getCustomer(database.db, scope.envId, 'ext_p-1')).name).toBe('Ada');
      expect((await getCustomer(database.db, scope.envId, 'ext_p-2')).name).toBe('Grace');
    }
    await expect(getCustomer(database.db, scope.envId, 'ext_p-3')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    if (database.driver !== 'postgres') return;
    const prepared = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(
      database.db,
    );
    const named = prepared.rows.filter((r) => r.name.startsWith('tenure_'));
    expect(named).toHaveLength(1);
    expect(named[0]?.statement).toContain('from "customers"');
  });
});
