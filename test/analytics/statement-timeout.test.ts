/**
 * statement_timeout on request-time analytics reads (packages/db/src/analytics/statement.ts): past
 * it PostgreSQL cancels the statement, and the route answers 500 ANALYTICS_ERROR — customer stats,
 * cohorts and LTV cohorts alike. PostgreSQL only: PGlite runs no timers.
 */
import { AppError } from '@tenure/contract';
import { createAnalyticsEngine, createApiKey, createWorkspace, requireEnvironment, systemActor } from '@tenure/core';
import { type DB, type Database, type Kysely, sql } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { api, startTestServer, type TestServer } from '../helpers/server';

const BULK = 10_000;

/**
 * An environment with 10,000 customers and their rollups, so that no analytics statement over it
 * finishes within 1 ms. Made once per database and reused by later runs (inserts skip what
 * exists): deleting that many customers would take far longer than the test, as the foreign keys
 * cascade row by row. Returns a new secret key of it.
 */
async function bulkEnvironment(db: Kysely<DB>): Promise<string> {
  const slug = 'statement-timeout-bulk';
  try {
    await createWorkspace(db, { slug, name: 'Statement timeout (bulk data)' });
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
  const { workspace, environment } = await requireEnvironment(db, slug, 'live');
  const envId = environment.id;
  await sql`insert into customers (id, environment_id, created_at, updated_at)
    select 'cus_bulk_' || ${envId} || '_' || g, ${envId}, now() - g * interval '1 hour', now()
    from generate_series(1, ${BULK}::int) g
    on conflict (id) do nothing`.execute(db);
  await sql`insert into customer_rollups (environment_id, customer_id, first_seen_at)
    select environment_id, id, first_seen_at from customers where environment_id = ${envId}
    on conflict do nothing`.execute(db);
  const scope = { envId, workspaceId: workspace.id, actor: systemActor(workspace.id, envId), mode: 'live' as const };
  return (await createApiKey(db, scope, { type: 'secret' })).key;
}

describe.skipIf(!process.env.DATABASE_URL)('statement_timeout (needs PostgreSQL: DATABASE_URL; PGlite runs no timers)', () => {
  let database: Database;
  let server: TestServer;
  let limited: TestServer;
  const log: Record<string, unknown>[] = [];
  beforeAll(async () => {
    database = await setupTestDb();
    server = await startTestServer(database);
    // The same SQL engine, with a 1 ms limit; log lines kept to see why each request failed.
    limited = await startTestServer(
      database,
      { LOG_LEVEL: 'error' },
      {
        analytics: createAnalyticsEngine(database.db, { statementTimeoutMs: 1 }),
        logStream: { write: (line) => void log.push(JSON.parse(line)) },
      },
    );
  });
  afterAll(async () => {
    await limited?.close();
    await server?.close();
    await database?.close();
  });

  it('a statement past it answers 500 ANALYTICS_ERROR: stats, cohorts, LTV cohorts', { timeout: 60_000 }, async () => {
    const key = await bulkEnvironment(database.db);
    for (const path of ['/customers/stats', '/customers/cohorts?groupBy=week&periods=12', '/customers/ltv-cohorts?months=12']) {
      const res = await api(limited.url, 'GET', `/api/v1${path}`, { key, headers: { 'cache-control': 'no-cache' } });
      expect(res.status, path).toBe(500);
      expect(res.body, path).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        message: expect.stringMatching(/^Analytics query failed/),
        reason: 'ANALYTICS_ERROR',
      });
      // PostgreSQL cancelled it (57014 query_canceled), which the log line says.
      const entry = log.find((e) => e.reqId === res.headers.get('x-request-id'));
      expect(JSON.stringify(entry?.err), path).toMatch(/canceling statement due to statement timeout/);
      // With the default limit the same question is answered.
      expect((await api(server.url, 'GET', `/api/v1${path}`, { key })).status, path).toBe(200);
    }
    expect((await api(server.url, 'GET', '/api/v1/customers/stats', { key })).body.stats.total).toBe(BULK);
  });
});
