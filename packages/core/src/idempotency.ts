/**
 * Idempotency-Key (REST.md): the first response for (environment, actor, key) is stored and
 * replayed to that same API key or staff user for 24 h; the same key with another request → 422;
 * a retry while the first runs → 409. Callers authorize the request before asking for a replay.
 */
import { AppError } from '@tenure/contract';
import { type DB, idempotencyQueries, type Kysely } from '@tenure/db';
import { hashToken } from './auth/tokens';

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export type IdempotencyScope = idempotencyQueries.IdempotencyScope;
export type IdempotencyStart = { kind: 'fresh' } | { kind: 'replay'; statusCode: number; body: string };

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return hashToken(`${method} ${path} ${JSON.stringify(body ?? null)}`);
}

export async function beginIdempotent(db: Kysely<DB>, scope: IdempotencyScope, fingerprint: string): Promise<IdempotencyStart> {
  if (scope.key.length === 0 || scope.key.length > 255) throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 1–255 characters');
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await idempotencyQueries.claimIdempotencyKey(db, scope, fingerprint)) return { kind: 'fresh' };
    const row = await idempotencyQueries.findIdempotencyKey(db, scope);
    if (!row) continue;
    if (Date.now() - row.createdAt.getTime() > IDEMPOTENCY_TTL_MS) {
      await idempotencyQueries.releaseIdempotencyKey(db, scope);
      continue;
    }
    if (row.requestHash !== fingerprint) {
      throw new AppError('UNPROCESSABLE_CONTENT', 'This Idempotency-Key was used with a different request', {
        reason: 'IDEMPOTENCY_KEY_REUSED',
      });
    }
    if (row.statusCode === null) {
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in flight', { reason: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
    }
    return {
      kind: 'replay',
      statusCode: row.statusCode,
      body: typeof row.response === 'string' ? row.response : JSON.stringify(row.response),
    };
  }
  throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still in flight', { reason: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
}

/** Stores the response, except validation and auth failures and server errors (retry-able). */
export async function finishIdempotent(db: Kysely<DB>, scope: IdempotencyScope, statusCode: number, body: string): Promise<void> {
  const store = statusCode < 400 || (statusCode >= 404 && statusCode < 500 && statusCode !== 429);
  if (store) await idempotencyQueries.completeIdempotencyKey(db, scope, statusCode, JSON.stringify(JSON.parse(body || 'null')));
  else await idempotencyQueries.releaseIdempotencyKey(db, scope);
}

/** Deletes records past their 24 h, in bounded batches; returns how many went. */
export async function purgeExpiredIdempotencyKeys(db: Kysely<DB>, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  let total = 0;
  for (;;) {
    const n = await idempotencyQueries.purgeIdempotencyKeys(db, before);
    total += n;
    if (n < 10_000) return total;
  }
}
