import { getRetentionCohorts } from '@tenure/core';
import { sendSnapshotHeaders } from '../../snapshot';
import { scoped } from '../../trpc';
import { parseBound } from './cohort-window';
import { getCohortsMeta, ZGetCohortsInput, ZGetCohortsOutput } from './get-cohorts.types';

export const getCohortsRoute = scoped
  .meta(getCohortsMeta)
  .input(ZGetCohortsInput)
  .output(ZGetCohortsOutput)
  .query(async ({ ctx, input }) => {
    const params = { ...input, start: parseBound(input.start), end: parseBound(input.end) };
    const snapshot = await getRetentionCohorts(ctx.db, ctx.envId, params, { engine: ctx.analytics, fresh: ctx.noCache });
    sendSnapshotHeaders(ctx, snapshot);
    return snapshot.value;
  });
