/** tRPC at /trpc for the SPA (session cookie) and @tenure/client (API key). */
import { appRouter, createHttpContext, SESSION_COOKIE, toAppError } from '@tenure/api';
import type { AnalyticsEngine, RecomputeQueue } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppRouter } from '@tenure/api';

/**
 * The origin the SPA's requests carry: TENURE_PUBLIC_URL's when set (behind a TLS proxy the
 * server sees http and an inner host), else derived from the Host the browser used.
 */
function expectedOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`;
}

export async function registerTrpc(
  app: FastifyInstance,
  opts: {
    db: Kysely<DB>;
    jobs: RecomputeQueue | null;
    secureCookies: boolean;
    publicUrl?: string;
    analytics?: AnalyticsEngine;
    keyRateDefaults: { rateLimit: number; ingestRateLimit: number };
  },
): Promise<void> {
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) =>
        createHttpContext({
          db: opts.db,
          headers: req.headers,
          method: req.method,
          cookie: req.cookies[SESSION_COOKIE],
          surface: 'trpc',
          ip: req.ip,
          requestId: String(req.id),
          expectedOrigin: expectedOrigin(req, opts.publicUrl),
          keyAuth: req.keyAuth,
          jobs: opts.jobs,
          analytics: opts.analytics,
          publicUrl: opts.publicUrl,
          keyRateDefaults: opts.keyRateDefaults,
          cookies: {
            set(token, expiresAt) {
              void res.setCookie(SESSION_COOKIE, token, {
                httpOnly: true,
                sameSite: 'lax',
                secure: opts.secureCookies && !['127.0.0.1', 'localhost'].includes(req.hostname),
                path: '/',
                expires: expiresAt,
              });
            },
            clear() {
              void res.clearCookie(SESSION_COOKIE, { path: '/' });
            },
          },
        }),
      onError: ({ error, path, req }) => {
        const appError = toAppError(error);
        if (appError.status >= 500)
          app.log.error({ err: error.cause ?? error, reqId: req.id, reason: appError.reason, path }, 'tRPC request failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
}
