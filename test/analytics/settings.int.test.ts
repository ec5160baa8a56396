/**
 * analytics.getSettings / analytics.updateSettings: who may call them, validation, the audit
 * entry, and the recompute a change causes (results checked against the independent model).
 */
import { ANALYTICS_DEFAULTS } from '@tenure/contract';
import { auditQueries, type Database, sql } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from '../helpers/caller';
import { setupTestDb } from '../helpers/db';
import { keyActor, staffActor } from '../helpers/fixtures';
import { analyticsFixture } from './fixture';
import { DEFAULTS, type RefSettings, referenceScores } from './reference';

let database: Database;
beforeAll(async () => {
  database = await setupTestDb();
});
afterAll(() => database.close());

async function setup() {
  const fx = await analyticsFixture(database.db, new Date());
  const admin = callerFor(database.db, await staffActor(database.db, fx.tenant, 'admin'));
  return { fx, admin };
}

describe('analytics settings', () => {
  it('any staff member reads them (defaults until changed); API keys cannot', async () => {
    const { fx } = await setup();
    const viewer = callerFor(database.db, await staffActor(database.db, fx.tenant, 'viewer'));
    expect(await viewer.analytics.getSettings()).toEqual({ settings: ANALYTICS_DEFAULTS });
    await expect(callerFor(database.db, keyActor(fx.tenant)).analytics.getSettings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('only owners and admins change them, in the app', async () => {
    const { fx, admin } = await setup();
    for (const role of ['viewer', 'member'] as const) {
      const caller = callerFor(database.db, await staffActor(database.db, fx.tenant, role));
      await expect(caller.analytics.updateSettings({ newDays: 7 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(callerFor(database.db, keyActor(fx.tenant)).analytics.updateSettings({ newDays: 7 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const owner = callerFor(database.db, await staffActor(database.db, fx.tenant, 'owner'));
    expect((await owner.analytics.updateSettings({ newDays: 7 })).settings.newDays).toBe(7);
    expect((await admin.analytics.updateSettings({ newDays: 10 })).settings.newDays).toBe(10);
  });

  it('validates weights, risk thresholds, day counts and the engagement target, writing nothing on failure', async () => {
    const { fx, admin } = await setup();
    const bad: [Record<string, unknown>, string][] = [
      [{ weights: { recency: 0.5, engagement: 0.3, monetary: 0.1 } }, 'weights'],
      [{ weights: { recency: 1.2, engagement: -0.2, monetary: 0 } }, 'weights.recency'],
      [{ lowRiskMin: 40 }, 'lowRiskMin'],
      [{ mediumRiskMin: 75 }, 'lowRiskMin'],
      [{ churnDays: 1.5 }, 'churnDays'],
      [{ activeDays: 0 }, 'activeDays'],
      [{ engagementTarget: 0 }, 'engagementTarget'],
      [{ health: 1 }, ''],
    ];
    for (const [input, path] of bad) {
      const error = await admin.analytics.updateSettings(input as never).catch((e) => e);
      expect({ input, code: error.code }).toEqual({ input, code: 'BAD_REQUEST' });
      const rest = error.shape?.data?.rest ?? error.cause;
      expect(rest.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    // Binary fractions need the tolerance: 0.1 + 0.2 + 0.7 is not exactly 1.
    const ok = await admin.analytics.updateSettings({ weights: { recency: 0.1, engagement: 0.2, monetary: 0.7 } });
    expect(ok.settings.weights).toEqual({ recency: 0.1, engagement: 0.2, monetary: 0.7 });
    const entries = await auditQueries.listAudit(database.db, fx.tenant.workspaceId, 20);
    expect(entries.filter((e) => e.action === 'analytics.settings_updated')).toHaveLength(1);
  });

  it('saves with an audit entry, keeps keys it does not own, and recomputes every customer when scores depend on the change', async () => {
    const { fx, admin } = await setup();
    await sql`update environments set settings = settings || '{"allowPublishableRevenue": true, "beta": "kept"}'::jsonb where id = ${fx.envId}`.execute(
      database.db,
    );
    const customers: [string, number, { daysAgo: number; revenue?: number }[]][] = [
      ['mid', 100, [{ daysAgo: 20 }, { daysAgo: 10 }]],
      [
        'buyer',
        100,
        [
          { daysAgo: 45, revenue: 20 },
          { daysAgo: 3, revenue: 50 },
        ],
      ],
      ['fading', 100, [{ daysAgo: 40 }]],
      ['silent', 30, []],
    ];
    const ids: string[] = [];
    for (const [ext, created, events] of customers) ids.push(await fx.customer(ext, created, events));
    await fx.refresh(ids, new Date());

    const check = async (settings: RefSettings) => {
      const now = new Date();
      for (const [ext] of customers) {
        const { customer } = await fx.caller.customers.get({ id: `ext_${ext}` });
        const expected = referenceScores(fx.eventsOf(ext), fx.firstSeenOf(ext), settings, now);
        expect({ ext, health: customer.health, riskLevel: customer.riskLevel, stage: customer.lifecycleStage }).toEqual({
          ext,
          health: expected.health,
          riskLevel: expected.riskLevel,
          stage: expected.lifecycleStage,
        });
      }
    };
    await check(DEFAULTS);
    // mid: R = 83.33, engagement 36, M = 50 → 62: medium under the defaults.
    expect((await fx.caller.customers.get({ id: 'ext_mid' })).customer.riskLevel).toBe('medium');

    const thresholds = await admin.analytics.updateSettings({ lowRiskMin: 60, mediumRiskMin: 30 });
    // Without a job runner (a caller without a server) the recompute runs inline and is done.
    expect(thresholds.recompute).toMatchObject({ reason: 'settings', state: 'done', total: 4, examined: 4, transitions: 2 });
    expect(Date.parse(thresholds.recompute?.finishedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect((await admin.analytics.recomputeStatus()).recompute).toEqual(thresholds.recompute);
    const afterThresholds = { ...DEFAULTS, lowRiskMin: 60, mediumRiskMin: 30 };
    await check(afterThresholds);
    expect((await fx.caller.customers.get({ id: 'ext_mid' })).customer.riskLevel).toBe('low');

    const weights = { recency: 0.2, engagement: 0.2, monetary: 0.6 };
    const reweighted = await admin.analytics.updateSettings({ weights });
    expect(reweighted.recompute?.examined).toBe(4);
    await check({ ...afterThresholds, weights });
    // mid: 0.2 × 83.33 + 0.2 × 36 + 0.6 × 50 = 53.87 → 54, previous 62.
    expect((await fx.caller.customers.get({ id: 'ext_mid' })).customer).toMatchObject({ health: 54, previousHealth: 62 });

    // activeDays is read at request time: nothing to recompute.
    const active = await admin.analytics.updateSettings({ activeDays: 7 });
    expect(active.recompute).toBeNull();

    const { settings } = await admin.analytics.getSettings();
    expect(settings).toEqual({
      ...ANALYTICS_DEFAULTS,
      lowRiskMin: 60,
      mediumRiskMin: 30,
      weights,
      activeDays: 7,
      allowPublishableRevenue: true,
    });
    const stored = await sql<{ beta: string }>`select settings ->> 'beta' as beta from environments where id = ${fx.envId}`.execute(
      database.db,
    );
    expect(stored.rows[0]?.beta).toBe('kept');

    const audit = (await auditQueries.listAudit(database.db, fx.tenant.workspaceId, 20)).filter(
      (e) => e.action === 'analytics.settings_updated',
    );
    expect(audit).toHaveLength(3);
    expect(audit.at(-1)).toMatchObject({
      environmentId: fx.envId,
      targetId: fx.envId,
      details: {
        changed: ['lowRiskMin', 'mediumRiskMin'],
        before: { lowRiskMin: 70, mediumRiskMin: 40 },
        after: { lowRiskMin: 60, mediumRiskMin: 30 },
      },
    });
  });
});
