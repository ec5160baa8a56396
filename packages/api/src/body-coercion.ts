/**
 * trpc-to-openapi coerces the top-level number/boolean fields of every input schema (it sets
 * `coerce` on the shared zod schemas at request time), which is right for query strings and wrong
 * for JSON bodies: `"revenue": "10"` would pass and `"erase": "false"` would become `true`. For
 * procedures that take a body, the `coerce` flag of those schemas is pinned to false here.
 */
import type { AnyRouter } from '@trpc/server';
import type { TenureMeta } from './meta';

type ZodLike = { _zod?: { def?: Record<string, unknown> & { type?: string } } };

const COERCIBLE = new Set(['number', 'boolean', 'bigint', 'date']);

function pin(schema: unknown, seen: Set<unknown>): void {
  const def = (schema as ZodLike)?._zod?.def;
  if (!def || seen.has(schema)) return;
  seen.add(schema);
  if (def.type && COERCIBLE.has(def.type)) {
    Object.defineProperty(def, 'coerce', { get: () => false, set: () => {}, configurable: false });
    return;
  }
  const children: unknown[] = [];
  if (def.type === 'object') children.push(...Object.values((def.shape as Record<string, unknown>) ?? {}));
  for (const key of ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType']) if (def[key]) children.push(def[key]);
  if (Array.isArray(def.options)) children.push(...def.options);
  for (const child of children) pin(child, seen);
}

export function pinBodyCoercion(router: AnyRouter): void {
  const seen = new Set<unknown>();
  for (const procedure of Object.values(router._def.procedures) as { _def: { meta?: TenureMeta; inputs: unknown[] } }[]) {
    const method = procedure._def.meta?.openapi?.method;
    if (method === 'GET' || method === 'DELETE' || !method) continue;
    for (const input of procedure._def.inputs) pin(input, seen);
  }
}
