import { ZCustomer, ZCustomerInput } from '@tenure/contract';
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
});

export const ZUpsertCustomerInput = ZCustomerInput;

const created = z.boolean().meta({ description: 'True when a new customer was created' });

/** What a secret key or staff member gets: the whole customer. */
export const ZUpsertCustomerFullOutput = z
  .object({ customer: ZCustomer, created })
  .meta({ id: 'UpsertCustomerResult', description: 'The customer as stored (secret keys and staff)' });

/** What a publishable key gets: enough to link later events, nothing personal. */
export const ZUpsertCustomerIdentifyOutput = z
  .object({
    customer: z
      .object({
        id: z.string().meta({ description: 'Tenure customer id', example: 'cus_01jd8x4k7m2r9p3q5s7t9v1w3y' }),
        externalId: z.string().meta({ description: "The integrator's id", example: 'user-42' }).nullable(),
      })
      .meta({ description: 'Only the ids of the identified customer' }),
    created,
  })
  .meta({ id: 'IdentifyCustomerResult', description: 'The answer to a publishable key: ids only, never the record' });

export const ZUpsertCustomerOutput = z.union([ZUpsertCustomerFullOutput, ZUpsertCustomerIdentifyOutput]);
export type TUpsertCustomerInput = z.input<typeof ZUpsertCustomerInput>;
