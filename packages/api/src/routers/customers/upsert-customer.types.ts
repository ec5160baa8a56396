import { CUSTOMER_EXAMPLE, ZCustomer, ZCustomerId, ZCustomerInput, ZExternalIdOutput } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const upsertCustomerMeta = restMeta({
  method: 'POST',
  path: '/customers',
  tag: 'Customers',
  operationId: 'upsertCustomer',
  summary: 'Create or update a customer',
  description:
    'With `externalId`: creates the customer or updates it with PATCH semantics (omitted fields stay, `attributes` merge, a key set to null is removed). Without: always creates a new customer.\n\nPublishable keys may identify (as client-side identify does in analytics products: they may set profile fields and attributes, but not `createdAt`, which is ignored) and never read: they get only `{ customer: { id, externalId }, created }`, so a public key cannot read the record of an externalId it guesses.',
  permission: 'customers:write',
  publishable: true,
  errors: [409],
  examples: {
    request: {
      example: {
        externalId: 'user-42',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        company: 'Analytical Engines Ltd',
        plan: 'pro',
        attributes: { plan_tier: 'gold', seats: 12, beta: true },
      },
    },
    // The answer depends on the key: both shapes are shown.
    response: {
      examples: {
        secretKey: { summary: 'Secret key: the customer as stored', value: { customer: CUSTOMER_EXAMPLE, created: false } },
        publishableKey: {
          summary: 'Publishable key: only the ids',
          value: { customer: { id: 'cus_01m8rgr080kdmzw7e9bxctp77q', externalId: 'user-1043' }, created: true },
        },
      },
    },
  },
});

export const ZUpsertCustomerInput = ZCustomerInput;

const created = z.boolean().meta({ description: 'True when this request created the customer; false when it updated an existing one' });

/** What a secret key or staff member gets: the whole customer. */
export const ZUpsertCustomerFullOutput = z
  .object({ customer: ZCustomer, created })
  .meta({ id: 'UpsertCustomerResult', description: 'The customer as stored (secret keys and staff)' });

/** What a publishable key gets: enough to link later events, nothing personal. */
export const ZUpsertCustomerIdentifyOutput = z
  .object({
    customer: z
      .object({ id: ZCustomerId, externalId: ZExternalIdOutput })
      .meta({ description: 'Only the ids of the identified customer, to link later events to it' }),
    created,
  })
  .meta({ id: 'IdentifyCustomerResult', description: 'The answer to a publishable key: ids only, never the record' });

export const ZUpsertCustomerOutput = z.union([ZUpsertCustomerFullOutput, ZUpsertCustomerIdentifyOutput]);
export type TUpsertCustomerInput = z.input<typeof ZUpsertCustomerInput>;
