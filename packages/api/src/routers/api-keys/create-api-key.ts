import { createApiKey, getApiKey, loadEnvironment } from '@tenure/core';
import { scoped } from '../../trpc';
import { createApiKeyMeta, ZCreateApiKeyInput, ZCreateApiKeyOutput } from './create-api-key.types';

export const createApiKeyRoute = scoped
  .meta(createApiKeyMeta)
  .input(ZCreateApiKeyInput)
  .output(ZCreateApiKeyOutput)
  .mutation(async ({ ctx, input }) => {
    const env = await loadEnvironment(ctx.db, ctx.envId);
    const created = await createApiKey(ctx.db, { ...ctx.scope, mode: env.mode }, input);
    return { key: created.key, apiKey: await getApiKey(ctx.db, ctx.envId, env.mode, created.id) };
  });
