/**
 * Idempotency-Key (REST.md): the first response for (environment, key) is stored and replayed
 * for 24 h; the same key with another request → 422; a retry while the first runs → 409.
 */
import { AppError } from '@tenure/contract';
import { type DB, idempotencyQueries, type Kysely } from '@tenure/db';
import { hashToken } from './auth/tokens';

const TTL_MS = 24 * 3600 * 1000;

export type IdempotencyStart = { kind: 'fresh' } | { kind: 'replay'; statusCode: number; body: string };

export function requestFingerprint(method: string, path: string, body: unknown): string {
  return hashToken(`${method} ${path} ${JSON.stringify(body ?? null)}`);
}

export async function beginIdempotent(db: Kysely<DB>, envId: string, key: string, fingerprint: string): Promise<IdempotencyStart> {
  if (key.length === 0 || key.length > 255) throw new AppError('BAD_REQUEST', 'Idempotency-Key must be 1–255 characters');
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await idempotencyQueries.claimIdempotencyKey(db, envId, key, fingerprint)) return { kind: 'fresh' };
    const row = await idempotencyQueries.findIdempotencyKey(db, envId, key);
    if (!row) continue;
    if (Date.now() - row.createdAt.getTime() > TTL_MS) {
      await idempotencyQueries.releaseIdempotencyKey(db, envId, key);
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
export async function finishIdempotent(db: Kysely<DB>, envId: string, key: string, statusCode: number, body: string): Promise<void> {
  const store = statusCode < 400 || (statusCode >= 404 && statusCode < 500 && statusCode !== 429);
  if (store) await idempotencyQueries.completeIdempotencyKey(db, envId, key, statusCode, JSON.stringify(JSON.parse(body || 'null')));
  else await idempotencyQueries.releaseIdempotencyKey(db, envId, key);
}
