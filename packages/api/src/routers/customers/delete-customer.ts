import { deleteCustomer } from '@tenure/core';
import { scoped } from '../../trpc';
import { deleteCustomerMeta, ZDeleteCustomerInput, ZDeleteCustomerOutput } from './delete-customer.types';

export const deleteCustomerRoute = scoped
  .meta(deleteCustomerMeta)
  .input(ZDeleteCustomerInput)
  .output(ZDeleteCustomerOutput)
  .mutation(({ ctx, input }) => deleteCustomer(ctx.db, ctx.scope, input.id, input.erase === 'true'));
