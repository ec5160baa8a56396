/**
 * `/reports/health-calibration` (ANALYTICS.md "Beyond the usual"): health bands as of
 * `asOf = now − days` recomputed by the engine with the environment's current settings, the churn
 * rate of each band since then (4 places, half away from zero), served through the snapshot cache.
 */
import { CALIBRATION_BANDS, type TCalibrationAnswer } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import { loadEnvironment } from '../settings';
import type { ServeOptions } from './cohorts';
import { createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { roundRatio } from './ratio';
import { type Snapshot, serveSnapshot } from './serving';
import { scoreSettings } from './settings';

const DAY_MS = 86_400_000;

export async function getHealthCalibration(
  db: Kysely<DB>,
  envId: string,
  params: { days: number },
  opts: ServeOptions = {},
): Promise<Snapshot<TCalibrationAnswer>> {
  const engine = opts.engine ?? createAnalyticsEngine(db);
  return serveSnapshot(db, envId, 'health-calibration', { ...params }, { fresh: opts.fresh ?? false }, async (now) => {
    const env = await loadEnvironment(db, envId);
    const asOf = new Date(now.getTime() - params.days * DAY_MS);
    const figures = await analyticsCall('health calibration', () =>
      engine.healthCalibration({ envId, asOf, settings: scoreSettings(env.settings) }),
    );
    const byBand = new Map(figures.map((f) => [f.band, f]));
    return {
      days: params.days,
      asOf: asOf.toISOString(),
      bands: CALIBRATION_BANDS.map((band) => {
        const customers = byBand.get(band)?.customers ?? 0;
        const churnedSince = byBand.get(band)?.churnedSince ?? 0;
        return { band, customers, churnedSince, churnRate: customers > 0 ? roundRatio(churnedSince, customers, 4) : null };
      }),
      computedAt: now.toISOString(),
    };
  });
}
