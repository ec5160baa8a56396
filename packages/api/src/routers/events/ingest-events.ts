import { ingestEvents } from '@tenure/core';
import { scoped } from '../../trpc';
import { ingestEventsMeta, ZIngestEventsInput, ZIngestEventsOutput } from './ingest-events.types';

export const ingestEventsRoute = scoped
  .meta(ingestEventsMeta)
  .input(ZIngestEventsInput)
  .output(ZIngestEventsOutput)
  .mutation(async ({ ctx, input }) => {
    const publishable = ctx.actor.kind === 'apiKey' && ctx.actor.keyType === 'publishable';
    const { results, errors } = await ingestEvents(ctx.db, ctx.scope, input.events, { publishable, pathPrefix: (i) => ['events', i] });
    return {
      accepted: results.filter((r) => r.id && !r.duplicate).length,
      duplicates: results.filter((r) => r.duplicate).length,
      suppressed: results.filter((r) => r.suppressed).length,
      errors,
    };
  });
