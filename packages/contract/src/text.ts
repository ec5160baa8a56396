/**
 * What the database can hold, checked once in the shared input schemas (REST.md "Body"): text
 * without NUL or unpaired UTF-16 surrogates, and instants from 1970-01-01 on. Every string and
 * time an input schema accepts is built from these, so bad text is a 400 naming its path (a
 * per-item error inside batches) and never a database error after half a write.
 */
import { z } from 'zod';

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** ES2024's native check where the runtime has it (Node 20, current browsers): it runs on every attribute string. */
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

export const TEXT_MESSAGE = 'Text must not contain NUL characters or unpaired UTF-16 surrogates';

export function isStorableText(value: string): boolean {
  if (value.includes('\u0000')) return false;
  return isWellFormed ? isWellFormed.call(value) : !LONE_SURROGATE.test(value);
}

/** A string input the database can store. Chain `.min()`, `.max()`, `.meta()` as on `z.string()`. */
export function zText() {
  return z.string().refine(isStorableText, TEXT_MESSAGE);
}

/** The earliest and latest instants accepted anywhere: ids encode ms since 1970, PostgreSQL ends at 294276 AD. */
export const MIN_INSTANT_MS = Date.UTC(1970, 0, 1);
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export const INSTANT_MESSAGE = 'Times must be between 1970-01-01 and 9999-12-31';

export function isStorableInstant(value: string): boolean {
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS;
}

/** An ISO 8601 date-time with offset, on or after 1970-01-01. */
export function zInstant() {
  return z.iso.datetime({ offset: true }).refine(isStorableInstant, INSTANT_MESSAGE);
}

/** `YYYY-MM-DD` (that day's UTC midnight) or an ISO date-time, in the storable range. */
export function zTimeBound() {
  return z
    .union([z.iso.date(), z.iso.datetime({ offset: true })])
    .refine(isStorableInstant, INSTANT_MESSAGE)
    .meta({ description: 'ISO date (UTC midnight) or date-time' });
}

/** How deep JSON may nest (REST.md): deeper bodies are refused at parse time. */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = { kind: 'depth'; message: string } | { kind: 'proto'; message: string; path: string };

/**
 * Checks a parsed JSON value for what no input may carry: nesting deeper than MAX_JSON_DEPTH
 * arrays/objects, and `__proto__` keys (which zod's records drop silently). Iterative, so a
 * hostile 100,000-level body cannot overflow the stack here (JSON.stringify would).
 */
export function jsonProblem(value: unknown, maxDepth: number = MAX_JSON_DEPTH): JsonProblem | null {
  if (typeof value !== 'object' || value === null) return null;
  const stack: [unknown, number, PropertyKey[]][] = [[value, 1, []]];
  while (stack.length) {
    const [node, depth, path] = stack.pop() as [object, number, PropertyKey[]];
    if (depth > maxDepth) return { kind: 'depth', message: `JSON nests deeper than ${maxDepth} levels` };
    if (!Array.isArray(node) && Object.hasOwn(node, '__proto__')) {
      return { kind: 'proto', message: 'The key "__proto__" is not allowed', path: [...path, '__proto__'].join('.') };
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1, [...path, key]]);
    }
  }
  return null;
}
