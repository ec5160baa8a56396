/**
 * `npm run bench -- get`: GET /customers/{id} under 50 concurrent connections (autocannon), against
 * a bare Fastify route doing the same primary-key SELECT through `pg`, in the same run.
 * Targets (QUALITY.md): ≥ 0.5× the baseline's requests/s, p99 ≤ 50 ms.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { batchUpsertCustomers } from '@tenure/core';
import autocannon from 'autocannon';
import { benchTenant, benchUrl, freshPostgres, ROOT, startServerProcess, table } from './harness';

const CUSTOMERS = 5000;
const CONNECTIONS = 50;
const SECONDS = 15;

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** 50 connections for SECONDS, each request for the next of `paths` in turn. */
async function load(origin: string, paths: string[], headers: Record<string, string>): Promise<Load> {
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }),
      },
    ],
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

async function startBareServer(port: number): Promise<{ origin: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/bare-server.ts'), benchUrl(), String(port)], {
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
  const ids = (await database.db.selectFrom('customers').select('id').where('environmentId', '=', tenant.scope.envId).execute()).map(
    (r) => r.id,
  );
  await database.close();

  const bare = await startBareServer(3901);
  const baseline = await load(
    bare.origin,
    ids.map((id) => `/envs/${tenant.scope.envId}/customers/${id}`),
    {},
  );
  await bare.stop();

  const server = await startServerProcess({ DATABASE_URL: benchUrl() });
  let api: Load;
  try {
    api = await load(
      server.url,
      ids.map((id) => `/api/v1/customers/${id}`),
      { authorization: `Bearer ${tenant.key}` },
    );
  } finally {
    await server.stop();
  }
  if (api.non2xx || baseline.non2xx) throw new Error(`non-2xx answers: api ${api.non2xx}, baseline ${baseline.non2xx}`);
  const row = (name: string, l: Load, target: string) => ({
    server: name,
    'req/s': Math.round(l.requestsPerSecond),
    'p50 ms': l.p50,
    'p99 ms': l.p99,
    target,
  });
  table([
    row('GET /api/v1/customers/{id} (Tenure)', api, '≥ 0.5× baseline, p99 ≤ 50 ms'),
    row('baseline: bare Fastify + pg, same SELECT', baseline, '(context)'),
  ]);
  console.log(`ratio ${(api.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× (${CONNECTIONS} connections, ${SECONDS} s each)`);
}
