/**
 * REST at /api/v1: trpc-to-openapi's node handler runs the procedure; this adapter feeds it
 * Fastify's parsed body (so body limits and content types are Fastify's, per path) and rewrites
 * its error body into REST.md's `{ code, message, issues?, reason? }`.
 */
import type { IncomingMessage } from 'node:http';
import { appRouter, createHttpContext, errorBody, toAppError } from '@tenure/api';
import { AppError, type ErrorBody, STATUS_TO_CODE } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import { withIdempotency } from './idempotency';

export const REST_PREFIX = '/api/v1';
const MB = 1024 * 1024;

/** Byte limits of REST.md's conventions; every other path gets 1 MB. */
export const BODY_LIMITS: Record<string, number> = {
  '/customers/batch': 32 * MB,
  '/customers/batch-delete': 32 * MB,
  '/customers/arrays': 32 * MB,
  '/customers/arrays/delete': 32 * MB,
  '/events/batch': 10 * MB,
};
export const DEFAULT_BODY_LIMIT = 1 * MB;

type RestRequest = IncomingMessage & { body?: unknown; tenure?: { ip: string; requestId: string } };

export interface CapturedResponse {
  statusCode: number;
  headers: Record<string, string | number | string[]>;
  body: string;
}

function restBody(status: number, raw: string): ErrorBody {
  try {
    const parsed = JSON.parse(raw) as { data?: { rest?: ErrorBody }; message?: string };
    if (parsed.data?.rest) return parsed.data.rest;
    return { code: STATUS_TO_CODE[status] ?? 'INTERNAL_SERVER_ERROR', message: parsed.message ?? 'Error' };
  } catch {
    return errorBody(new AppError('INTERNAL_SERVER_ERROR', 'Internal server error'));
  }
}

export function registerRest(app: FastifyInstance, opts: { db: Kysely<DB> }): void {
  const handler = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext: ({ req }: { req: RestRequest }) =>
      createHttpContext({
        db: opts.db,
        headers: req.headers,
        method: req.method ?? 'GET',
        cookie: undefined,
        cookies: { set() {}, clear() {} },
        surface: 'rest',
        ip: req.tenure?.ip ?? '',
        requestId: req.tenure?.requestId ?? '',
        expectedOrigin: '',
      }),
    onError: ({ error, req }) => {
      const appError = toAppError(error);
      if (appError.status >= 500) app.log.error({ err: error.cause ?? error, url: req.url }, 'REST request failed');
    },
  });

  /** Runs the procedure behind a request and captures what trpc-to-openapi answers. */
  const runProcedure = (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.raw as RestRequest;
    raw.url = request.url.slice(REST_PREFIX.length) || '/';
    raw.tenure = { ip: request.ip, requestId: String(request.id) };
    if (request.method !== 'GET' && request.method !== 'DELETE') {
      // A POST without a body (and without a Content-Type) is taken as `{}` (REST.md).
      raw.body = request.body ?? {};
      raw.headers['content-type'] = 'application/json';
    }
    return new Promise<CapturedResponse>((resolve, reject) => {
      const res = {
        statusCode: 200,
        headers: {} as CapturedResponse['headers'],
        writableEnded: false,
        setHeader(name: string, value: string | number | string[]) {
          this.headers[name.toLowerCase()] = value;
        },
        end(body?: string) {
          this.writableEnded = true;
          resolve({ statusCode: this.statusCode, headers: this.headers, body: body ?? '' });
        },
        once: reply.raw.once.bind(reply.raw),
        on: reply.raw.on.bind(reply.raw),
        off: reply.raw.off.bind(reply.raw),
      };
      handler(raw, res as never).catch(reject);
    });
  };

  const route = async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body;
    if (request.method !== 'GET' && request.method !== 'DELETE' && body != null && (typeof body !== 'object' || Array.isArray(body))) {
      // trpc-to-openapi spreads the body into the input, which would turn `[]` or `"x"` into `{}`.
      throw new AppError('BAD_REQUEST', 'The request body must be a JSON object');
    }
    const captured = await withIdempotency(opts.db, request, () => runProcedure(request, reply));
    const { 'content-type': _ignored, ...headers } = captured.headers;
    void reply.headers(headers).status(captured.statusCode).type('application/json');
    if (captured.statusCode >= 400) return reply.send(restBody(captured.statusCode, captured.body));
    return reply.send(captured.body);
  };

  for (const [path, bodyLimit] of Object.entries(BODY_LIMITS)) {
    app.route({ method: ['POST'], url: `${REST_PREFIX}${path}`, bodyLimit, handler: route });
  }
  app.route({ method: ['GET', 'POST', 'PATCH', 'DELETE'], url: `${REST_PREFIX}/*`, bodyLimit: DEFAULT_BODY_LIMIT, handler: route });
}
