/**
 * `npm run bench -- customers`: POST /customers/batch with 10,000 customers (~2 KB of attributes
 * each), 5 runs of new customers and 5 runs updating the same ones, on PostgreSQL. Target p50 ≤ 1.5 s.
 */
import { benchTenant, freshPostgres, percentile, postJson, startServerProcess, benchUrl, table } from './harness';

const COUNT = 10_000;
const RUNS = 5;

function customer(run: number, i: number, version: number) {
  return {
    externalId: `bench-${run}-${i}`,
    email: `user${i}.${run}@example.com`,
    name: `Bench Customer ${i}`,
    company: `Company ${i % 700}`,
    role: 'Analyst',
    teamSize: (i % 50) + 1,
    locale: 'en-US',
    plan: ['free', 'starter', 'pro'][i % 3],
    attributes: {
      version,
      country: ['US', 'DE', 'FR', 'GB'][i % 4],
      seats: i % 40,
      trial: i % 2 === 0,
      bio: `Long-form notes about customer ${i}: `.padEnd(900, 'lorem ipsum dolor sit amet '),
      signup_source: 'benchmark',
      orders: Array.from({ length: 6 }, (_, k) => ({ id: k, total: (i % 97) + k, sku: `SKU-${(i + k) % 1000}`, note: 'x'.repeat(60) })),
      tags: ['alpha', 'beta', 'gamma', `t${i % 10}`],
    },
  };
}

export async function benchCustomers(): Promise<void> {
  const database = await freshPostgres();
  const { key } = await benchTenant(database);
  await database.close();
  const server = await startServerProcess({ DATABASE_URL: benchUrl() });
  try {
    const size = JSON.stringify(customer(0, 1, 0)).length;
    const timings: { kind: string; ms: number }[] = [];
    for (const kind of ['new', 'update'] as const) {
      for (let run = 0; run < RUNS; run++) {
        const batchRun = kind === 'new' ? run : 0;
        const customers = Array.from({ length: COUNT }, (_, i) => customer(batchRun, i, run + 1));
        const started = performance.now();
        const res = await postJson(`${server.url}/api/v1/customers/batch`, key, { customers });
        const ms = performance.now() - started;
        if (res.status !== 200 || res.json.errors.length)
          throw new Error(`batch failed: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
        const expected = kind === 'new' ? res.json.created : res.json.updated;
        if (expected !== COUNT) throw new Error(`expected ${COUNT} ${kind}, got ${JSON.stringify(res.json)}`);
        timings.push({ kind, ms });
      }
    }
    const rows = (['new', 'update'] as const).map((kind) => {
      const ms = timings.filter((t) => t.kind === kind).map((t) => t.ms);
      return {
        batch: `${kind} (${COUNT} × ~${(size / 1024).toFixed(1)} KB)`,
        runs: ms.map((m) => m.toFixed(0)).join(' / '),
        'p50 ms': Math.round(percentile(ms, 50)),
        target: '≤ 1500',
      };
    });
    table(rows);
    console.log(`server peak RSS: ${server.peakRssMb().toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}
