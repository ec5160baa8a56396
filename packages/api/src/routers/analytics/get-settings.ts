import { loadAnalyticsSettings } from '@tenure/core';
import { scoped } from '../../trpc';
import { getAnalyticsSettingsMeta, ZGetAnalyticsSettingsOutput } from './get-settings.types';

export const getAnalyticsSettingsRoute = scoped
  .meta(getAnalyticsSettingsMeta)
  .output(ZGetAnalyticsSettingsOutput)
  .query(async ({ ctx }) => ({ settings: await loadAnalyticsSettings(ctx.db, ctx.envId) }));
