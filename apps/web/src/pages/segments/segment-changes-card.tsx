/** The segment's changes feed, in the order recounts recorded them, a page at a time. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { SkeletonCard } from '../../components/skeleton';
import { Spinner } from '../../components/spinner';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

const PAGE = 50;

export function SegmentChangesCard({ segmentId }: { segmentId: string }) {
  const trpc = useTRPC();
  const feed = useInfiniteQuery(
    trpc.segments.changes.infiniteQueryOptions(
      { id: segmentId, limit: PAGE },
      // nextCursor is never null (a client keeps it to resume later): a short page is the end for now.
      { getNextPageParam: (last) => (last.changes.length < PAGE ? undefined : last.nextCursor) },
    ),
  );
  const changes = feed.data?.pages.flatMap((p) => p.changes) ?? [];
  return (
    <div className="card" data-testid="segment-changes">
      <div className="card-header">
        <h2>Changes</h2>
        <span className="muted small">Who entered and left, oldest first · also at GET /segments/{'{id}'}/changes</span>
      </div>
      {feed.isPending ? (
        <div className="card-body">
          <SkeletonCard lines={4} />
        </div>
      ) : feed.isError ? (
        <div className="card-body">
          <ErrorAlert error={feed.error} title="Could not load the changes" onRetry={() => feed.refetch()} />
        </div>
      ) : changes.length === 0 ? (
        <EmptyState icon="activity" title="No changes yet">
          <p>Customers who enter or leave the segment show up here.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="change-list">
            {changes.map((c) => (
              // A customer enters or leaves a segment at most once per recount.
              <li key={`${c.customerId}:${c.at}:${c.change}`} className="change-item" data-testid="segment-change">
                <Badge tone={c.change === 'entered' ? 'green' : 'gray'}>{c.change}</Badge>
                <Link to={`/customers/${c.customerId}`} className="mono">
                  {c.externalId ?? c.customerId}
                </Link>
                <span className="muted small">{formatDateTime(c.at)}</span>
              </li>
            ))}
          </ul>
          {feed.hasNextPage && (
            <div className="card-body">
              <button type="button" className="btn btn-sm" onClick={() => feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
                {feed.isFetchingNextPage && <Spinner />} Load more
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
