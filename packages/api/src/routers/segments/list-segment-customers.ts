import { listSegmentCustomers } from '@tenure/core';
import { scoped } from '../../trpc';
import { listSegmentCustomersMeta, ZListSegmentCustomersInput, ZListSegmentCustomersOutput } from './list-segment-customers.types';

export const listSegmentCustomersRoute = scoped
  .meta(listSegmentCustomersMeta)
  .input(ZListSegmentCustomersInput)
  .output(ZListSegmentCustomersOutput)
  .query(({ ctx, input: { id, ...params } }) => listSegmentCustomers(ctx.db, ctx.envId, id, params));
