/** Shown above the customer list when it is filtered to a segment's members (`?segmentId=`). */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Icon } from '../../components/icons';
import { useTRPC } from '../../lib/trpc';
import '../../styles/segments.css';

export function SegmentFilterBar({ segmentId, onClear }: { segmentId: string; onClear: () => void }) {
  const trpc = useTRPC();
  const segment = useQuery(trpc.segments.get.queryOptions({ id: segmentId }));
  return (
    <div className="toolbar segment-filter" data-testid="customers-segment-filter">
      <Icon name="filter" />
      <span>
        Members of{' '}
        {segment.data ? (
          <Link to={`/segments/${segmentId}`}>{segment.data.segment.name}</Link>
        ) : segment.isError ? (
          <span className="muted">an unknown segment</span>
        ) : (
          <span className="muted">…</span>
        )}
      </span>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onClear}>
        <Icon name="x" /> Show all customers
      </button>
    </div>
  );
}
