import { revokeApiKey } from '@tenure/core';
import { scoped } from '../../trpc';
import { revokeApiKeyMeta, ZRevokeApiKeyInput, ZRevokeApiKeyOutput } from './revoke-api-key.types';

export const revokeApiKeyRoute = scoped
  .meta(revokeApiKeyMeta)
  .input(ZRevokeApiKeyInput)
  .output(ZRevokeApiKeyOutput)
  .mutation(async ({ ctx, input }) => {
    await revokeApiKey(ctx.db, ctx.scope, input.id);
    return { revoked: true as const, id: input.id };
  });
