/** Pages keep their switches, filters, sort and page in the URL: shared helpers for those hooks. */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `value` when it is one of `allowed`, else `fallback` (a hand-edited URL falls back to the default). */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A `YYYY-MM-DD` day (UTC), as date inputs give them; anything else is no date. */
export function isoDay(value: string | null): string | undefined {
  return value && DATE.test(value) ? value : undefined;
}

export function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/**
 * Applies changes to the search params: values equal to their default (or empty) are removed,
 * and any change other than the page itself sends the list back to page 1.
 */
export function applyParamChanges(
  prev: URLSearchParams,
  changes: Record<string, unknown>,
  defaults: Record<string, unknown>,
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(changes)) {
    const isDefault = value === undefined || value === '' || value === defaults[key];
    if (isDefault) next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
