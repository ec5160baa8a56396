import { batchDeleteCustomers } from '@tenure/core';
import { scoped } from '../../trpc';
import { batchDeleteCustomersMeta, ZBatchDeleteCustomersInput, ZBatchDeleteCustomersOutput } from './batch-delete-customers.types';

export const batchDeleteCustomersRoute = scoped
  .meta(batchDeleteCustomersMeta)
  .input(ZBatchDeleteCustomersInput)
  .output(ZBatchDeleteCustomersOutput)
  .mutation(({ ctx, input }) => batchDeleteCustomers(ctx.db, ctx.scope, input.ids, input.erase));
