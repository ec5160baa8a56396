import { deleteArrayItems, upsertArrayItems } from '@tenure/core';
import { scoped } from '../../trpc';
import {
  deleteArrayItemsMeta,
  upsertArrayItemsMeta,
  ZArrayItemsOutput,
  ZDeleteArrayItemsInput,
  ZUpsertArrayItemsInput,
} from './array-items.types';

export const upsertArrayItemsRoute = scoped
  .meta(upsertArrayItemsMeta)
  .input(ZUpsertArrayItemsInput)
  .output(ZArrayItemsOutput)
  .mutation(({ ctx, input }) => upsertArrayItems(ctx.db, ctx.scope, input.records));

export const deleteArrayItemsRoute = scoped
  .meta(deleteArrayItemsMeta)
  .input(ZDeleteArrayItemsInput)
  .output(ZArrayItemsOutput)
  .mutation(({ ctx, input }) => deleteArrayItems(ctx.db, ctx.scope, input.records));
