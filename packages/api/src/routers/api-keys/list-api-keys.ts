import { listApiKeys, loadEnvironment } from '@tenure/core';
import { scoped } from '../../trpc';
import { listApiKeysMeta, ZListApiKeysOutput } from './list-api-keys.types';

export const listApiKeysRoute = scoped
  .meta(listApiKeysMeta)
  .output(ZListApiKeysOutput)
  .query(async ({ ctx }) => {
    const env = await loadEnvironment(ctx.db, ctx.envId);
    return { apiKeys: await listApiKeys(ctx.db, ctx.envId, env.mode) };
  });
