import { seedDemo } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { createTenant, keyActor, systemActor } from '../helpers/fixtures';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

it('seeds through the ingestion code, idempotently, with aggregates that match the events', async () => {
  const tenant = await createTenant(database.db);
  const scope = { envId: tenant.live.envId, workspaceId: tenant.workspaceId, actor: systemActor(tenant) };
  const progress: number[] = [];
  const first = await seedDemo(database.db, scope, { customers: 60, months: 6, seed: 3 }, (p) => progress.push(p.customersDone));
  expect(first.customers).toBe(60);
  expect(first.events).toBeGreaterThan(100);
  expect(progress.at(-1)).toBe(60);
  const again = await seedDemo(database.db, scope, { customers: 60, months: 6, seed: 3 });
  expect(again).toEqual({ customers: 60, events: 0, duplicates: first.events });

  const caller = callerFor(database.db, keyActor(tenant));
  expect((await caller.customers.count({})).count).toBe(60);
  expect((await caller.events.list({ limit: 1 })).total).toBe(first.events);
  const { customers } = await caller.customers.list({ sortBy: 'ltv', sortOrder: 'desc', limit: 1 });
  const top = customers[0]!;
  const events = [];
  let cursor: string | undefined;
  do {
    const page = await caller.customers.journey({ id: top.id, limit: 200, cursor });
    events.push(...page.events);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const revenue = events.reduce((s, e) => s + Math.round((e.revenue ?? 0) * 100), 0) / 100;
  expect(top.ltv).toBe(revenue);
  expect(top.lastActivityAt).toBe(events[0]?.timestamp);
});
