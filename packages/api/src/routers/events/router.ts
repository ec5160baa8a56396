import { router } from '../../trpc';
import { deleteEventRoute, getEventRoute } from './get-event';
import { ingestEventRoute } from './ingest-event';
import { ingestEventsRoute } from './ingest-events';
import { listEventsRoute } from './list-events';

export const eventsRouter = router({
  ingest: ingestEventRoute,
  ingestBatch: ingestEventsRoute,
  list: listEventsRoute,
  get: getEventRoute,
  delete: deleteEventRoute,
});
