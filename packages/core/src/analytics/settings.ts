/** Analytics settings of an environment: load with defaults, validate, save with an audit entry. */
import {
  AppError,
  SCORE_SETTINGS,
  type TAnalyticsSettings,
  type TAnalyticsSettingsPatch,
  type TScoreSettings,
  ZAnalyticsSettings,
} from '@tenure/contract';
import { analyticsSettingsQueries, type DB, type Kysely } from '@tenure/db';
import type { Scope } from '../actor';
import { audit } from '../audit';
import { loadEnvironment } from '../settings';

export async function loadAnalyticsSettings(db: Kysely<DB>, envId: string): Promise<TAnalyticsSettings> {
  return (await loadEnvironment(db, envId)).settings;
}

/** What the stored scores depend on (activeDays and allowPublishableRevenue play no part). */
export function scoreSettings(s: TAnalyticsSettings): TScoreSettings {
  return {
    churnDays: s.churnDays,
    newDays: s.newDays,
    reactivationGapDays: s.reactivationGapDays,
    recencyHorizonDays: s.recencyHorizonDays,
    engagementTarget: s.engagementTarget,
    weights: { ...s.weights },
    lowRiskMin: s.lowRiskMin,
    mediumRiskMin: s.mediumRiskMin,
  };
}

export interface SettingsUpdate {
  settings: TAnalyticsSettings;
  /** A setting the stored scores depend on changed: every customer must be recomputed. */
  scoresAffected: boolean;
}

/**
 * Merges a partial update into the stored settings under a row lock, validates the whole result
 * (weights summing to 1, lowRiskMin > mediumRiskMin) and saves it with its audit entry in one
 * transaction.
 */
export async function updateAnalyticsSettings(db: Kysely<DB>, scope: Scope, patch: TAnalyticsSettingsPatch): Promise<SettingsUpdate> {
  return db.transaction().execute(async (trx) => {
    const stored = await analyticsSettingsQueries.lockEnvironmentSettings(trx, scope.envId);
    if (!stored) throw new AppError('NOT_FOUND', 'Environment not found');
    const before = ZAnalyticsSettings.parse(stored);
    const parsed = ZAnalyticsSettings.safeParse({ ...before, ...patch });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new AppError('BAD_REQUEST', `Invalid settings: ${issues[0]?.path}: ${issues[0]?.message}`, { issues, cause: parsed.error });
    }
    const settings = parsed.data;
    await analyticsSettingsQueries.mergeEnvironmentSettings(trx, scope.envId, settings);
    const changed = (Object.keys(settings) as (keyof TAnalyticsSettings)[]).filter(
      (k) => JSON.stringify(settings[k]) !== JSON.stringify(before[k]),
    );
    await audit(trx, scope.actor, {
      action: 'analytics.settings_updated',
      targetType: 'environment',
      targetId: scope.envId,
      details: { changed, before: pick(before, changed), after: pick(settings, changed) },
    });
    return { settings, scoresAffected: changed.some((k) => (SCORE_SETTINGS as readonly string[]).includes(k)) };
  });
}

function pick(s: TAnalyticsSettings, keys: (keyof TAnalyticsSettings)[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, s[k]]));
}
