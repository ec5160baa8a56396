import { createApiKey, getApiKey, listApiKeys, loadEnvironment, revokeApiKey } from '@tenure/core';
import { z } from 'zod';
import { staffMeta } from '../../meta';
import { router, scoped } from '../../trpc';
import { ZApiKey, ZCreateApiKeyInput, ZCreateApiKeyOutput, ZRevokeApiKeyInput } from './api-keys.types';

const manageKeys = scoped.meta(staffMeta('keys:manage'));

export const apiKeysRouter = router({
  list: manageKeys.output(z.object({ apiKeys: z.array(ZApiKey) })).query(async ({ ctx }) => {
    const env = await loadEnvironment(ctx.db, ctx.envId);
    return { apiKeys: await listApiKeys(ctx.db, ctx.envId, env.mode) };
  }),
  create: manageKeys
    .input(ZCreateApiKeyInput)
    .output(ZCreateApiKeyOutput)
    .mutation(async ({ ctx, input }) => {
      const env = await loadEnvironment(ctx.db, ctx.envId);
      const created = await createApiKey(ctx.db, { ...ctx.scope, mode: env.mode }, input);
      return { key: created.key, apiKey: await getApiKey(ctx.db, ctx.envId, env.mode, created.id) };
    }),
  revoke: manageKeys
    .input(ZRevokeApiKeyInput)
    .output(z.object({ revoked: z.literal(true), id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await revokeApiKey(ctx.db, ctx.scope, input.id);
      return { revoked: true as const, id: input.id };
    }),
});
