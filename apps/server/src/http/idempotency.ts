/** Idempotency-Key on REST writes: replay the stored response, or run and store it. */
import { presentedApiKey } from '@tenure/api';
import { authenticateApiKey, beginIdempotent, finishIdempotent, requestFingerprint } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import type { FastifyRequest } from 'fastify';
import type { CapturedResponse } from './rest';

export async function withIdempotency(
  db: Kysely<DB>,
  request: FastifyRequest,
  run: () => Promise<CapturedResponse>,
): Promise<CapturedResponse> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || request.method === 'GET') return run();
  const presented = presentedApiKey(request.headers);
  // Without a valid key there is no environment to scope to; the procedure answers 401/403 itself.
  const actor = presented ? await authenticateApiKey(db, presented).catch(() => null) : null;
  if (!actor) return run();
  const fingerprint = requestFingerprint(request.method, request.url, request.body);
  const start = await beginIdempotent(db, actor.envId, key, fingerprint);
  if (start.kind === 'replay') {
    return { statusCode: start.statusCode, headers: { 'idempotent-replayed': 'true' }, body: start.body };
  }
  let captured: CapturedResponse | undefined;
  try {
    captured = await run();
    return captured;
  } finally {
    await finishIdempotent(db, actor.envId, key, captured?.statusCode ?? 500, captured?.body ?? '');
  }
}
