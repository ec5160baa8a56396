import { ZAnalyticsSettings } from '@tenure/contract';
import { z } from 'zod';
import { staffMeta } from '../../meta';

/** Any staff member of the environment may read its analytics settings (in the app). */
export const getAnalyticsSettingsMeta = staffMeta('analytics:read');

export const ZGetAnalyticsSettingsOutput = z.object({ settings: ZAnalyticsSettings });
export type TGetAnalyticsSettingsOutput = z.infer<typeof ZGetAnalyticsSettingsOutput>;
