import { estimateSegment } from '@tenure/core';
import { scoped } from '../../trpc';
import { estimateSegmentMeta, ZEstimateSegmentInput, ZEstimateSegmentOutput } from './estimate-segment.types';

// A mutation over tRPC (it takes a body, like POST over REST); it changes nothing.
export const estimateSegmentRoute = scoped
  .meta(estimateSegmentMeta)
  .input(ZEstimateSegmentInput)
  .output(ZEstimateSegmentOutput)
  .mutation(({ ctx, input }) => estimateSegment(ctx.db, ctx.envId, input, ctx.analytics));
