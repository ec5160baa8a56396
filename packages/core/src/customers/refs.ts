/** Customer references in paths: `cus_…` or `ext_<externalId>`. */
import type { customerReadQueries } from '@tenure/db';

export type CustomerKey = customerReadQueries.CustomerKey;

/** Parses a reference; anything that is neither form is null (callers answer 404). */
export function parseCustomerRef(ref: string): CustomerKey | null {
  if (/^cus_[0-9a-z]{1,64}$/.test(ref)) return { id: ref };
  if (ref.startsWith('ext_') && ref.length > 4) return { externalId: ref.slice(4) };
  return null;
}
