/**
 * The keyed customer read runs, on PostgreSQL, as a named prepared statement (planned once per
 * connection); on PGlite as a plain query. Either way the same row comes back every time, and it
 * is the row the list reads column by column (the keyed read fetches it as one JSON document).
 */
import { batchUpsertCustomers, createSegment, drainStaleScores, getCustomer, ingestEvents, systemActor } from '@tenure/core';
import { createDb, customerReadQueries, type Database, migrateToLatest, sql } from '@tenure/db';
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

  it('gives exactly the row the list reads: keys, nested attributes, timestamps, scores, acquisition, segments', async () => {
    const tenant = await createTenant(database.db);
    const scope = { envId: tenant.live.envId, workspaceId: tenant.workspaceId, actor: systemActor(tenant.workspaceId, tenant.live.envId) };
    const written = await batchUpsertCustomers(
      database.db,
      scope,
      [
        // Attribute keys keep their own spelling (snake_case, camelCase); d-2 has no events.
        {
          externalId: 'd-1',
          name: 'Ada',
          email: 'ada@example.com',
          attributes: { first_name: 'Ada', planTier: 'gold', line_items: [{ sku_id: 'a-1', qty: 2 }], tags: ['x', 'y'] },
        },
        { externalId: 'd-2', name: 'Grace', teamSize: 12, createdAt: '2024-02-29T10:11:12.345Z' },
      ],
      { allowCreatedAt: true },
    );
    expect(written.errors).toEqual([]);
    const events = [
      {
        externalId: 'd-1',
        name: 'campaign_click',
        timestamp: '2026-01-05T08:00:00.123Z',
        context: { campaign: { source: 'Google', name: 'spring' } },
      },
      { externalId: 'd-1', name: 'purchase', timestamp: '2026-01-06T09:30:00.999Z', revenue: 42.5 },
    ];
    const outcome = await ingestEvents(database.db, scope, events, { publishable: false, pathPrefix: (i) => ['events', i] });
    expect(outcome.errors).toEqual([]);
    await createSegment(database.db, scope, { name: 'Named', rules: [{ field: 'name', operator: 'exists' }] });
    await drainStaleScores(database.db, scope.envId);
    // updated_at from the database's clock carries microseconds: both reads truncate them alike.
    await sql`update customers set updated_at = '2026-03-01T01:02:03.456789Z' where environment_id = ${scope.envId} and external_id = 'd-2'`.execute(
      database.db,
    );
    const listed = await customerReadQueries.listCustomerRows(database.db, scope.envId, {
      sortBy: 'createdAt',
      sortOrder: 'asc',
      offset: 0,
      limit: 10,
    });
    expect(listed).toHaveLength(2);
    for (const row of listed) {
      expect(row.segments).toHaveLength(1);
      expect(await customerReadQueries.findCustomerRow(database.db, scope.envId, { id: row.id })).toStrictEqual(row);
    }
    const ada = listed.find((r) => r.externalId === 'd-1');
    expect(ada?.acqSource).toBe('Google');
    expect(ada?.lastEventAt).toEqual(new Date('2026-01-06T09:30:00.999Z'));
  });
});
