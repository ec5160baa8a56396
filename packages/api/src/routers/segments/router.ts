import { router } from '../../trpc';
import { createSegmentRoute } from './create-segment';
import { deleteSegmentRoute } from './delete-segment';
import { estimateSegmentRoute } from './estimate-segment';
import { getSegmentRoute } from './get-segment';
import { listSegmentChangesRoute } from './list-segment-changes';
import { listSegmentCustomersRoute } from './list-segment-customers';
import { listSegmentsRoute } from './list-segments';
import { updateSegmentRoute } from './update-segment';

export const segmentsRouter = router({
  list: listSegmentsRoute,
  get: getSegmentRoute,
  create: createSegmentRoute,
  update: updateSegmentRoute,
  delete: deleteSegmentRoute,
  estimate: estimateSegmentRoute,
  customers: listSegmentCustomersRoute,
  changes: listSegmentChangesRoute,
});
