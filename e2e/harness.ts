/**
 * Browser-test harness: the real server over the built SPA (apps/web/dist) on an in-memory
 * PGlite, first-run setup, and Debian's chromium driven by playwright-core. Failures save a
 * screenshot under e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { requireEnvironment, systemActor } from '@tenure/core';
import { createDb, type Database, migrateToLatest } from '@tenure/db';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app';
import { firstRun } from '../apps/server/src/bootstrap';
import { loadConfig } from '../apps/server/src/config';

export const ADMIN = { email: 'admin@example.com', password: 'e2e-admin-password' };

const DAY = 86_400_000;
/** An ISO timestamp `n` days before now (fixtures relative to the day the test runs). */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

/** The scope core's write functions take, for the live environment of the first run's `demo` workspace. */
export async function demoScope(db: Database['db']) {
  const { workspace, environment } = await requireEnvironment(db, 'demo', 'live');
  return { envId: environment.id, workspaceId: workspace.id, actor: systemActor(workspace.id, environment.id) };
}

export interface Harness {
  url: string;
  database: Database;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
  await migrateToLatest(database.db);
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), port: 0 };
  const app = await buildApp(database, config);
  await firstRun(database.db, { TENURE_ADMIN_PASSWORD: ADMIN.password }, { demoCustomers: 0 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  // playwright starts every launch with a fresh, temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    url,
    database,
    browser,
    async close() {
      await browser.close();
      app.server.closeAllConnections();
      await app.close();
      await database.close();
    },
  };
}

/** Runs a scenario in a fresh page; on failure saves a screenshot named after the scenario. */
export async function withPage(harness: Harness, name: string, fn: (page: Page) => Promise<void>): Promise<void> {
  const context = await harness.browser.newContext({ baseURL: harness.url });
  const page = await context.newPage();
  try {
    await fn(page);
  } catch (error) {
    const dir = path.resolve('e2e/screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

export async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
}
