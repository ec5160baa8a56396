import { changeAnalyticsSettings } from '@tenure/core';
import { scoped } from '../../trpc';
import { updateAnalyticsSettingsMeta, ZUpdateAnalyticsSettingsInput, ZUpdateAnalyticsSettingsOutput } from './update-settings.types';

export const updateAnalyticsSettingsRoute = scoped
  .meta(updateAnalyticsSettingsMeta)
  .input(ZUpdateAnalyticsSettingsInput)
  .output(ZUpdateAnalyticsSettingsOutput)
  .mutation(async ({ ctx, input }) => {
    return changeAnalyticsSettings(ctx.db, ctx.scope, input, { engine: ctx.analytics, queue: ctx.jobs });
  });
