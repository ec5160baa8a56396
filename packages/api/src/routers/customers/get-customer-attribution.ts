import { getCustomerAttribution } from '@tenure/core';
import { sendSnapshotHeaders } from '../../snapshot';
import { scoped } from '../../trpc';
import { getCustomerAttributionMeta, ZGetCustomerAttributionInput, ZGetCustomerAttributionOutput } from './get-customer-attribution.types';

export const getCustomerAttributionRoute = scoped
  .meta(getCustomerAttributionMeta)
  .input(ZGetCustomerAttributionInput)
  .output(ZGetCustomerAttributionOutput)
  .query(async ({ ctx, input: { id, ...params } }) => {
    const snapshot = await getCustomerAttribution(ctx.db, ctx.envId, id, params, { engine: ctx.analytics, fresh: ctx.noCache });
    sendSnapshotHeaders(ctx, snapshot);
    return snapshot.value;
  });
