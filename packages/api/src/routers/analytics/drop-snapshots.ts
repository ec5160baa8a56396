import { dropSnapshots } from '@tenure/core';
import { scoped } from '../../trpc';
import { dropSnapshotsMeta, ZDropSnapshotsOutput } from './drop-snapshots.types';

export const dropSnapshotsRoute = scoped
  .meta(dropSnapshotsMeta)
  .output(ZDropSnapshotsOutput)
  .mutation(({ ctx }) => {
    dropSnapshots(ctx.db, ctx.envId);
    return { dropped: true as const };
  });
