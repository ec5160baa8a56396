import { router } from '../../trpc';
import { createApiKeyRoute } from './create-api-key';
import { listApiKeysRoute } from './list-api-keys';
import { revokeApiKeyRoute } from './revoke-api-key';

export const apiKeysRouter = router({ list: listApiKeysRoute, create: createApiKeyRoute, revoke: revokeApiKeyRoute });
