/** The router's procedures by tRPC path and its REST routes, each with its meta (the single source of its access rules). */
import type { TenureMeta } from './meta';
import { appRouter } from './router';

type ProcedureDef = { _def: { meta?: TenureMeta } };

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

/** Meta of the procedure at a tRPC path (`customers.list`), if there is one. */
export function procedureMeta(path: string): TenureMeta | undefined {
  return Object.hasOwn(procedures, path) ? procedures[path]?._def.meta : undefined;
}

export interface RestRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template under /api/v1, e.g. `/customers/{id}`. */
  path: string;
  /** The tRPC path of the procedure behind it. */
  procedure: string;
  meta: TenureMeta;
}

/** Every REST operation, from the procedures' OpenAPI meta. */
export function restRoutes(): RestRoute[] {
  return Object.entries(procedures).flatMap(([procedure, p]) => {
    const meta = p._def.meta;
    if (!meta?.openapi) return [];
    return [{ method: meta.openapi.method as RestRoute['method'], path: meta.openapi.path, procedure, meta }];
  });
}
