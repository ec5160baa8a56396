import { updateSegment } from '@tenure/core';
import { scoped } from '../../trpc';
import { updateSegmentMeta, ZUpdateSegmentInput, ZUpdateSegmentOutput } from './update-segment.types';

export const updateSegmentRoute = scoped
  .meta(updateSegmentMeta)
  .input(ZUpdateSegmentInput)
  .output(ZUpdateSegmentOutput)
  .mutation(async ({ ctx, input: { id, ...patch } }) => ({ segment: await updateSegment(ctx.db, ctx.scope, id, patch, ctx.analytics) }));
