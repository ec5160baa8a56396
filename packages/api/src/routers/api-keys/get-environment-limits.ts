import { getEnvironmentRateLimits } from '@tenure/core';
import { scoped } from '../../trpc';
import { withDefaults } from './environment-limits';
import { getEnvironmentLimitsMeta, ZEnvironmentRateLimitsOutput } from './get-environment-limits.types';

export const getEnvironmentLimitsRoute = scoped
  .meta(getEnvironmentLimitsMeta)
  .output(ZEnvironmentRateLimitsOutput)
  .query(async ({ ctx }) => withDefaults(await getEnvironmentRateLimits(ctx.db, ctx.envId), ctx.keyRateDefaults));
