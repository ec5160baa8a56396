import { ZAnalyticsSettings, ZAnalyticsSettingsPatch } from '@tenure/contract';
import { z } from 'zod';
import { staffMeta } from '../../meta';

/** Owners and admins, in the app: a change is audited and recomputes every customer's scores. */
export const updateAnalyticsSettingsMeta = staffMeta('settings:write');

export const ZUpdateAnalyticsSettingsInput = ZAnalyticsSettingsPatch;
export type TUpdateAnalyticsSettingsInput = z.input<typeof ZUpdateAnalyticsSettingsInput>;

export const ZUpdateAnalyticsSettingsOutput = z.object({
  settings: ZAnalyticsSettings,
  /** The recompute the change caused; null when no setting the stored scores depend on changed. */
  recomputed: z
    .object({
      customers: z.number().int(),
      changed: z.number().int(),
      transitions: z.number().int(),
      finishedAt: z.string(),
    })
    .nullable(),
});
export type TUpdateAnalyticsSettingsOutput = z.infer<typeof ZUpdateAnalyticsSettingsOutput>;
