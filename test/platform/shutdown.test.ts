/** Graceful shutdown: SIGTERM lets in-flight requests finish, and what got a 2xx is stored. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiKey, createWorkspace, requireEnvironment, systemActor } from '@tenure/core';
import { createDb, migrateToLatest } from '@tenure/db';
import { afterAll, expect, it } from 'vitest';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tenure-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

it('finishes an in-flight batch after SIGTERM and exits 0', { timeout: 120_000 }, async () => {
  const dbUrl = process.env.DATABASE_URL;
  const setup = createDb({ databaseUrl: dbUrl, dataDir });
  await migrateToLatest(setup.db);
  const slug = `shutdown-${Date.now().toString(36)}`;
  await createWorkspace(setup.db, { slug, name: 'Shutdown' });
  const { workspace, environment } = await requireEnvironment(setup.db, slug, 'live');
  const actor = systemActor(workspace.id, environment.id);
  const { key } = await createApiKey(
    setup.db,
    { envId: environment.id, workspaceId: workspace.id, actor, mode: 'live' },
    { type: 'secret' },
  );
  await setup.close();

  const port = 3950 + Math.floor(Math.random() * 40);
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), TENURE_DATA_DIR: dataDir, TENURE_DEMO: '0', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const customers = Array.from({ length: 3000 }, (_, i) => ({ externalId: `s-${i}`, attributes: { n: i } }));
  const inFlight = fetch(`${url}/api/v1/customers/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ customers }),
  });
  // Let the request reach the server (the batch takes far longer than this to process).
  await new Promise((r) => setTimeout(r, 150));
  child.kill('SIGTERM');
  const res = await inFlight;
  expect(res.status).toBe(200);
  expect(((await res.json()) as { created: number }).created).toBe(3000);
  expect(await exited).toBe(0);

  const check = createDb({ databaseUrl: dbUrl, dataDir });
  const row = await check.db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('environmentId', '=', environment.id)
    .executeTakeFirstOrThrow();
  await check.close();
  expect(Number(row.n)).toBe(3000);
});
