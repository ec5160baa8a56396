import { listCustomers } from '@tenure/core';
import { scoped } from '../../trpc';
import { listCustomersMeta, ZListCustomersInput, ZListCustomersOutput } from './list-customers.types';

export const listCustomersRoute = scoped
  .meta(listCustomersMeta)
  .input(ZListCustomersInput)
  .output(ZListCustomersOutput)
  .query(({ ctx, input }) => listCustomers(ctx.db, ctx.envId, input));
