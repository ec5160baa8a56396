import { ZEnvironmentRateLimitsOutput, ZSetEnvironmentRateLimitsInput } from '@tenure/contract';
import { staffMeta } from '../../meta';

/** Owners and admins set the environment's ceilings in the app (audit-logged), as `tenure environment set` does. */
export const setEnvironmentLimitsMeta = staffMeta('keys:manage');
export { ZEnvironmentRateLimitsOutput, ZSetEnvironmentRateLimitsInput };
