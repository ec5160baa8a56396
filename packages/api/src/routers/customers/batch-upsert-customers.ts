import { batchUpsertCustomers } from '@tenure/core';
import { scoped } from '../../trpc';
import { batchUpsertCustomersMeta, ZBatchUpsertCustomersInput, ZBatchUpsertCustomersOutput } from './batch-upsert-customers.types';

export const batchUpsertCustomersRoute = scoped
  .meta(batchUpsertCustomersMeta)
  .input(ZBatchUpsertCustomersInput)
  .output(ZBatchUpsertCustomersOutput)
  .mutation(({ ctx, input }) => batchUpsertCustomers(ctx.db, ctx.scope, input.customers, { allowCreatedAt: true }));
