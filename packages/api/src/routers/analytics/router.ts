import { router } from '../../trpc';
import { getRecomputeStatusRoute } from './get-recompute-status';
import { getAnalyticsSettingsRoute } from './get-settings';
import { updateAnalyticsSettingsRoute } from './update-settings';

export const analyticsRouter = router({
  getSettings: getAnalyticsSettingsRoute,
  updateSettings: updateAnalyticsSettingsRoute,
  recomputeStatus: getRecomputeStatusRoute,
});
