/**
 * The transition log: every change of lifecycle stage and risk level recorded once, in order,
 * never for a first computation, never twice under concurrent refreshes, never backwards.
 */
import { createAnalyticsEngine } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { analyticsFixture, fixedNow, pickScores } from './fixture';
import { DAY, DEFAULTS, referenceScores } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

async function transitionsOf(envId: string, customerId: string) {
  const rows = await createAnalyticsEngine(database.db).listTransitions({ envId, customerId, limit: 100 });
  return rows.map((t) => ({
    kind: t.kind,
    from: t.from,
    to: t.to,
    health: t.health,
    previousHealth: t.previousHealth,
    at: t.at.toISOString(),
  }));
}

describe('score transitions', () => {
  it('walks one customer through every stage in order, recording each transition once', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const steady = Array.from({ length: 13 }, (_, i) => ({ daysAgo: 224 - 2 * i }));
    const id = await fx.customer('life', 300, [{ daysAgo: 225 }, ...steady]);
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
    const steps: [number, string, string | null, number | null, number | null][] = [
      // [now = days ago, stage, risk, health, previousHealth]
      [295, 'new', null, null, null],
      [280, 'dormant', null, null, null],
      [230, 'churned', null, null, null],
      // First event half a day before, 75 d after firstSeenAt: R = 99.17, n30 = 1 → 23, M = 50: 49.58 + 8.05 + 7.5 → 65.
      [224.5, 'reactivated', 'medium', 65, null],
      // Last event 5 d before, n30 = 13 → round(100 ln 14 / ln 21) = 87: 45.83 + 30.45 + 7.5 → 84.
      [195, 'active', 'low', 84, 65],
      // 40 d without events: 16.67 + 0 + 7.5 → 24.
      [160, 'at_risk', 'high', 24, 84],
      // 70 d without events: R = 0 → 7.5 → 8.
      [130, 'churned', 'high', 8, 24],
    ];
    for (const [daysAgo, stage, risk, health, previous] of steps) {
      await fx.refresh([id], at(daysAgo));
      const { customer } = await fx.caller.customers.get({ id });
      expect({ daysAgo, ...pickScores(customer) }).toMatchObject({
        daysAgo,
        lifecycleStage: stage,
        riskLevel: risk,
        health,
        previousHealth: previous,
      });
      expect(referenceScores(fx.eventsOf('life'), fx.firstSeenOf('life'), DEFAULTS, at(daysAgo))).toMatchObject({
        lifecycleStage: stage,
        health,
      });
    }
    // Nothing changes a day later: previous health stays, no transition.
    const again = await fx.refresh([id], at(129));
    expect(again).toEqual({ examined: 1, changed: 0, transitions: 0 });
    expect((await fx.caller.customers.get({ id })).customer.previousHealth).toBe(24);

    // The environment's log, read in pages with a cursor, is the same list.
    const engine = createAnalyticsEngine(database.db);
    const paged: string[] = [];
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const page = await engine.listTransitions({ envId: fx.envId, after, limit: 4 });
      paged.push(...page.map((t) => `${t.kind}:${t.to}`));
      const last = page.at(-1);
      if (!last) break;
      after = { at: last.at, id: last.id };
    }
    expect(paged).toHaveLength(9);

    const iso = (daysAgo: number) => at(daysAgo).toISOString();
    expect(await transitionsOf(fx.envId, id)).toEqual([
      { kind: 'lifecycle', from: 'new', to: 'dormant', health: null, previousHealth: null, at: iso(280) },
      { kind: 'lifecycle', from: 'dormant', to: 'churned', health: null, previousHealth: null, at: iso(230) },
      { kind: 'lifecycle', from: 'churned', to: 'reactivated', health: 65, previousHealth: null, at: iso(224.5) },
      { kind: 'risk', from: null, to: 'medium', health: 65, previousHealth: null, at: iso(224.5) },
      { kind: 'lifecycle', from: 'reactivated', to: 'active', health: 84, previousHealth: 65, at: iso(195) },
      { kind: 'risk', from: 'medium', to: 'low', health: 84, previousHealth: 65, at: iso(195) },
      { kind: 'lifecycle', from: 'active', to: 'at_risk', health: 24, previousHealth: 84, at: iso(160) },
      { kind: 'risk', from: 'low', to: 'high', health: 24, previousHealth: 84, at: iso(160) },
      { kind: 'lifecycle', from: 'at_risk', to: 'churned', health: 8, previousHealth: 24, at: iso(130) },
    ]);
    expect(paged).toEqual((await transitionsOf(fx.envId, id)).map((t) => `${t.kind}:${t.to}`));
  });

  it('records no transition for a first computation, and none twice under concurrent refreshes', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    // Imported long ago and long gone: churned at once, which is where it starts, not a move.
    const id = await fx.customer('imported', 400, [{ daysAgo: 300 }]);
    expect(await fx.refresh([id])).toMatchObject({ examined: 1, changed: 1, transitions: 0 });
    await fx.caller.events.ingest({ externalId: 'imported', name: 'back', timestamp: new Date(now.getTime() - 1000).toISOString() });
    const runs = await Promise.all([fx.refresh([id]), fx.refresh([id]), fx.refresh([id])]);
    expect(runs.reduce((n, r) => n + r.transitions, 0)).toBe(2);
    expect((await transitionsOf(fx.envId, id)).map((t) => `${t.kind}:${t.from}→${t.to}`)).toEqual([
      'lifecycle:churned→reactivated',
      'risk:high→medium',
    ]);
  });

  it('never lets scores as of an earlier time overwrite newer ones', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const id = await fx.customer('late', 300, [{ daysAgo: 250 }, { daysAgo: 20 }]);
    const later = new Date(now.getTime() + 50 * DAY);
    await fx.refresh([id], now);
    expect(await fx.refresh([id], later)).toMatchObject({ changed: 1, transitions: 2 });
    // A refresh that computed as of `now` but lands afterwards (a slow racer) changes nothing.
    expect(await fx.refresh([id], now)).toEqual({ examined: 1, changed: 0, transitions: 0 });
    const { customer } = await fx.caller.customers.get({ id });
    expect(customer).toMatchObject({ lifecycleStage: 'churned', scoresComputedAt: later.toISOString() });
    expect((await transitionsOf(fx.envId, id)).map((t) => `${t.kind}:${t.from}→${t.to}`)).toEqual([
      'lifecycle:reactivated→churned',
      'risk:medium→high',
    ]);
  });
});
