import { getCustomer } from '@tenure/core';
import { scoped } from '../../trpc';
import { getCustomerMeta, ZGetCustomerInput, ZGetCustomerOutput } from './get-customer.types';

export const getCustomerRoute = scoped
  .meta(getCustomerMeta)
  .input(ZGetCustomerInput)
  .output(ZGetCustomerOutput)
  .query(async ({ ctx, input }) => ({ customer: await getCustomer(ctx.db, ctx.envId, input.id) }));
