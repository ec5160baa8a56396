/**
 * `npm run bench -- journey`: GET /customers/{id}/journey for a customer with 10,000 events,
 * first pages and cursor walks, sequential requests through HTTP. Target p99 ≤ 10 ms.
 */
import { hashToken, ingestEvents } from '@tenure/core';
import pg from 'pg';
import { benchTenant, benchUrl, freshPostgres, percentile, startServerProcess, table } from './harness';

const EVENTS = 10_000;
const REQUESTS = 2000;

/**
 * The statement a journey request runs (its key is cached): the customer driving a lateral keyset
 * scan of its events, through one pg client.
 */
async function rawJourneyFloor(key: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: benchUrl() });
  await client.connect();
  const keyRow = await client.query('select environment_id from api_keys where hash = $1', [hashToken(key)]);
  const envId = keyRow.rows[0].environment_id;
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS + 50; i++) {
    const started = performance.now();
    await client.query(
      `select c.external_id, e.* from customers c
       left join lateral (select id, customer_id, name, properties, timestamp, received_at, revenue_minor, message_id, context
         from events where environment_id = $1 and customer_id = c.id order by timestamp desc, id desc limit 51) e on true
       where c.environment_id = $1 and c.external_id = $2 and c.deleted_at is null
       order by e.timestamp desc, e.id desc`,
      [envId, 'journey-heavy'],
    );
    if (i >= 50) ms.push(performance.now() - started);
  }
  await client.end();
  return ms;
}

export async function benchJourney(): Promise<void> {
  const database = await freshPostgres();
  const tenant = await benchTenant(database);
  const now = Date.now();
  for (let i = 0; i < EVENTS; i += 1000) {
    const events = Array.from({ length: 1000 }, (_, k) => ({
      externalId: 'journey-heavy',
      name: ['page_viewed', 'feature_used', 'order_completed'][(i + k) % 3],
      timestamp: new Date(now - (i + k) * 60_000).toISOString(),
      properties: { n: i + k },
    }));
    await ingestEvents(database.db, tenant.scope, events, { publishable: false, pathPrefix: (k) => [k] });
  }
  await database.close();
  const server = await startServerProcess({ DATABASE_URL: benchUrl() });
  try {
    const headers = { authorization: `Bearer ${tenant.key}` };
    const get = async (query: string) => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/v1/customers/ext_journey-heavy/journey?${query}`, { headers });
      const body = (await res.json()) as { events: unknown[]; nextCursor: string | null };
      if (res.status !== 200) throw new Error(`journey failed: ${res.status}`);
      return { ms: performance.now() - started, body };
    };
    for (let i = 0; i < 50; i++) await get('limit=50');
    const first: number[] = [];
    const walk: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < REQUESTS; i++) {
      first.push((await get('limit=50')).ms);
      const page = await get(cursor ? `limit=50&cursor=${encodeURIComponent(cursor)}` : 'limit=50');
      walk.push(page.ms);
      cursor = page.body.nextCursor;
    }
    // Context: the same machine's floors — an HTTP request that touches nothing (GET /healthz), and
    // the request's statement straight through `pg`.
    const health: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      await res.json();
      health.push(performance.now() - started);
    }
    const sqlFloor = await rawJourneyFloor(tenant.key);
    table([
      {
        request: 'first page (limit 50)',
        requests: REQUESTS,
        'p50 ms': percentile(first, 50).toFixed(2),
        'p99 ms': percentile(first, 99).toFixed(2),
        target: 'p99 ≤ 10',
      },
      {
        request: 'cursor walk (limit 50)',
        requests: REQUESTS,
        'p50 ms': percentile(walk, 50).toFixed(2),
        'p99 ms': percentile(walk, 99).toFixed(2),
        target: 'p99 ≤ 10',
      },
      {
        request: 'context: GET /healthz (no auth, no database)',
        requests: REQUESTS,
        'p50 ms': percentile(health, 50).toFixed(2),
        'p99 ms': percentile(health, 99).toFixed(2),
        target: '',
      },
      {
        request: 'context: the same statement via pg, no HTTP',
        requests: REQUESTS,
        'p50 ms': percentile(sqlFloor, 50).toFixed(2),
        'p99 ms': percentile(sqlFloor, 99).toFixed(2),
        target: '',
      },
    ]);
  } finally {
    await server.stop();
  }
}
