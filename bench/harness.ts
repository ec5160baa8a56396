/** Benchmark plumbing: a PostgreSQL database of its own, a tenant with a raised-limit key, a server process. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiKey, createWorkspace, requireEnvironment, setEnvironmentRateLimits, systemActor } from '@tenure/core';
import { createDb, type Database, migrateToLatest } from '@tenure/db';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_DB = 'tenure_bench';

/** The URL of a bench database (`tenure_bench` unless a scenario keeps its own). */
export function benchUrl(name: string = BENCH_DB): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh bench database, migrated. */
export async function freshPostgres(name: string = BENCH_DB): Promise<Database> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad bench database name ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = createDb({ databaseUrl: benchUrl(name), poolSize: 8 });
  await migrateToLatest(database.db);
  return database;
}

export async function benchTenant(database: Database, slug = `bench-${Date.now().toString(36)}`, existing = false) {
  const ws = existing
    ? await database.db.selectFrom('workspaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    : await createWorkspace(database.db, { slug, name: 'Benchmark (generated data)' });
  const { environment } = await requireEnvironment(database.db, slug, 'live');
  const actor = systemActor(ws.id, environment.id);
  const scope = { envId: environment.id, workspaceId: ws.id, actor };
  // Benchmarks use raised limits (REST.md), set as a user would (`tenure api-key create --rate-limit`,
  // `tenure environment set`): 1M requests per second for this key and its environment, both classes.
  const raised = { rateLimit: 1_000_000, ingestRateLimit: 1_000_000 };
  const key = await createApiKey(database.db, { ...scope, mode: 'live' }, { type: 'secret', name: 'bench', ...raised });
  await setEnvironmentRateLimits(database.db, scope, raised);
  return { slug, scope, key: key.key };
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident set size in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string>, port = 3900): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'apps/server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', TENURE_DEMO: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited during start');
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid as number,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** POSTs a JSON body; pass it already serialized to keep the client's JSON.stringify out of a timing. */
export async function postJson(url: string, key: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

export function table(rows: Record<string, string | number>[]): void {
  console.table(rows);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name, in clock ticks.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds used so far by every PostgreSQL process of this machine (backends, WAL writer,
 * checkpointer, autovacuum). A difference of two readings is the database's CPU for what ran in
 * between, short of backends that exited in between (the benchmarks keep their pools open).
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres') total += processCpuSeconds(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return total;
}

/** Stale marks plus refresh jobs queued or running for an environment: 0 when the refresh has caught up. */
export async function refreshBacklog(client: pg.Client, envId: string): Promise<number> {
  const { rows } = await client.query(
    `select (select count(*) from score_refresh_queue where environment_id = $1)
          + (select count(*) from pgboss.job where name = 'scores.refresh' and state in ('created', 'retry', 'active')) as left`,
    [envId],
  );
  return Number(rows[0].left);
}

/**
 * Waits until the server's background refresh has caught up with an environment (no stale mark,
 * no refresh job queued or running); returns the seconds waited.
 */
export async function waitForRefresh(envId: string, url: string = benchUrl()): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    while ((await refreshBacklog(client, envId)) > 0) await new Promise((r) => setTimeout(r, 50));
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}
