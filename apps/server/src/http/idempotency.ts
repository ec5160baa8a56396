/**
 * Idempotency-Key on REST writes: the request is authenticated and authorized as if new (by the
 * route's meta, the same check as the procedure's), and only then is a stored answer replayed —
 * and only one stored for the same API key. Anything else runs the procedure, which refuses it.
 */
import { authorize, type RouteAuth } from '@tenure/api';
import { beginIdempotent, finishIdempotent, requestFingerprint } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import type { FastifyRequest } from 'fastify';
import type { CapturedResponse } from './rest';

export async function withIdempotency(
  db: Kysely<DB>,
  request: FastifyRequest,
  auth: RouteAuth | undefined,
  run: () => Promise<CapturedResponse>,
): Promise<CapturedResponse> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || request.method === 'GET' || !auth || !request.keyAuth?.ok) return run();
  const { actor } = request.keyAuth.key;
  try {
    authorize(actor, auth);
  } catch {
    return run();
  }
  const scope = { envId: actor.envId, actorId: actor.keyId, key };
  const start = await beginIdempotent(db, scope, requestFingerprint(request.method, request.url, request.body));
  if (start.kind === 'replay') {
    return { statusCode: start.statusCode, headers: { 'idempotent-replayed': 'true' }, body: start.body };
  }
  let captured: CapturedResponse | undefined;
  try {
    captured = await run();
    return captured;
  } finally {
    await finishIdempotent(db, scope, captured?.statusCode ?? 500, captured?.body ?? '');
  }
}
