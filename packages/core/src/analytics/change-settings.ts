/**
 * A settings change as staff make it: save (validated, audited), then bring every customer's
 * stored scores in line with the new settings. The recompute runs inline for now; it is the one
 * call a durable job would take over (same envId, same progress callback).
 */
import type { TAnalyticsSettings, TAnalyticsSettingsPatch } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import type { Scope } from '../actor';
import type { AnalyticsEngine } from './engine';
import { type RecomputeProgress, recomputeEnvironment } from './refresh';
import { updateAnalyticsSettings } from './settings';

export interface SettingsChange {
  settings: TAnalyticsSettings;
  /** Null when no setting the stored scores depend on changed. */
  recomputed: { customers: number; changed: number; transitions: number; finishedAt: Date } | null;
}

export async function changeAnalyticsSettings(
  db: Kysely<DB>,
  scope: Scope,
  patch: TAnalyticsSettingsPatch,
  options: { engine?: AnalyticsEngine; onProgress?: (p: RecomputeProgress) => void | Promise<void> } = {},
): Promise<SettingsChange> {
  const { settings, scoresAffected } = await updateAnalyticsSettings(db, scope, patch);
  if (!scoresAffected) return { settings, recomputed: null };
  const run = await recomputeEnvironment(db, scope.envId, options);
  return {
    settings,
    recomputed: { customers: run.examined, changed: run.changed, transitions: run.transitions, finishedAt: run.finishedAt },
  };
}
