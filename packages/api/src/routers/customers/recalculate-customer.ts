import { recalculateCustomer } from '@tenure/core';
import { scoped } from '../../trpc';
import { recalculateCustomerMeta, ZRecalculateCustomerInput, ZRecalculateCustomerOutput } from './recalculate-customer.types';

export const recalculateCustomerRoute = scoped
  .meta(recalculateCustomerMeta)
  .input(ZRecalculateCustomerInput)
  .output(ZRecalculateCustomerOutput)
  .mutation(async ({ ctx, input }) => ({ customer: await recalculateCustomer(ctx.db, ctx.scope, input.id) }));
