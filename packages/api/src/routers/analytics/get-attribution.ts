import { getAttribution } from '@tenure/core';
import { sendSnapshotHeaders } from '../../snapshot';
import { scoped } from '../../trpc';
import { parseBound } from '../customers/cohort-window';
import { getAttributionMeta, ZGetAttributionInput, ZGetAttributionOutput } from './get-attribution.types';

export const getAttributionRoute = scoped
  .meta(getAttributionMeta)
  .input(ZGetAttributionInput)
  .output(ZGetAttributionOutput)
  .query(async ({ ctx, input }) => {
    const params = { ...input, start: parseBound(input.start), end: parseBound(input.end) };
    const snapshot = await getAttribution(ctx.db, ctx.envId, params, { engine: ctx.analytics, fresh: ctx.noCache });
    sendSnapshotHeaders(ctx, snapshot);
    return snapshot.value;
  });
