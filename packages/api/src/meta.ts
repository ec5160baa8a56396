/** OpenAPI meta for REST routes: one builder so every operation documents auth and errors alike. */
import type { Permission } from '@tenure/contract';
import type { OpenApiMeta } from 'trpc-to-openapi';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

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
  /** Extra documented statuses beyond 400/401/403/404/429/500/503. */
  errors?: number[];
}

export type TenureMeta = OpenApiMeta & { auth?: { permission: Permission; publishable: boolean } };

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
    auth: { permission: m.permission, publishable: m.publishable ?? false },
  };
}
