import { createSegment } from '@tenure/core';
import { scoped } from '../../trpc';
import { createSegmentMeta, ZCreateSegmentInput, ZCreateSegmentOutput } from './create-segment.types';

export const createSegmentRoute = scoped
  .meta(createSegmentMeta)
  .input(ZCreateSegmentInput)
  .output(ZCreateSegmentOutput)
  .mutation(async ({ ctx, input }) => ({ segment: await createSegment(ctx.db, ctx.scope, input, ctx.analytics) }));
