import { router } from '../../trpc';
import { getCustomerRoute } from './get-customer';
import { listCustomersRoute } from './list-customers';
import { upsertCustomerRoute } from './upsert-customer';

export const customersRouter = router({
  list: listCustomersRoute,
  get: getCustomerRoute,
  upsert: upsertCustomerRoute,
});
