import { router } from '../../trpc';
import { dropSnapshotsRoute } from './drop-snapshots';
import { getAttributionRoute } from './get-attribution';
import { getHealthCalibrationRoute } from './get-health-calibration';
import { getReportRoute } from './get-report';
import { getRecomputeStatusRoute } from './get-recompute-status';
import { getAnalyticsSettingsRoute } from './get-settings';
import { updateAnalyticsSettingsRoute } from './update-settings';

export const analyticsRouter = router({
  getSettings: getAnalyticsSettingsRoute,
  updateSettings: updateAnalyticsSettingsRoute,
  recomputeStatus: getRecomputeStatusRoute,
  dropSnapshots: dropSnapshotsRoute,
  attribution: getAttributionRoute,
  report: getReportRoute,
  healthCalibration: getHealthCalibrationRoute,
});
