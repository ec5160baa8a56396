/** How a procedure answering from the snapshot cache tells the caller what it got. */
import type { Context } from './context';

/**
 * Sets `x-cache: hit|miss` and `x-as-of` on the REST answer (REST.md "Freshness"); the body also
 * carries `asOf`, for tRPC callers.
 */
export function sendSnapshotHeaders(ctx: Pick<Context, 'responseHeaders'>, snapshot: { cache: 'hit' | 'miss'; asOf: Date }): void {
  ctx.responseHeaders['x-cache'] = snapshot.cache;
  ctx.responseHeaders['x-as-of'] = snapshot.asOf.toISOString();
}
