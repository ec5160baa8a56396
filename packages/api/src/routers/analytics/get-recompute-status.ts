import { recomputeStatus } from '@tenure/core';
import { scoped } from '../../trpc';
import { getRecomputeStatusMeta, ZGetRecomputeStatusOutput } from './get-recompute-status.types';

export const getRecomputeStatusRoute = scoped
  .meta(getRecomputeStatusMeta)
  .output(ZGetRecomputeStatusOutput)
  .query(async ({ ctx }) => ({ recompute: await recomputeStatus(ctx.db, ctx.envId) }));
