import { AppError } from '@tenure/contract';
import { ingestEvents } from '@tenure/core';
import { scoped } from '../../trpc';
import { ingestEventMeta, ZIngestEventInput, ZIngestEventOutput } from './ingest-event.types';

export const ingestEventRoute = scoped
  .meta(ingestEventMeta)
  .input(ZIngestEventInput)
  .output(ZIngestEventOutput)
  .mutation(async ({ ctx, input }) => {
    const publishable = ctx.actor.kind === 'apiKey' && ctx.actor.keyType === 'publishable';
    const { results, errors } = await ingestEvents(ctx.db, ctx.scope, [input], { publishable, pathPrefix: () => [] });
    const error = errors[0];
    if (error) throw new AppError(error.code, error.message, { issues: error.issues, reason: error.reason });
    const result = results[0];
    if (!result) throw new AppError('INTERNAL_SERVER_ERROR', 'Ingest produced no result');
    return { id: result.id, duplicate: result.duplicate, suppressed: result.suppressed };
  });
