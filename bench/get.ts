/**
 * `npm run bench -- get`: GET /customers/{id} under 50 concurrent connections (autocannon), against
 * a bare Fastify route doing the same primary-key SELECT through `pg`, in the same run. The
 * customers are in segments (each in one to three of them), so the read carries its `segments`.
 * Targets (QUALITY.md): ≥ 0.5× the baseline's requests/s, p99 ≤ 2× the baseline's p99.
 *
 * Steady state, both sides alike: each server gets WARMUP_SECONDS of the same load before a measured
 * run (the JIT compiles the hot path), Tenure's background refresh of the seeded customers (rollups,
 * scores, segment memberships) is finished before it is measured, and the two servers take turns
 * for ROUNDS rounds (`BENCH_GET_ROUNDS`, default 2), because this machine's speed moves within
 * minutes: each round is a pair measured back to back, with its own verdict.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { batchUpsertCustomers, createSegment } from '@tenure/core';
import { sql } from '@tenure/db';
import { benchTenant, benchUrl, freshPostgres, ROOT, startServerProcess, table, waitForRefresh } from './harness';

const CUSTOMERS = 10_000;
const CONNECTIONS = 50;
const SECONDS = 15;
const WARMUP_SECONDS = 3;
const ROUNDS = Number(process.env.BENCH_GET_ROUNDS ?? 2);

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/**
 * 50 connections for SECONDS, each request for the next of `paths` in turn, from autocannon in a
 * process of its own (plain Node): a load generator sharing the driver's thread capped the bare
 * route near 1,200 req/s and made every ratio look better than it is.
 */
async function load(origin: string, paths: string[], headers: Record<string, string>, seconds = SECONDS): Promise<Load> {
  const job = JSON.stringify({ origin, paths, headers, connections: CONNECTIONS, seconds });
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/autocannon-load.mjs')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(job);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim()) as Load;
}

async function startBareServer(port: number): Promise<{ origin: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bench/bare-server.mjs'), benchUrl(), String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('bare server exited during start');
    try {
      await fetch(origin);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function benchGet(): Promise<void> {
  const database = await freshPostgres();
  const tenant = await benchTenant(database);
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    externalId: `get-${i}`,
    email: `get${i}@example.com`,
    name: `Bench Customer ${i}`,
    plan: ['free', 'starter', 'pro'][i % 3],
    attributes: { country: ['US', 'DE', 'FR'][i % 3], seats: i % 40, tags: ['alpha', `t${i % 10}`] },
  }));
  await batchUpsertCustomers(database.db, tenant.scope, customers, { allowCreatedAt: false });
  for (const [name, rule] of [
    ['Everyone', { field: 'email', operator: 'exists' }],
    ['Pro plan', { field: 'plan', operator: 'eq', value: 'pro' }],
    ['United States', { field: 'attributes.country', operator: 'eq', value: 'US' }],
  ] as const) {
    await createSegment(database.db, tenant.scope, { name, rules: [rule] });
  }
  // Statistics as autovacuum would have them on a live database: without them the planner may read
  // the environment's whole stage index for a primary-key lookup.
  await sql`analyze`.execute(database.db);
  const ids = (await database.db.selectFrom('customers').select('id').where('environmentId', '=', tenant.scope.envId).execute()).map(
    (r) => r.id,
  );
  await database.close();

  const bare = await startBareServer(3901);
  const server = await startServerProcess({ DATABASE_URL: benchUrl() });
  const rounds: { api: Load; baseline: Load }[] = [];
  try {
    const sample = (await (
      await fetch(`${server.url}/api/v1/customers/${ids[0]}`, { headers: { authorization: `Bearer ${tenant.key}` } })
    ).json()) as {
      customer?: { segments?: unknown[] };
    };
    if (!sample.customer?.segments?.length) throw new Error('the benchmark customer is in no segment');
    console.log(`  background refresh of the seeded customers finished after ${(await waitForRefresh(tenant.scope.envId)).toFixed(1)} s`);
    const barePaths = ids.map((id) => `/envs/${tenant.scope.envId}/customers/${id}`);
    const apiPaths = ids.map((id) => `/api/v1/customers/${id}`);
    const auth = { authorization: `Bearer ${tenant.key}` };
    await load(bare.origin, barePaths, {}, WARMUP_SECONDS);
    await load(server.url, apiPaths, auth, WARMUP_SECONDS);
    for (let round = 0; round < ROUNDS; round++) {
      const baseline = await load(bare.origin, barePaths, {});
      const api = await load(server.url, apiPaths, auth);
      if (api.non2xx || baseline.non2xx) throw new Error(`non-2xx answers: api ${api.non2xx}, baseline ${baseline.non2xx}`);
      rounds.push({ api, baseline });
    }
  } finally {
    await server.stop();
    await bare.stop();
  }
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  table(
    rounds.flatMap(({ api, baseline }, i) => [
      {
        round: i + 1,
        server: 'GET /api/v1/customers/{id} (Tenure)',
        'req/s': Math.round(api.requestsPerSecond),
        'p50 ms': api.p50,
        'p99 ms': api.p99,
      },
      {
        round: i + 1,
        server: 'baseline: bare Fastify + pg, same SELECT',
        'req/s': Math.round(baseline.requestsPerSecond),
        'p50 ms': baseline.p50,
        'p99 ms': baseline.p99,
      },
    ]),
  );
  for (const [i, { api, baseline }] of rounds.entries()) {
    const ratio = api.requestsPerSecond / baseline.requestsPerSecond;
    console.log(
      `round ${i + 1}: ratio ${ratio.toFixed(2)}× (target ≥ 0.5×: ${verdict(ratio >= 0.5)}); p99 ${api.p99} ms vs 2 × ${baseline.p99} ms (${verdict(api.p99 <= 2 * baseline.p99)}); ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up`,
    );
  }
}
