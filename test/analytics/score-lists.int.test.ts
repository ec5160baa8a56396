/**
 * The customer list over REST filtered and sorted by stored scores (`riskLevel`, `lifecycleStage`,
 * `sortBy=health` both ways, nulls last), against the independent model; and every sort served
 * by an index in both directions, read from the plan of the list's own query.
 */
import { customerReadQueries, type Database, sql } from '@tenure/db';
import { CompiledQuery, type RootOperationNode } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createKey } from '../helpers/fixtures';
import { api, useHttpFixture } from '../helpers/server';
import { analyticsFixture, fixedNow } from './fixture';
import { DEFAULTS, referenceScores } from './reference';

const http = useHttpFixture();

const CUSTOMERS: [string, number, { daysAgo: number; revenue?: number }[]][] = [
  ['none-new', 5, []],
  ['none-old', 100, []],
  ['gone', 200, [{ daysAgo: 120 }, { daysAgo: 70, revenue: 30 }]],
  ['at-risk', 100, [{ daysAgo: 50 }, { daysAgo: 40 }]],
  // The same events: the same health, so the id breaks the tie (in the sort's direction).
  ['tie-a', 100, [{ daysAgo: 45 }, { daysAgo: 20 }, { daysAgo: 10 }]],
  ['tie-b', 100, [{ daysAgo: 45 }, { daysAgo: 20 }, { daysAgo: 10 }]],
  ['reactivated', 200, [{ daysAgo: 150 }, { daysAgo: 5, revenue: 12 }]],
  ['busy', 100, Array.from({ length: 12 }, (_, i) => ({ daysAgo: 1 + 2 * i, revenue: 5 }))],
];

interface Expected {
  id: string;
  health: number | null;
  riskLevel: string | null;
  lifecycleStage: string;
}

