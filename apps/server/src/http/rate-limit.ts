/**
 * Per-key rate limits with @fastify/rate-limit: a fixed 2-second window allowing twice the
 * per-second rate (100/s with bursts of 200 by default; ingestion paths 1,000/s), raised or
 * lowered per key in the database. Headers follow the IETF draft (RateLimit-*) plus Retry-After.
 */
import rateLimit from '@fastify/rate-limit';
import { presentedApiKey } from '@tenure/api';
import { hashToken } from '@tenure/core';
import { apiKeyQueries, type DB, type Kysely } from '@tenure/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const WINDOW_MS = 2000;
const CACHE_MS = 30_000;
const INGEST_PATHS = ['/api/v1/events', '/api/v1/events/batch', '/trpc/events.ingest', '/trpc/events.ingestBatch'];

export async function registerRateLimit(
  app: FastifyInstance,
  opts: { db: Kysely<DB>; perSecond: number; ingestPerSecond: number },
): Promise<void> {
  const keyLimits = new Map<string, { limit: number | null; at: number }>();

  async function configuredLimit(hash: string): Promise<number | null> {
    const cached = keyLimits.get(hash);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.limit;
    const row = await apiKeyQueries.findApiKeyByHash(opts.db, hash).catch(() => undefined);
    const limit = row?.rateLimit ?? null;
    keyLimits.set(hash, { limit, at: Date.now() });
    return limit;
  }

  const isIngest = (request: FastifyRequest) => INGEST_PATHS.some((p) => request.url.split('?')[0] === p);

  await app.register(rateLimit, {
    global: true,
    timeWindow: WINDOW_MS,
    enableDraftSpec: true,
    hook: 'onRequest',
    allowList: (request) => !presentedApiKey(request.headers),
    keyGenerator: (request) => {
      const hash = hashToken(presentedApiKey(request.headers) ?? '');
      return isIngest(request) ? `ingest:${hash}` : hash;
    },
    max: async (request, key) => {
      const hash = key.startsWith('ingest:') ? key.slice(7) : key;
      const perSecond = (await configuredLimit(hash)) ?? (isIngest(request) ? opts.ingestPerSecond : opts.perSecond);
      return perSecond * (WINDOW_MS / 1000);
    },
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Rate limit exceeded; retry in ${context.after}`) as Error & { statusCode: number };
      error.statusCode = 429;
      return error;
    },
  });
}
