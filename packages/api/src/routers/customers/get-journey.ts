import { getJourney } from '@tenure/core';
import { scoped } from '../../trpc';
import { getJourneyMeta, ZGetJourneyInput, ZGetJourneyOutput } from './get-journey.types';

export const getJourneyRoute = scoped
  .meta(getJourneyMeta)
  .input(ZGetJourneyInput)
  .output(ZGetJourneyOutput)
  .query(({ ctx, input: { id, ...params } }) => getJourney(ctx.db, ctx.envId, id, params));