/** Nulls last in both directions, then the id in the same direction (REST.md). */
function byHealth(order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1;
  return (a: Expected, b: Expected) =>
    (a.health === null ? 1 : 0) - (b.health === null ? 1 : 0) ||
    sign * ((a.health ?? 0) - (b.health ?? 0)) ||
    sign * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

async function scoredWorld() {
  const now = fixedNow();
  const fx = await analyticsFixture(http.database.db, now);
  const expected: Expected[] = [];
  for (const [ext, created, events] of CUSTOMERS) {
    const id = await fx.customer(ext, created, events);
    const { health, riskLevel, lifecycleStage } = referenceScores(fx.eventsOf(ext), fx.firstSeenOf(ext), DEFAULTS, now);
    expected.push({ id, health, riskLevel, lifecycleStage });
  }
  await fx.refresh(expected.map((e) => e.id));
  const { key } = await createKey(http.database.db, fx.tenant);
  const list = async (query: string) => {
    const res = await api(http.server.url, 'GET', `/api/v1/customers?limit=100&${query}`, { key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.customers as Expected[]).map(({ id, health, riskLevel, lifecycleStage }) => ({
      id,
      health,
      riskLevel,
      lifecycleStage,
    }));
  };
  return { fx, expected, list };
}

describe('lists by stored scores over REST', () => {
  it('sort by health both ways with nulls last and the id tie-break in the same direction', async () => {
    const { expected, list } = await scoredWorld();
    // The world holds what the test means: two null healths and a tie.
    expect(expected.filter((e) => e.health === null)).toHaveLength(2);
    const [a, b] = expected.slice(4, 6); // tie-a, tie-b
    expect(a?.health).toBe(b?.health);
    for (const order of ['desc', 'asc'] as const) {
      const got = await list(`sortBy=health&sortOrder=${order}`);
      expect(got, order).toEqual([...expected].sort(byHealth(order)));
      expect(got.slice(-2).map((c) => c.health)).toEqual([null, null]);
    }
    // sortOrder defaults to desc.
    expect(await list('sortBy=health')).toEqual([...expected].sort(byHealth('desc')));
  });

  it('filter by riskLevel and lifecycleStage, combined with the health sort', async () => {
    const { expected, list } = await scoredWorld();
    const high = expected.filter((e) => e.riskLevel === 'high');
    expect(high.length).toBeGreaterThanOrEqual(2);
    expect(await list('riskLevel=high&sortBy=health&sortOrder=asc')).toEqual(high.sort(byHealth('asc')));
    const churned = expected.filter((e) => e.lifecycleStage === 'churned');
    // One churned customer never had an event (health null), one went quiet (health computed).
    expect(churned.map((c) => c.health === null).sort()).toEqual([false, true]);
    expect(await list('lifecycleStage=churned&sortBy=health&sortOrder=desc')).toEqual(churned.sort(byHealth('desc')));
    expect(await list('lifecycleStage=churned&sortBy=health&sortOrder=asc')).toEqual(churned.sort(byHealth('asc')));
    expect(await list('lifecycleStage=churned&riskLevel=low')).toEqual([]);
  });
});

/**
 * The plan of the list's own SQL (captured as it runs, then explained) with sorting priced out:
 * a Sort node left in it means no index gives that order, so every live customer would be sorted.
 */
async function listPlan(
  envId: string,
  sortBy: 'createdAt' | 'health' | 'ltv' | 'lastActivityAt' | 'name',
  sortOrder: 'asc' | 'desc',
): Promise<string> {
  let captured: { node: RootOperationNode; queryId: Parameters<ReturnType<Database['db']['getExecutor']>['compileQuery']>[1] } | undefined;
  const spy = http.database.db.withPlugin({
    transformQuery: (args) => {
      // The last ordered select is the statement itself (queries nested in it are transformed as they are built).
      if (args.node.kind === 'SelectQueryNode' && args.node.orderBy) captured = { node: args.node, queryId: args.queryId };
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  await customerReadQueries.listCustomerRows(spy, envId, { sortBy, sortOrder, offset: 0, limit: 20 });
  if (!captured) throw new Error('the list ran no ordered select');
  const compiled = http.database.db.getExecutor().compileQuery(captured.node, captured.queryId);
  return http.database.db.transaction().execute(async (trx) => {
    await sql`select set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true),
      set_config('enable_bitmapscan', 'off', true)`.execute(trx);
    const plan = await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
    return plan.rows.map((r) => Object.values(r).join('')).join('\n');
  });
}

describe('list sorts', () => {
  it('are read in index order in both directions, never sorted (health, createdAt, ltv)', async () => {
    const { fx } = await scoredWorld();
    for (const sortBy of ['health', 'createdAt', 'ltv'] as const) {
      for (const sortOrder of ['asc', 'desc'] as const) {
        const plan = await listPlan(fx.envId, sortBy, sortOrder);
        expect(plan, `${sortBy} ${sortOrder}`).not.toMatch(/Sort/);
        expect(plan, `${sortBy} ${sortOrder}`).toMatch(/Index (Only )?Scan/);
      }
    }
  });

  it('lastActivityAt and name: ascending in index order; descending (nulls last) from two index-ordered parts, only the page sorted', async () => {
    const { fx } = await scoredWorld();
    for (const sortBy of ['lastActivityAt', 'name'] as const) {
      const asc = await listPlan(fx.envId, sortBy, 'asc');
      expect(asc, `${sortBy} asc`).not.toMatch(/Sort/);
      const desc = await listPlan(fx.envId, sortBy, 'desc');
      // Sorts only above the two parts (each its first offset + limit rows in index order), none below.
      const [, below = ''] = desc.split(/Append/);
      expect(below, `${sortBy} desc`).not.toMatch(/Sort/);
      expect(below, `${sortBy} desc`).toMatch(/Limit[\s\S]*Index (Only )?Scan Backward[\s\S]*Limit[\s\S]*Index (Only )?Scan/);
      expect(desc, `${sortBy} desc`).not.toMatch(/Seq Scan/);
    }
  });
});
