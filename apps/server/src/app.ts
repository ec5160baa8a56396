/** Builds the HTTP server: security headers, request ids, rate limits, tRPC, REST, docs, SPA. */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { sql, type Database } from '@tenure/db';
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import { registerDocs } from './http/docs';
import { registerErrorHandler, registerNotFound } from './http/errors';
import { registerRateLimit } from './http/rate-limit';
import { REST_PREFIX, registerRest } from './http/rest';
import { registerSpa } from './http/spa';
import { registerTrpc } from './http/trpc';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildApp(database: Database, config: ServerConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'] },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // tRPC batches (the SPA's imports) may be large; REST routes set their own per-path limits.
    bodyLimit: 32 * 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
  });
  const { db } = database;

  // An empty JSON body is `{}` (REST.md: a POST without a body is taken as an empty object).
  app.removeContentTypeParser('application/json');
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, {});
    defaultJson(request, body as string, done);
  });

  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.nodeEnv === 'production',
  });
  await app.register(cookie);
  await registerRateLimit(app, { db, ...config.rateLimit });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await Promise.race([
        sql`select 1`.execute(db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000)),
      ]);
      return { status: 'ready', database: database.driver };
    } catch {
      return reply.status(503).send({ code: 'SERVICE_UNAVAILABLE', message: 'The database is not reachable' });
    }
  });

  await registerTrpc(app, { db, secureCookies: config.nodeEnv === 'production' });
  await registerDocs(app);
  registerRest(app, { db });
  registerNotFound(app, { spa: await registerSpa(app, config.webDist) });
  app.log.debug({ rest: REST_PREFIX }, 'routes registered');
  return app;
}
