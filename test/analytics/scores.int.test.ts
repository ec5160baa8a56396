/**
 * Stored scores (ANALYTICS.md "Scores"): exact numbers against an independent model, every
 * lifecycle stage, rounding ties, refunds, effective time, deletions, previous health, the
 * transition log and chunked recomputes. Times are relative to a fixed `now` given to the refresh.
 */
import { deleteCustomer, deleteEvent, recomputeEnvironment, createAnalyticsEngine, updateAnalyticsSettings } from '@tenure/core';
import { type Database, sql } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { systemActor } from '../helpers/fixtures';
import { analyticsFixture } from './fixture';
import { DAY, DEFAULTS, referenceScores } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

const fixedNow = () => new Date(Date.now() - 60_000);

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
    await fx.customer('none', 20);
    await fx.customer('refunds', 100, [
      { daysAgo: 45, revenue: 100 },
      { daysAgo: 20, revenue: 50 },
      { daysAgo: 10, revenue: -20 },
    ]);
    await fx.customer('first', 90, [{ daysAgo: 10 }]);
    await fx.refresh([...(await ids(fx.caller, ['none', 'refunds', 'first']))]);
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

function pickScores(c: {
  health: number | null;
  healthComponents: unknown;
  previousHealth: number | null;
  engagementScore: number;
  expansionScore: number;
  riskLevel: string | null;
  lifecycleStage: string;
}) {
  const { health, healthComponents, previousHealth, engagementScore, expansionScore, riskLevel, lifecycleStage } = c;
  return { health, healthComponents, previousHealth, engagementScore, expansionScore, riskLevel, lifecycleStage };
}

async function ids(caller: Awaited<ReturnType<typeof analyticsFixture>>['caller'], externalIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const ext of externalIds) out.push((await caller.customers.get({ id: `ext_${ext}` })).customer.id);
  return out;
}
