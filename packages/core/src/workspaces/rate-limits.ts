/** Rate-limit ceilings of an environment (REST.md): set by staff in the app or the CLI, audited. */
import { type TEnvironmentRateLimits, ZEnvironmentRateLimits } from '@tenure/contract';
import { type DB, type Kysely, workspaceQueries } from '@tenure/db';
import type { Scope } from '../actor';
import { audit } from '../audit';

export interface EnvironmentRateLimits {
  rateLimit: number | null;
  ingestRateLimit: number | null;
}

/** The environment's stored ceilings (null: the default). */
export function getEnvironmentRateLimits(db: Kysely<DB>, envId: string): Promise<EnvironmentRateLimits> {
  return workspaceQueries.findEnvironmentRateLimits(db, envId);
}

/**
 * Changes the environment's per-class ceilings; null returns a class to the default (5× the key
 * default). Servers see the change within the key cache's 5 s.
 */
export async function setEnvironmentRateLimits(
  db: Kysely<DB>,
  scope: Scope,
  input: TEnvironmentRateLimits,
): Promise<EnvironmentRateLimits> {
  const limits = ZEnvironmentRateLimits.parse(input);
  if (limits.rateLimit === undefined && limits.ingestRateLimit === undefined) return getEnvironmentRateLimits(db, scope.envId);
  return db.transaction().execute(async (trx) => {
    const stored = await workspaceQueries.updateEnvironmentRateLimits(trx, scope.envId, limits);
    await audit(trx, scope.actor, {
      action: 'environment.rate_limits_changed',
      targetType: 'environment',
      targetId: scope.envId,
      details: stored,
    });
    return stored;
  });
}
