import { ZAnalyticsSettings, ZAnalyticsSettingsPatch, ZRecomputeStatus } from '@tenure/contract';
import { z } from 'zod';
import { staffMeta } from '../../meta';

/** Owners and admins, in the app: a change is audited and recomputes every customer's scores (a background job). */
export const updateAnalyticsSettingsMeta = staffMeta('settings:write');

export const ZUpdateAnalyticsSettingsInput = ZAnalyticsSettingsPatch;
export type TUpdateAnalyticsSettingsInput = z.input<typeof ZUpdateAnalyticsSettingsInput>;

export const ZUpdateAnalyticsSettingsOutput = z.object({
  settings: ZAnalyticsSettings,
  /** The recompute the change started (poll `analytics.recomputeStatus`); null when no setting the scores depend on changed. */
  recompute: ZRecomputeStatus.nullable(),
});
export type TUpdateAnalyticsSettingsOutput = z.infer<typeof ZUpdateAnalyticsSettingsOutput>;
