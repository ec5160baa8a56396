import { getCustomerStats } from '@tenure/core';
import { scoped } from '../../trpc';
import { getCustomerStatsMeta, ZGetCustomerStatsInput, ZGetCustomerStatsOutput } from './get-customer-stats.types';

export const getCustomerStatsRoute = scoped
  .meta(getCustomerStatsMeta)
  .input(ZGetCustomerStatsInput)
  .output(ZGetCustomerStatsOutput)
  .query(async ({ ctx }) => ({ stats: await getCustomerStats(ctx.db, ctx.envId, ctx.analytics) }));
