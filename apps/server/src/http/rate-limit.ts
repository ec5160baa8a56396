/**
 * Rate limits (REST.md): per key with @fastify/rate-limit — a fixed 2-second window allowing
 * twice the per-second rate (100/s with bursts of 200 by default; ingestion paths 1,000/s) — and
 * a ceiling per environment (5× the key default unless the environment sets its own), counted with
 * rate-limiter-flexible. Both are configurable in the database (api_keys.rate_limit,
 * environments.rate_limit). Headers follow the IETF draft (RateLimit-*) plus Retry-After.
 */
import rateLimit from '@fastify/rate-limit';
import { presentedApiKey } from '@tenure/api';
import { hashToken } from '@tenure/core';
import { apiKeyQueries, type DB, type Kysely } from '@tenure/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_MS = 2000;
const CACHE_MS = 30_000;
const ENV_CEILING_FACTOR = 5;
const INGEST_PATHS = ['/api/v1/events', '/api/v1/events/batch', '/trpc/events.ingest', '/trpc/events.ingestBatch'];

interface KeyLimits {
  keyLimit: number | null;
  envId: string | null;
  envLimit: number | null;
  at: number;
}

export async function registerRateLimit(
  app: FastifyInstance,
  opts: { db: Kysely<DB>; perSecond: number; ingestPerSecond: number },
): Promise<void> {
  const cache = new Map<string, KeyLimits>();

  /** Limits configured for a key and its environment, cached for 30 s (unknown keys too). */
  async function limitsOf(hash: string): Promise<KeyLimits> {
    const cached = cache.get(hash);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached;
    const row = await apiKeyQueries.findApiKeyByHash(opts.db, hash).catch(() => undefined);
    const limits = {
      keyLimit: row?.rateLimit ?? null,
      envId: row?.environmentId ?? null,
      envLimit: row?.environmentRateLimit ?? null,
      at: Date.now(),
    };
    cache.set(hash, limits);
    return limits;
  }

  const isIngest = (request: FastifyRequest) => INGEST_PATHS.some((p) => request.url.split('?')[0] === p);
  const keyHash = (request: FastifyRequest) => hashToken(presentedApiKey(request.headers) ?? '');

  await app.register(rateLimit, {
    global: true,
    timeWindow: WINDOW_MS,
    enableDraftSpec: true,
    hook: 'onRequest',
    allowList: (request) => !presentedApiKey(request.headers),
    keyGenerator: (request) => (isIngest(request) ? `ingest:${keyHash(request)}` : keyHash(request)),
    max: async (request, key) => {
      const { keyLimit } = await limitsOf(key.startsWith('ingest:') ? key.slice(7) : key);
      return (keyLimit ?? (isIngest(request) ? opts.ingestPerSecond : opts.perSecond)) * (WINDOW_MS / 1000);
    },
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Rate limit exceeded; retry in ${context.after}`) as Error & { statusCode: number };
      error.statusCode = 429;
      return error;
    },
  });

  // The environment ceiling: one budget shared by every key of the environment.
  const envLimiters = new Map<number, RateLimiterMemory>();
  const envLimiter = (perSecond: number) => {
    let limiter = envLimiters.get(perSecond);
    if (!limiter) {
      limiter = new RateLimiterMemory({
        keyPrefix: `env-${perSecond}`,
        points: perSecond * (WINDOW_MS / 1000),
        duration: WINDOW_MS / 1000,
      });
      envLimiters.set(perSecond, limiter);
    }
    return limiter;
  };
  app.addHook('onRequest', async (request, reply) => {
    if (!presentedApiKey(request.headers)) return;
    const { envId, envLimit } = await limitsOf(keyHash(request));
    if (!envId) return;
    const perSecond = envLimit ?? opts.perSecond * ENV_CEILING_FACTOR;
    try {
      await envLimiter(perSecond).consume(envId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.ceil(error.msBeforeNext / 1000);
      void reply.headers({
        'retry-after': seconds,
        'ratelimit-limit': perSecond * (WINDOW_MS / 1000),
        'ratelimit-remaining': 0,
        'ratelimit-reset': seconds,
      });
      const limited = new Error(`The environment's rate limit is exceeded; retry in ${seconds} s`) as Error & { statusCode: number };
      limited.statusCode = 429;
      throw limited;
    }
  });
}
