import { setEnvironmentRateLimits } from '@tenure/core';
import { scoped } from '../../trpc';
import { withDefaults } from './environment-limits';
import { setEnvironmentLimitsMeta, ZEnvironmentRateLimitsOutput, ZSetEnvironmentRateLimitsInput } from './set-environment-limits.types';

export const setEnvironmentLimitsRoute = scoped
  .meta(setEnvironmentLimitsMeta)
  .input(ZSetEnvironmentRateLimitsInput)
  .output(ZEnvironmentRateLimitsOutput)
  .mutation(async ({ ctx, input }) => withDefaults(await setEnvironmentRateLimits(ctx.db, ctx.scope, input), ctx.keyRateDefaults));
