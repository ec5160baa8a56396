import { ZEnvironmentRateLimitsOutput } from '@tenure/contract';
import { staffMeta } from '../../meta';

/** The environment's rate-limit ceilings sit beside its keys: owners and admins read them in the app. */
export const getEnvironmentLimitsMeta = staffMeta('keys:manage');
export { ZEnvironmentRateLimitsOutput };
