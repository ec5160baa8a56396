/**
 * Route meta, the single source of each route's access rules (STYLE.md "Route meta is the single
 * source"): permission, publishable-key access, staff-only, rate class and body limit are declared
 * once here and read by `scoped` (authorization), the REST adapter (routes, body limits), the
 * idempotency layer and the rate limiter. REST routes also carry their OpenAPI description.
 */
import type { Permission } from '@tenure/contract';
import type { OpenApiMeta } from 'trpc-to-openapi';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Rate-limit classes of REST.md: reads and writes share one budget, ingestion has its own. */
export const RATE_CLASSES = ['api', 'ingest'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export interface RouteAuth {
  permission: Permission;
  /** Publishable keys may call it (ingest and identify only). */
  publishable: boolean;
  /** Only staff sessions in the app; API keys get 403. */
  staffOnly: boolean;
  rateClass: RateClass;
}

/**
 * Examples of a media type, exactly as OpenAPI writes them: one `example`, or named `examples`
 * when the body has alternatives (a union answer) that a renderer shows as a choice.
 */
export type MediaExample = { example: unknown } | { examples: Record<string, { summary: string; value: unknown }> };

/**
 * The examples of one REST operation. They are declared beside the route's meta (in its
 * `.types.ts`) and set on the operation's media types by `buildOpenApiDocument`: one mechanism
 * for every route, and a media-type example is what renderers show and "try it out" sends.
 * `test/platform/openapi-examples.test.ts` validates each against its schema.
 */
export interface OperationExamples {
  /** The JSON request body (operations that take one). */
  request?: MediaExample;
  /** The 200 answer. */
  response: MediaExample;
}

export type TenureMeta = OpenApiMeta & {
  auth?: RouteAuth;
  /** Largest accepted request body in bytes (REST.md "Body"); 1 MB when unset. */
  bodyLimit?: number;
  examples?: OperationExamples;
};

export const MB = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1 * MB;

const ERRORS: Record<number, string> = {
  400: 'Invalid input (`issues` names each path)',
  401: 'Missing, unknown or revoked API key',
  403: 'The key lacks the scope, or is publishable on a secret-only path',
  404: 'Not found (also for another environment’s object)',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type (send application/json)',
  422: 'Idempotency key reused with a different body',
  429: 'Rate limit exceeded (see Retry-After)',
  500: 'Internal error',
  503: 'Database unavailable',
};

export interface RestMetaInput {
  method: Method;
  path: `/${string}`;
  tag: string;
  operationId: string;
  summary: string;
  description: string;
  permission: Permission;
  publishable?: boolean;
  /** `ingest` for event ingestion paths; everything else is `api`. */
  rateClass?: RateClass;
  bodyLimit?: number;
  /** Extra documented statuses beyond 400/401/403/404/429/500/503. */
  errors?: number[];
  examples?: OperationExamples;
}

/** Meta for a REST route (also served over tRPC and the typed client). */
export function restMeta(m: RestMetaInput): TenureMeta {
  const statuses = [400, 401, 403, 404, 429, 500, 503, ...(m.method === 'GET' ? [] : [413, 415, 422]), ...(m.errors ?? [])];
  const errorResponses = Object.fromEntries([...new Set(statuses)].sort().map((s) => [s, ERRORS[s] ?? 'Error']));
  return {
    openapi: {
      method: m.method,
      path: m.path,
      tags: [m.tag],
      operationId: m.operationId,
      summary: m.summary,
      description: `${m.description}\n\nRequires scope \`${m.permission}\`${m.publishable ? ' (publishable keys allowed)' : ''}.`,
      protect: true,
      errorResponses,
    },
    auth: { permission: m.permission, publishable: m.publishable ?? false, staffOnly: false, rateClass: m.rateClass ?? 'api' },
    ...(m.bodyLimit ? { bodyLimit: m.bodyLimit } : {}),
    ...(m.examples ? { examples: m.examples } : {}),
  };
}

/** Meta for a tRPC-only procedure that staff use in the app (sessions only). */
export function staffMeta(permission: Permission): TenureMeta {
  return { auth: { permission, publishable: false, staffOnly: true, rateClass: 'api' } };
}
