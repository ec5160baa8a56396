import { router } from '../../trpc';
import { createApiKeyRoute } from './create-api-key';
import { getEnvironmentLimitsRoute } from './get-environment-limits';
import { listApiKeysRoute } from './list-api-keys';
import { revokeApiKeyRoute } from './revoke-api-key';
import { setEnvironmentLimitsRoute } from './set-environment-limits';

export const apiKeysRouter = router({
  list: listApiKeysRoute,
  create: createApiKeyRoute,
  revoke: revokeApiKeyRoute,
  environmentLimits: getEnvironmentLimitsRoute,
  setEnvironmentLimits: setEnvironmentLimitsRoute,
});
