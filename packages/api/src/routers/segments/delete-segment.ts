import { deleteSegment } from '@tenure/core';
import { scoped } from '../../trpc';
import { deleteSegmentMeta, ZDeleteSegmentInput, ZDeleteSegmentOutput } from './delete-segment.types';

export const deleteSegmentRoute = scoped
  .meta(deleteSegmentMeta)
  .input(ZDeleteSegmentInput)
  .output(ZDeleteSegmentOutput)
  .mutation(({ ctx, input }) => deleteSegment(ctx.db, ctx.scope, input.id));
