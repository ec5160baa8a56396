/**
 * API keys at the door (REST.md "Auth and errors"): every request that presents a key is
 * authenticated once here (core's key cache), then counted against per-second budgets with
 * rate-limiter-flexible — per key and per environment, for each rate class (reads/writes `api`,
 * `ingest`), counted per call (a tRPC batch of n calls counts n). A fixed 2-second window allows
 * twice the per-second rate, so 100/s bursts to 200. Failed authentication is limited per client
 * IP, before any database lookup. Every store is bounded: limiter entries expire with their window.
 */
import { AppError, ENVIRONMENT_CEILING_FACTOR } from '@tenure/contract';
import { type AuthenticatedKey, authenticateApiKeyWithLimits } from '@tenure/core';
import { presentedApiKey, procedureMeta, type RateClass, type TenureMeta, toAppError } from '@tenure/api';
import type { DB, Kysely } from '@tenure/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const WINDOW_S = 2;

export type KeyAuth = { ok: true; key: AuthenticatedKey } | { ok: false; error: AppError };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for requests that present an API key: the key, or why it was refused. */
    keyAuth?: KeyAuth;
  }
  interface FastifyContextConfig {
    /** The procedure meta of a REST route (its access rules, rate class, body limit). */
    tenure?: TenureMeta;
  }
}

export interface RateLimitOptions {
  db: Kysely<DB>;
  /** Default per-key requests per second for reads/writes and for ingestion. */
  perSecond: number;
  ingestPerSecond: number;
  /** Failed authentications allowed per client IP per minute. */
  authFailuresPerMinute: number;
}

/** One limiter per budget size (limits are few distinct numbers), each keyed by key or environment id. */
function limiterPool() {
  const limiters = new Map<number, RateLimiterMemory>();
  return (perSecond: number) => {
    let limiter = limiters.get(perSecond);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: `rl${perSecond}`, points: perSecond * WINDOW_S, duration: WINDOW_S });
      limiters.set(perSecond, limiter);
    }
    return limiter;
  };
}

/** The calls a request makes, by rate class: one for REST, one per procedure of a tRPC batch. */
function callsByClass(request: FastifyRequest): Map<RateClass, number> {
  const calls = new Map<RateClass, number>();
  const rest = request.routeOptions.config.tenure;
  if (rest) return calls.set(rest.auth?.rateClass ?? 'api', 1);
  const names = ((request.params as { path?: string }).path ?? '').split(',');
  for (const name of names) {
    const rateClass = procedureMeta(name)?.auth?.rateClass ?? 'api';
    calls.set(rateClass, (calls.get(rateClass) ?? 0) + 1);
  }
  return calls;
}

function tooMany(reply: FastifyReply, limit: number, res: RateLimiterRes, message: string): AppError {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  void reply.headers({ 'retry-after': seconds, 'ratelimit-limit': limit, 'ratelimit-remaining': 0, 'ratelimit-reset': seconds });
  return new AppError('TOO_MANY_REQUESTS', `${message}; retry in ${seconds} s`);
}

export function registerRateLimit(app: FastifyInstance, opts: RateLimitOptions): void {
  const budget = limiterPool();
  const authFailures = new RateLimiterMemory({ keyPrefix: 'auth-fail', points: opts.authFailuresPerMinute, duration: 60 });
  const keyDefault = { api: opts.perSecond, ingest: opts.ingestPerSecond } satisfies Record<RateClass, number>;

  async function authenticate(request: FastifyRequest, reply: FastifyReply, presented: string): Promise<KeyAuth> {
    const failures = await authFailures.get(request.ip);
    if (failures && failures.consumedPoints >= opts.authFailuresPerMinute) {
      throw tooMany(reply, opts.authFailuresPerMinute, failures, 'Too many failed authentications from this address');
    }
    try {
      return { ok: true, key: await authenticateApiKeyWithLimits(opts.db, presented) };
    } catch (error) {
      const appError = toAppError(error);
      // Only a refused key counts as a failure; an unreachable database is the server's problem.
      if (appError.code === 'UNAUTHORIZED') await authFailures.penalty(request.ip, 1);
      return { ok: false, error: appError };
    }
  }

  app.addHook('onRequest', async (request, reply) => {
    const presented = presentedApiKey(request.headers);
    if (presented === null || !(request.url.startsWith('/api/v1/') || request.url.startsWith('/trpc/'))) return;
    request.keyAuth = await authenticate(request, reply, presented);
    if (!request.keyAuth.ok) return;
    const { actor, rateLimits } = request.keyAuth.key;
    for (const [rateClass, calls] of callsByClass(request)) {
      const keyLimit = rateLimits.key[rateClass] ?? keyDefault[rateClass];
      const envLimit = rateLimits.environment[rateClass] ?? keyDefault[rateClass] * ENVIRONMENT_CEILING_FACTOR;
      let res: RateLimiterRes;
      try {
        res = await budget(keyLimit).consume(`${rateClass}:${actor.keyId}`, calls);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw tooMany(reply, keyLimit * WINDOW_S, error, 'Rate limit exceeded for this API key');
        throw error;
      }
      try {
        await budget(envLimit).consume(`${rateClass}:${actor.envId}`, calls);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw tooMany(reply, envLimit * WINDOW_S, error, "The environment's rate limit is exceeded");
        throw error;
      }
      void reply.headers({
        'ratelimit-limit': keyLimit * WINDOW_S,
        'ratelimit-remaining': res.remainingPoints,
        'ratelimit-reset': Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      });
    }
  });
}
