import { createCustomer, upsertCustomer } from '@tenure/core';
import { scoped } from '../../trpc';
import { upsertCustomerMeta, ZUpsertCustomerInput, ZUpsertCustomerOutput } from './upsert-customer.types';

export const upsertCustomerRoute = scoped
  .meta(upsertCustomerMeta)
  .input(ZUpsertCustomerInput)
  .output(ZUpsertCustomerOutput)
  .mutation(async ({ ctx, input }) => {
    const publishable = ctx.actor.kind === 'apiKey' && ctx.actor.keyType === 'publishable';
    const data = publishable ? { ...input, createdAt: undefined } : input;
    const { externalId } = data;
    const result =
      externalId === undefined
        ? await createCustomer(ctx.db, ctx.scope, data)
        : await upsertCustomer(ctx.db, ctx.scope, { ...data, externalId });
    if (!publishable) return result;
    // Identify, never read: a public key learns nothing about a record it can name.
    return { customer: { id: result.customer.id, externalId: result.customer.externalId }, created: result.created };
  });
