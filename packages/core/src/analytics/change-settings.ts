/**
 * A settings change as staff make it: save (validated, audited), then bring every customer's
 * stored scores in line with the new settings — a durable job with progress when a queue is there,
 * inline otherwise.
 */
import type { TAnalyticsSettings, TAnalyticsSettingsPatch, TRecomputeStatus } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import type { Scope } from '../actor';
import type { AnalyticsEngine } from './engine';
import { type RecomputeQueue, requestRecompute } from './recompute';
import { dropSnapshots } from './serving';
import { updateAnalyticsSettings } from './settings';

export interface SettingsChange {
  settings: TAnalyticsSettings;
  /** The recompute the change started; null when no setting the stored scores depend on changed. */
  recompute: TRecomputeStatus | null;
}

export async function changeAnalyticsSettings(
  db: Kysely<DB>,
  scope: Scope,
  patch: TAnalyticsSettingsPatch,
  options: { engine?: AnalyticsEngine; queue?: RecomputeQueue | null } = {},
): Promise<SettingsChange> {
  const { settings, scoresAffected } = await updateAnalyticsSettings(db, scope, patch);
  // Cached analytics answers (LTV's activeDays and churnDays) were computed with the old settings.
  dropSnapshots(db, scope.envId);
  if (!scoresAffected) return { settings, recompute: null };
  return { settings, recompute: await requestRecompute(db, scope.envId, 'settings', options.queue ?? null, { engine: options.engine }) };
}
