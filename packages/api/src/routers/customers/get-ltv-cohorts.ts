import { getLtvCohorts } from '@tenure/core';
import { sendSnapshotHeaders } from '../../snapshot';
import { scoped } from '../../trpc';
import { parseBound } from './cohort-window';
import { getLtvCohortsMeta, ZGetLtvCohortsInput, ZGetLtvCohortsOutput } from './get-ltv-cohorts.types';

export const getLtvCohortsRoute = scoped
  .meta(getLtvCohortsMeta)
  .input(ZGetLtvCohortsInput)
  .output(ZGetLtvCohortsOutput)
  .query(async ({ ctx, input }) => {
    const params = { ...input, start: parseBound(input.start), end: parseBound(input.end) };
    const snapshot = await getLtvCohorts(ctx.db, ctx.envId, params, { engine: ctx.analytics, fresh: ctx.noCache });
    sendSnapshotHeaders(ctx, snapshot);
    return snapshot.value;
  });
