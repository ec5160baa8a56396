import { CUSTOMER_EXAMPLE, ZSegmentId } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';
import { customerFilterShape, customerPageShape, ZListCustomersOutput } from '../customers/list-customers.types';

export const listSegmentCustomersMeta = restMeta({
  method: 'GET',
  path: '/segments/{id}/customers',
  tag: 'Segments',
  operationId: 'listSegmentCustomers',
  summary: 'List a segment’s customers',
  description:
    'The segment’s current members, paginated, searched, filtered and sorted exactly like `GET /customers` (as of the segment’s countedAt).',
  permission: 'customers:read',
  examples: { response: { example: { customers: [CUSTOMER_EXAMPLE], total: 42, page: 1, limit: 20 } } },
});

const { segmentId: _segmentId, ...filters } = customerFilterShape;

export const ZListSegmentCustomersInput = z.object({ id: ZSegmentId, ...customerPageShape, ...filters });
export const ZListSegmentCustomersOutput = ZListCustomersOutput;
