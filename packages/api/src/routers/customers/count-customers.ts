import { countCustomers } from '@tenure/core';
import { scoped } from '../../trpc';
import { countCustomersMeta, ZCountCustomersInput, ZCountCustomersOutput } from './count-customers.types';

export const countCustomersRoute = scoped
  .meta(countCustomersMeta)
  .input(ZCountCustomersInput)
  .output(ZCountCustomersOutput)
  .query(async ({ ctx, input }) => ({ count: await countCustomers(ctx.db, ctx.envId, input) }));
