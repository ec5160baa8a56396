/** The answer of both environment-limit procedures: the stored ceilings and the defaults that fill their nulls. */
import { ENVIRONMENT_CEILING_FACTOR, type TEnvironmentRateLimitsOutput } from '@tenure/contract';
import type { EnvironmentRateLimits } from '@tenure/core';
import type { Context } from '../../context';

export function withDefaults(stored: EnvironmentRateLimits, keyDefaults: Context['keyRateDefaults']): TEnvironmentRateLimitsOutput {
  const defaults = keyDefaults && {
    key: keyDefaults,
    environment: {
      rateLimit: keyDefaults.rateLimit * ENVIRONMENT_CEILING_FACTOR,
      ingestRateLimit: keyDefaults.ingestRateLimit * ENVIRONMENT_CEILING_FACTOR,
    },
  };
  return { ...stored, defaults };
}
