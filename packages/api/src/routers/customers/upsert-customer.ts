import { createCustomer, upsertCustomer } from '@tenure/core';
import { scoped } from '../../trpc';
import { upsertCustomerMeta, ZUpsertCustomerInput, ZUpsertCustomerOutput } from './upsert-customer.types';

export const upsertCustomerRoute = scoped('customers:write', { publishable: true })
  .meta(upsertCustomerMeta)
  .input(ZUpsertCustomerInput)
  .output(ZUpsertCustomerOutput)
  .mutation(({ ctx, input }) => {
    const isPublishable = ctx.actor.kind === 'apiKey' && ctx.actor.keyType === 'publishable';
    const data = isPublishable ? { ...input, createdAt: undefined } : input;
    const { externalId } = data;
    return externalId === undefined ? createCustomer(ctx.db, ctx.scope, data) : upsertCustomer(ctx.db, ctx.scope, { ...data, externalId });
  });
