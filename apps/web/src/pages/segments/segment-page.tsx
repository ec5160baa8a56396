/** One segment: its rules and size, its members, its changes feed; edit and delete for writers. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { BackLink, DetailFallback } from '../../components/detail-fallback';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { SkeletonCard } from '../../components/skeleton';
import { Stat } from '../../components/stat';
import { formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { useCan } from '../../lib/use-role';
import { useTRPC } from '../../lib/trpc';
import { ruleText } from './rule-summary';
import { SegmentChangesCard } from './segment-changes-card';
import { SegmentMembersCard } from './segment-members-card';
import '../../styles/segments.css';

export default function SegmentPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canWrite = useCan('segments:write');
  const [confirming, setConfirming] = useState(false);
  const query = useQuery(trpc.segments.get.queryOptions({ id }));
  const remove = useMutation({
    ...trpc.segments.delete.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries(trpc.segments.pathFilter());
      void queryClient.invalidateQueries(trpc.customers.pathFilter());
      navigate('/segments');
    },
  });

  const back = <BackLink to="/segments">Segments</BackLink>;
  if (!query.isSuccess) {
    return (
      <DetailFallback
        back={back}
        query={query}
        loading={
          <>
            <SkeletonCard lines={3} />
            <SkeletonCard lines={8} />
          </>
        }
        notFound={{ icon: 'filter', title: 'Segment not found', explain: true }}
        errorTitle="Could not load the segment"
      />
    );
  }
  const { segment } = query.data;
  return (
    <div className="stack" data-testid="segment-page">
      {back}
      <PageHeader
        title={segment.name}
        subtitle={segment.description ?? undefined}
        actions={
          canWrite && (
            <>
              <Link to={`/segments/${segment.id}/edit`} className="btn" data-testid="segment-edit">
                <Icon name="edit" /> Edit
              </Link>
              <button type="button" className="btn btn-danger-outline" onClick={() => setConfirming(true)} data-testid="segment-delete">
                <Icon name="trash" /> Delete
              </button>
            </>
          )
        }
      />
      <div className="card">
        <div className="card-body segment-summary">
          <Stat label="Customers" value={formatNumber(segment.customerCount)} testId="segment-count">
            <div className="muted small" title={segment.countedAt ? formatDateTime(segment.countedAt) : undefined}>
              {segment.countedAt ? `counted ${formatRelative(segment.countedAt)}` : 'not counted yet'}
            </div>
          </Stat>
          <div className="segment-rules">
            <div className="stat-label">{segment.match === 'all' ? 'Matching all of' : 'Matching any of'}</div>
            {segment.rules.length === 0 ? (
              <p className="muted">{segment.match === 'all' ? 'No rules: every customer.' : 'No rules: no customer.'}</p>
            ) : (
              <ul className="rule-summary-list">
                {segment.rules.map((rule) => (
                  <li key={JSON.stringify(rule)}>{ruleText(rule)}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
      <SegmentMembersCard segmentId={segment.id} />
      <SegmentChangesCard segmentId={segment.id} />
      <ConfirmDialog
        open={confirming}
        title={`Delete ${segment.name}?`}
        confirmLabel="Delete segment"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate({ id: segment.id })}
        onClose={() => setConfirming(false)}
      >
        <p>Its memberships and its changes feed are deleted too. Customers are not affected.</p>
      </ConfirmDialog>
    </div>
  );
}
