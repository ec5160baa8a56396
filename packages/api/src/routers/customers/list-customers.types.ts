import { CUSTOMER_SORT_KEYS, ZCustomer, ZLifecycleStage, ZRiskLevel, zText } from '@tenure/contract';
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
});

/** Filters shared by the list and the count. */
export const customerFilterShape = {
  search: zText().max(200).meta({ description: 'Case-insensitive literal substring of email, name, company or externalId' }).optional(),
  lifecycleStage: ZLifecycleStage.optional(),
  riskLevel: ZRiskLevel.optional(),
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
};

export const ZListCustomersInput = z.object({
  page: z.number().int().min(1).meta({ description: 'Page number, from 1' }).default(1),
  limit: z.number().int().min(1).max(100).meta({ description: 'Page size, 1–100' }).default(20),
  sortBy: z.enum(CUSTOMER_SORT_KEYS).meta({ description: 'Sort key' }).default('createdAt'),
  sortOrder: z.enum(['asc', 'desc']).meta({ description: 'Sort direction' }).default('desc'),
  ...customerFilterShape,
});

export const ZListCustomersOutput = z.object({
  customers: z.array(ZCustomer),
  total: z.number().int().meta({ description: 'Customers matching the filters' }),
  page: z.number().int(),
  limit: z.number().int(),
});
export type TListCustomersInput = z.input<typeof ZListCustomersInput>;
