import { CUSTOMER_EXAMPLE, CUSTOMER_SORT_KEYS, ZCustomer, ZLifecycleStage, ZRiskLevel, ZSegmentId, zText } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';

export const listCustomersMeta = restMeta({
  method: 'GET',
  path: '/customers',
  tag: 'Customers',
  operationId: 'listCustomers',
  summary: 'List customers',
  description:
    'Pages through live customers with search, filters and sorting. Every sort ends with `id` in the same direction and nulls sort last, so pages never overlap.',
  permission: 'customers:read',
  examples: { response: { example: { customers: [CUSTOMER_EXAMPLE], total: 1284, page: 1, limit: 20 } } },
});

/** Filters shared by the list and the count. */
export const customerFilterShape = {
  search: zText().max(200).meta({ description: 'Case-insensitive literal substring of email, name, company or externalId' }).optional(),
  // A query parameter's description goes on the inner schema: trpc-to-openapi unwraps `.optional()` and its meta.
  lifecycleStage: ZLifecycleStage.meta({ description: 'Only customers in this lifecycle stage (see Customer.lifecycleStage)' }).optional(),
  riskLevel: ZRiskLevel.meta({ description: 'Only customers in this risk band (see Customer.riskLevel)' }).optional(),
  active: z
    .enum(['true', 'false'])
    .meta({ description: 'Only customers with (true) or without (false) an event in the last activeDays' })
    .optional(),
  ids: z
    .string()
    .meta({
      description: 'Comma-separated list of at most 100 `cus_…` / `ext_…` references',
      example: 'cus_01jd8x4k7m2r9p3q5s7t9v1w3y,ext_user-42',
    })
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(zText()).max(100, 'At most 100 ids'))
    .optional(),
  segmentId: ZSegmentId.meta({ description: 'Only members of this segment (`seg_…`); an unknown id matches no one' }).optional(),
};

/** Paging and sorting, shared by the list and a segment's members. */
export const customerPageShape = {
  page: z.number().int().min(1).meta({ description: 'Page number, from 1; a page past the end is empty' }).default(1),
  limit: z.number().int().min(1).max(100).meta({ description: 'Page size, 1–100' }).default(20),
  sortBy: z
    .enum(CUSTOMER_SORT_KEYS)
    .meta({ description: 'Field to sort by; ties are broken by id in the same direction, and nulls sort last' })
    .default('createdAt'),
  sortOrder: z.enum(['asc', 'desc']).meta({ description: 'Sort direction: `asc` (smallest first) or `desc`' }).default('desc'),
};

export const ZListCustomersInput = z.object({ ...customerPageShape, ...customerFilterShape });

export const ZListCustomersOutput = z.object({
  customers: z.array(ZCustomer).meta({ description: 'This page of customers, in the requested order; [] past the last page' }),
  total: z.number().int().meta({ description: 'Customers matching the filters, across all pages', example: 1284 }),
  page: z.number().int().meta({ description: 'The page returned, from 1', example: 1 }),
  limit: z.number().int().meta({ description: 'The page size used', example: 20 }),
});
export type TListCustomersInput = z.input<typeof ZListCustomersInput>;
