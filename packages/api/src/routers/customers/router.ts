import { router } from '../../trpc';
import { deleteArrayItemsRoute, upsertArrayItemsRoute } from './array-items';
import { batchDeleteCustomersRoute } from './batch-delete-customers';
import { batchUpsertCustomersRoute } from './batch-upsert-customers';
import { countCustomersRoute } from './count-customers';
import { deleteCustomerRoute } from './delete-customer';
import { getCohortsRoute } from './get-cohorts';
import { getCustomerAttributionRoute } from './get-customer-attribution';
import { getCustomerRoute } from './get-customer';
import { getCustomerStatsRoute } from './get-customer-stats';
import { getJourneyRoute } from './get-journey';
import { getLtvCohortsRoute } from './get-ltv-cohorts';
import { listCustomersRoute } from './list-customers';
import { recalculateCustomerRoute } from './recalculate-customer';
import { updateCustomerRoute } from './update-customer';
import { upsertCustomerRoute } from './upsert-customer';

export const customersRouter = router({
  list: listCustomersRoute,
  count: countCustomersRoute,
  stats: getCustomerStatsRoute,
  cohorts: getCohortsRoute,
  ltvCohorts: getLtvCohortsRoute,
  get: getCustomerRoute,
  upsert: upsertCustomerRoute,
  batch: batchUpsertCustomersRoute,
  update: updateCustomerRoute,
  delete: deleteCustomerRoute,
  batchDelete: batchDeleteCustomersRoute,
  upsertArrayItems: upsertArrayItemsRoute,
  deleteArrayItems: deleteArrayItemsRoute,
  journey: getJourneyRoute,
  attribution: getCustomerAttributionRoute,
  recalculate: recalculateCustomerRoute,
});
