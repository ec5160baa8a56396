/**
 * REST at /api/v1: one Fastify route per REST operation of the router, with the body limit of its
 * meta; trpc-to-openapi's node handler runs the procedure. This adapter feeds it Fastify's parsed
 * body (so body limits and content types are Fastify's, per path) and rewrites its error body into
 * REST.md's `{ code, message, issues?, reason? }`. Unknown paths fall to the JSON 404.
 */
import type { IncomingMessage } from 'node:http';
import { appRouter, createHttpContext, DEFAULT_BODY_LIMIT, errorBody, type RestRoute, restRoutes, toAppError } from '@tenure/api';
import { AppError, type ErrorBody, STATUS_TO_CODE } from '@tenure/contract';
import type { AnalyticsEngine, RecomputeQueue } from '@tenure/core';
import type { DB, Kysely } from '@tenure/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createOpenApiNodeHttpHandler } from 'trpc-to-openapi';
import { withIdempotency } from './idempotency';
import { loggableUrl } from './logging';

export const REST_PREFIX = '/api/v1';

interface RestRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body?: unknown;
  tenure: { ip: string; requestId: string; keyAuth: FastifyRequest['keyAuth'] };
}

/** Never aborted: no procedure reads the request signal trpc-to-openapi hands on. */
const NO_ABORT = new AbortController().signal;

/**
 * The request as trpc-to-openapi's handler sees it. Given a Node request, the handler builds a
 * whole Fetch `Request` from it just to take its abort signal (~85 µs of a ~800 µs keyed read);
 * given a Fetch `Request` it reads `method`, `url`, `headers.get()`, `body` and `signal` as they
 * are. So it gets an object of Request's prototype (for `instanceof`) carrying exactly those, as
 * own properties: the path without our prefix (its routes have none), Fastify's parsed body (a POST
 * without one is `{}`, REST.md), and the headers as a plain object (our context reads them by name)
 * with the `get` the handler calls.
 */
function procedureRequest(request: FastifyRequest): RestRequest {
  const headers = { ...request.headers };
  const hasBody = request.method !== 'GET' && request.method !== 'DELETE';
  if (hasBody) headers['content-type'] = 'application/json';
  Object.defineProperty(headers, 'get', { value: (name: string) => headers[name.toLowerCase()] ?? null, enumerable: false });
  const own = (value: unknown) => ({ value, enumerable: true, writable: true });
  return Object.create(Request.prototype, {
    method: own(request.method),
    url: own(request.url.slice(REST_PREFIX.length) || '/'),
    headers: own(headers),
    signal: own(NO_ABORT),
    tenure: own({ ip: request.ip, requestId: String(request.id), keyAuth: request.keyAuth }),
    ...(hasBody ? { body: own(request.body ?? {}) } : {}),
  }) as RestRequest;
}

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

export function registerRest(
  app: FastifyInstance,
  opts: { db: Kysely<DB>; jobs: RecomputeQueue | null; analytics?: AnalyticsEngine },
): void {
  const handler = createOpenApiNodeHttpHandler({
    router: appRouter,
    createContext: ({ req: incoming }) => {
      const req = incoming as unknown as RestRequest;
      return createHttpContext({
        db: opts.db,
        headers: req.headers,
        method: req.method,
        cookie: undefined,
        cookies: { set() {}, clear() {} },
        surface: 'rest',
        ip: req.tenure.ip,
        requestId: req.tenure.requestId,
        expectedOrigin: '',
        keyAuth: req.tenure.keyAuth,
        jobs: opts.jobs,
        analytics: opts.analytics,
      });
    },
    // Headers a procedure set through its context (`x-cache`, `x-as-of`), on success and error alike.
    responseMeta: ({ ctx }) => ({ headers: ctx?.responseHeaders ?? {} }),
    onError: ({ error, req }) => {
      const appError = toAppError(error);
      if (appError.status >= 500) {
        const { requestId } = (req as unknown as RestRequest).tenure;
        app.log.error(
          { err: error.cause ?? error, reqId: requestId, reason: appError.reason, url: loggableUrl(`${REST_PREFIX}${req.url ?? ''}`) },
          'REST request failed',
        );
      }
    },
  });

  /** Runs the procedure behind a request and captures what trpc-to-openapi answers. */
  const runProcedure = (request: FastifyRequest, reply: FastifyReply) => {
    const req = procedureRequest(request);
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
      handler(req as never, res as never).catch(reject);
    });
  };

  const handle = (route: RestRoute) => async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body;
    if (request.method !== 'GET' && request.method !== 'DELETE' && body != null && (typeof body !== 'object' || Array.isArray(body))) {
      // trpc-to-openapi spreads the body into the input, which would turn `[]` or `"x"` into `{}`.
      throw new AppError('BAD_REQUEST', 'The request body must be a JSON object');
    }
    const captured = await withIdempotency(opts.db, request, route.meta.auth, () => runProcedure(request, reply));
    const { 'content-type': _ignored, ...headers } = captured.headers;
    void reply.headers(headers).status(captured.statusCode).type('application/json');
    if (captured.statusCode >= 400) return reply.send(restBody(captured.statusCode, captured.body));
    return reply.send(captured.body);
  };

  for (const route of restRoutes()) {
    app.route({
      method: route.method,
      // `{id}` → `:id`; Fastify's router then gives static paths (`/customers/count`) precedence.
      url: `${REST_PREFIX}${route.path.replace(/\{(\w+)\}/g, ':$1')}`,
      bodyLimit: route.meta.bodyLimit ?? DEFAULT_BODY_LIMIT,
      config: { tenure: route.meta },
      exposeHeadRoute: false,
      handler: handle(route),
    });
  }
}
