import { updateCustomer } from '@tenure/core';
import { scoped } from '../../trpc';
import { updateCustomerMeta, ZUpdateCustomerInput, ZUpdateCustomerOutput } from './update-customer.types';

export const updateCustomerRoute = scoped
  .meta(updateCustomerMeta)
  .input(ZUpdateCustomerInput)
  .output(ZUpdateCustomerOutput)
  .mutation(async ({ ctx, input: { id, ...fields } }) => ({ customer: await updateCustomer(ctx.db, ctx.scope, id, fields) }));
