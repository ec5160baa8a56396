/** The real HTTP server on an ephemeral port, over the test database. */
import type { Database } from '@tenure/db';
import { afterAll, beforeAll } from 'vitest';
import { type AppServices, buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { setupTestDb } from './db';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(
  database: Database,
  env: Record<string, string> = {},
  services: AppServices = {},
): Promise<TestServer> {
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', ...env }), port: 0 };
  const app = await buildApp(database, config, services);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    close: async () => {
      // Tests need no graceful drain: drop keep-alive sockets so close() cannot wait on them.
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch + JSON for REST tests. */
export async function api<T = any>(
  base: string,
  method: string,
  path: string,
  opts: { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON bodies stay text
  }
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export interface HttpFixture {
  database: Database;
  server: TestServer;
}

/** One database and one real HTTP server for a test file, opened before and closed after its tests. */
export function useHttpFixture(env: Record<string, string> = {}): HttpFixture {
  const fixture = {} as HttpFixture;
  beforeAll(async () => {
    fixture.database = await setupTestDb();
    fixture.server = await startTestServer(fixture.database, env);
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.database?.close();
  });
  return fixture;
}

/** One tRPC call over HTTP (POST for mutations, GET with `?input=` for queries), as the SPA or the typed client makes it. */
export async function trpcHttp(
  base: string,
  path: string,
  opts: { input?: unknown; rawInput?: string; cookie?: string; key?: string; origin?: string | null; env?: string; query?: boolean } = {},
): Promise<ApiResponse<{ result?: { data: any }; error?: { message: string; data: { code: string; rest: { code: string } } } }>> {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.origin !== null) headers.origin = opts.origin ?? base;
  if (opts.env) headers['x-tenure-environment'] = opts.env;
  const input = opts.rawInput ?? JSON.stringify(opts.input ?? {});
  const res = opts.query
    ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(input)}`, { headers })
    : await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: input });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
