/**
 * Stored scores (ANALYTICS.md "Scores"): exact numbers against an independent model, every
 * lifecycle stage, rounding ties, refunds, effective time, deletions, the computed-at stamp and
 * chunked recomputes. Times are relative to a fixed `now` given to the refresh.
 */
import { deleteCustomer, deleteEvent, recomputeEnvironment, updateAnalyticsSettings } from '@tenure/core';
import { type Database, sql } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { systemActor } from '../helpers/fixtures';
import { analyticsFixture, fixedNow, pickScores } from './fixture';
import { DAY, DEFAULTS, referenceScores } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

describe('stored scores', () => {
  it('match the independent model for every case, and customers.get shows them', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const cases: [string, number, { daysAgo: number; revenue?: number }[]][] = [
      ['new-one', 5, [{ daysAgo: 2 }]],
      ['dormant', 20, []],
      ['churned-never-active', 90, []],
      ['churned-gone', 200, [{ daysAgo: 120 }, { daysAgo: 70, revenue: 30 }]],
      ['reactivated-gap', 200, [{ daysAgo: 150 }, { daysAgo: 100 }, { daysAgo: 5 }]],
      ['reactivated-first-event', 90, [{ daysAgo: 10 }]],
      ['at-risk', 100, [{ daysAgo: 50 }, { daysAgo: 40 }]],
      ['active', 100, [{ daysAgo: 45 }, ...Array.from({ length: 15 }, (_, i) => ({ daysAgo: 1 + 2 * i, revenue: 10 }))]],
      [
        'refunds',
        100,
        [
          { daysAgo: 45, revenue: 100 },
          { daysAgo: 20, revenue: 50 },
          { daysAgo: 10, revenue: -20 },
        ],
      ],
      [
        'growth',
        100,
        [
          { daysAgo: 40, revenue: 40 },
          { daysAgo: 3, revenue: 70 },
        ],
      ],
      ['refund-only', 100, [{ daysAgo: 50 }, { daysAgo: 3, revenue: -25 }]],
      ['first-revenue', 100, [{ daysAgo: 50 }, { daysAgo: 3, revenue: 12.34 }]],
      ['prev-refund', 100, [{ daysAgo: 50, revenue: -10 }, { daysAgo: 20 }]],
      ['fractional', 100, [{ daysAgo: 10.25 }, { daysAgo: 33.5, revenue: 7.77 }, { daysAgo: 2.75, revenue: 3.33 }]],
    ];
    const ids = new Map<string, string>();
    for (const [ext, created, events] of cases) ids.set(ext, await fx.customer(ext, created, events));

    const result = await fx.refresh([...ids.values()]);
    expect(result.examined).toBe(cases.length);

    const stages = new Set<string>();
    for (const [ext] of cases) {
      const expected = referenceScores(fx.eventsOf(ext), fx.firstSeenOf(ext), DEFAULTS, now);
      const { customer } = await fx.caller.customers.get({ id: `ext_${ext}` });
      expect({ ext, ...pickScores(customer) }).toEqual({ ext, ...expected, previousHealth: null });
      expect(customer.scoresComputedAt).toBe(now.toISOString());
      stages.add(customer.lifecycleStage);
      if (customer.healthComponents) {
        for (const v of Object.values(customer.healthComponents)) expect(typeof v).toBe('number');
      }
    }
    expect([...stages].sort()).toEqual(['active', 'at_risk', 'churned', 'dormant', 'new', 'reactivated']);
  });

  it('states the hand-worked cases: no events, refunds in M and G, reactivation after firstSeenAt', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const set = [
      await fx.customer('none', 20),
      await fx.customer('refunds', 100, [
        { daysAgo: 45, revenue: 100 },
        { daysAgo: 20, revenue: 50 },
        { daysAgo: 10, revenue: -20 },
      ]),
      await fx.customer('first', 90, [{ daysAgo: 10 }]),
    ];
    await fx.refresh(set);
    const get = async (ext: string) => (await fx.caller.customers.get({ id: `ext_${ext}` })).customer;

    expect(pickScores(await get('none'))).toMatchObject({
      health: null,
      healthComponents: null,
      riskLevel: null,
      engagementScore: 0,
      expansionScore: 0,
      lifecycleStage: 'dormant',
    });
    // r30 = 50 − 20 = 30, rPrev = 100: M = 50 + 50 × (−70 / 100) = 15; G = clamp(−0.7, 0, 1) = 0.
    // R = 100 × (1 − 10/60) = 83.33…; n30 = 2: engagement = round(100 × ln 3 / ln 21) = round(36.08) = 36.
    // health = round(41.666… + 12.6 + 2.25) = round(56.52) = 57; expansion = round(0.4 × 36) = 14.
    expect(pickScores(await get('refunds'))).toMatchObject({
      health: 57,
      healthComponents: { recency: 83.33, engagement: 36, monetary: 15 },
      expansionScore: 14,
      riskLevel: 'medium',
      lifecycleStage: 'active',
    });
    // First event 80 days after firstSeenAt (≥ 60): reactivated.
    expect((await get('first')).lifecycleStage).toBe('reactivated');
  });

  it('rounds .5 ties half away from zero: health 22.5 → 23, engagement 12.5 → 13, components x.xx5 up', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    // R = 100 × (1 − 33/60) = 45, n30 = 0, r30 = 0 < rPrev = 10 → M = 0: health = 0.5 × 45 = 22.5.
    const tie = await fx.customer('tie', 100, [{ daysAgo: 33, revenue: 10 }]);
    // r30 = 100.00, rPrev = 99.99: M = 50 + 50 × 0.01/100 = 50.005 → 50.01 (half-even: 50.00).
    // Last event 777.6 s ago: R = 100 × (1 − 777.6 / 5,184,000) = 99.985 → 99.99 (half-even: 99.98).
    const cents = await fx.customer('cents', 100, [
      { daysAgo: 40, revenue: 99.99 },
      { daysAgo: 777.6 / 86_400, revenue: 100 },
    ]);
    await fx.refresh([tie, cents]);
    const t = (await fx.caller.customers.get({ id: 'ext_tie' })).customer;
    expect(t.health).toBe(23);
    expect(t.healthComponents).toEqual({ recency: 45, engagement: 0, monetary: 0 });
    const c = (await fx.caller.customers.get({ id: 'ext_cents' })).customer;
    expect(c.healthComponents).toEqual({ recency: 99.99, engagement: 23, monetary: 50.01 });

    // engagementTarget 255: one event gives 100 × ln 2 / ln 256 = 12.5 exactly → 13.
    const scope = { envId: fx.envId, workspaceId: fx.tenant.workspaceId, actor: systemActor(fx.tenant) };
    await updateAnalyticsSettings(database.db, scope, { engagementTarget: 255 });
    const one = await fx.customer('one', 100, [{ daysAgo: 1 }]);
    await fx.refresh([one]);
    expect((await fx.caller.customers.get({ id: 'ext_one' })).customer.engagementScore).toBe(13);
  });

  it('stamps scoresComputedAt on every examined customer, rewriting only changed ones', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const gone = await fx.customer('gone', 300, [{ daysAgo: 200 }]);
    const busy = await fx.customer('busy', 300, [{ daysAgo: 1 }]);
    await fx.refresh([gone, busy]);
    const rowVersion = async (id: string) =>
      (await sql<{ v: string }>`select xmin::text as v from customers where id = ${id}`.execute(database.db)).rows[0]?.v;
    const before = await rowVersion(gone);
    const later = new Date(now.getTime() + 3600_000);
    // An hour later the churned customer's scores are the same; the active one's recency moved.
    expect(await fx.refresh([gone, busy], later)).toEqual({ examined: 2, changed: 1, transitions: 0 });
    for (const id of [gone, busy]) expect((await fx.caller.customers.get({ id })).customer.scoresComputedAt).toBe(later.toISOString());
    // The unchanged customer's row was not rewritten (same row version).
    expect(await rowVersion(gone)).toBe(before);
  });

  it('counts an event timestamped up to an hour ahead at its arrival (effective time)', async () => {
    const fx = await analyticsFixture(database.db, fixedNow());
    const before = new Date();
    const id = await fx.customer('future', 100, []);
    await fx.caller.events.ingest({ externalId: 'future', name: 'early', timestamp: new Date(Date.now() + 30 * 60_000).toISOString() });
    const after = new Date(Date.now() + 1);
    await fx.refresh([id], before);
    expect((await fx.caller.customers.get({ id })).customer.health).toBeNull();
    // As of just after the arrival (still half an hour before its timestamp) it counts.
    await fx.refresh([id], after);
    const { customer } = await fx.caller.customers.get({ id });
    expect(customer.engagementScore).toBe(23);
    expect(customer.healthComponents?.recency).toBe(100);
    expect(customer.lifecycleStage).toBe('reactivated');
  });

  it('takes late events at the next refresh: one inside the reactivation gap, one before createdAt (firstSeenAt moves)', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const id = await fx.customer('late', 200, [{ daysAgo: 150 }, { daysAgo: 5, revenue: 12 }]);
    await fx.refresh([id]);
    const before = referenceScores(fx.eventsOf('late'), fx.firstSeenOf('late'), DEFAULTS, now);
    // 145 days between the two events: reactivated; r30 = 12 > rPrev = 0, M = 100.
    expect(before.lifecycleStage).toBe('reactivated');
    expect(pickScores((await fx.caller.customers.get({ id })).customer)).toEqual({ ...before, previousHealth: null });

    // Arriving now, timestamped in the past: 40 days ago (in the gap, with revenue in rPrev's
    // window) and 250 days ago (50 days before the customer's createdAt).
    await fx.customer('late', 200, [{ daysAgo: 40, revenue: 30 }, { daysAgo: 250 }]);
    await fx.refresh([id]);
    const after = referenceScores(fx.eventsOf('late'), fx.firstSeenOf('late'), DEFAULTS, now);
    // The gap before the latest event is 35 days now: no longer reactivated; M falls to 20.
    expect(after.lifecycleStage).toBe('active');
    expect(after.health).not.toBe(before.health);
    const { customer } = await fx.caller.customers.get({ id });
    expect(pickScores(customer)).toEqual({ ...after, previousHealth: before.health });
    expect(customer.acquisition.firstSeenAt).toBe(new Date(now.getTime() - 250 * DAY).toISOString());
    expect(customer.scoresComputedAt).toBe(now.toISOString());
  });

  it('reflects a deleted event and leaves a deleted customer out', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const id = await fx.customer('edit', 100, [
      { daysAgo: 45, revenue: 10 },
      { daysAgo: 5, revenue: 40 },
    ]);
    await fx.refresh([id]);
    expect((await fx.caller.customers.get({ id })).customer.healthComponents?.monetary).toBe(87.5);
    const { events } = await fx.caller.events.list({ customerId: id });
    const recent = events.find((e) => e.revenue === 40);
    const scope = { envId: fx.envId, workspaceId: fx.tenant.workspaceId, actor: systemActor(fx.tenant) };
    await deleteEvent(database.db, scope, recent?.id as string);
    await fx.refresh([id]);
    const expected = referenceScores([{ at: new Date(now.getTime() - 45 * DAY), revenue: 10 }], fx.firstSeenOf('edit'), DEFAULTS, now);
    // Health 67 → round(12.5) = 13 (another .5 tie); previous health keeps the old value.
    expect(pickScores((await fx.caller.customers.get({ id })).customer)).toEqual({ ...expected, previousHealth: 67 });
    expect(expected.health).toBe(13);
    expect(expected.healthComponents?.monetary).toBe(0);

    await deleteCustomer(database.db, scope, id, false);
    expect(await fx.refresh([id], new Date(now.getTime() + DAY))).toEqual({ examined: 0, changed: 0, transitions: 0 });
  });

  it('recomputes an environment in chunks by id, reporting progress', async () => {
    const now = fixedNow();
    const fx = await analyticsFixture(database.db, now);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await fx.customer(`c${i}`, 100 + i, [{ daysAgo: 3 + i }]));
    const progress: { examined: number; total: number; lastId: string | null }[] = [];
    const run = await recomputeEnvironment(database.db, fx.envId, {
      now,
      chunkSize: 2,
      onProgress: (p) => {
        progress.push({ examined: p.examined, total: p.total, lastId: p.lastId });
      },
    });
    const sorted = [...ids].sort();
    expect(progress).toEqual([
      { examined: 2, total: 5, lastId: sorted[1] },
      { examined: 4, total: 5, lastId: sorted[3] },
      { examined: 5, total: 5, lastId: sorted[4] },
    ]);
    expect(run).toMatchObject({ examined: 5, changed: 5, transitions: 0 });
    for (let i = 0; i < 5; i++) {
      const expected = referenceScores(fx.eventsOf(`c${i}`), fx.firstSeenOf(`c${i}`), DEFAULTS, now);
      expect(pickScores((await fx.caller.customers.get({ id: `ext_c${i}` })).customer)).toEqual({ ...expected, previousHealth: null });
    }
  });
});
