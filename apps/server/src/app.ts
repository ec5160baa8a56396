/** Builds the HTTP server: security headers, request ids, rate limits, tRPC, REST, docs, SPA. */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import { errorBody } from '@tenure/api';
import { AppError } from '@tenure/contract';
import { type AnalyticsEngine, pingDatabase, type RecomputeQueue } from '@tenure/core';
import type { Database } from '@tenure/db';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ServerConfig } from './config';
import { registerBodyParsing } from './http/body-parsing';
import { registerDocs } from './http/docs';
import { registerErrorHandler, registerNotFound } from './http/errors';
import { type LogDestination, loggerOptions } from './http/logging';
import { registerRateLimit } from './http/rate-limit';
import { REST_PREFIX, registerRest } from './http/rest';
import { registerSecurityHeaders } from './http/security-headers';
import { registerSpa } from './http/spa';
import { registerTrpc } from './http/trpc';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Trust the nearest `hops` proxies (Fastify takes a hop count at run time, its types a function). */
const hopsOf = (hops: number) => (_address: string, hop: number) => hop < hops;

/** What a server process adds to the HTTP app: the durable job queue (absent in tests that need none). */
export interface AppServices {
  jobs?: RecomputeQueue | null;
  /** The analytics engine behind the analytics routes (default: SQL on the same database). */
  analytics?: AnalyticsEngine;
  /** Where the log lines go (default stdout). */
  logStream?: LogDestination;
}

export async function buildApp(database: Database, config: ServerConfig, services: AppServices = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, services.logStream),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // tRPC batches (the SPA's imports) may be large; REST routes set their own per-path limits.
    bodyLimit: 32 * 1024 * 1024,
    trustProxy: typeof config.trustProxy === 'number' ? hopsOf(config.trustProxy) : config.trustProxy,
    return503OnClosing: true,
    // Path parameters carry `ext_<externalId>` (≤255 characters, up to 3 bytes each URL-encoded).
    routerOptions: { maxParamLength: 2048 },
    // A path Fastify cannot decode (`ext_%ZZ`) answers REST.md's body like every other error.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply)
        .status(400)
        .type('application/json')
        .send(errorBody(new AppError('BAD_REQUEST', `Malformed URL: ${error.message}`)));
    },
  });
  const { db } = database;

  registerBodyParsing(app);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
    // API answers are per caller and often personal: never stored by a browser or proxy cache.
    const url = request.originalUrl;
    if (url.startsWith('/api/v1/') || url.startsWith('/trpc/')) void reply.header('cache-control', 'no-store');
  });

  registerSecurityHeaders(app, { hsts: config.nodeEnv === 'production' });
  await app.register(cookie);
  registerRateLimit(app, { db, ...config.rateLimit });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await pingDatabase(db, 2000);
      return { status: 'ready', database: database.driver };
    } catch {
      return reply.status(503).send({ code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable' });
    }
  });

  const jobs = services.jobs ?? null;
  const { analytics } = services;
  await registerTrpc(app, {
    db,
    jobs,
    analytics,
    secureCookies: config.nodeEnv === 'production',
    publicUrl: config.publicUrl,
    keyRateDefaults: { rateLimit: config.rateLimit.perSecond, ingestRateLimit: config.rateLimit.ingestPerSecond },
  });
  await registerDocs(app);
  registerRest(app, { db, jobs, analytics });
  registerNotFound(app, { spa: await registerSpa(app, config.webDist) });
  app.log.debug({ rest: REST_PREFIX }, 'routes registered');
  return app;
}
