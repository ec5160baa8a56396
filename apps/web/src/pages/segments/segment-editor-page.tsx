/**
 * Create or edit a segment: name, description and the rule builder with its live estimate; the
 * form is checked with the contract's schema before it is sent (the server checks it again).
 */
import { type SegmentMatch, type TSegment, ZSegmentCreateInput } from '@tenure/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { BackLink, DetailFallback } from '../../components/detail-fallback';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { TextField } from '../../components/form';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { SkeletonCard } from '../../components/skeleton';
import { Spinner } from '../../components/spinner';
import { formatNumber } from '../../lib/format';
import { useCan } from '../../lib/use-role';
import { useTRPC } from '../../lib/trpc';
import { checkDrafts, draftOf, newDraft, type RuleDraft } from './rule-model';
import { RuleBuilder } from './rule-builder';
import { useSegmentEstimate } from './use-segment-estimate';
import '../../styles/segments.css';

export default function SegmentEditorPage() {
  const { id } = useParams();
  const trpc = useTRPC();
  const existing = useQuery({ ...trpc.segments.get.queryOptions({ id: id ?? '' }), enabled: Boolean(id) });
  const canWrite = useCan('segments:write');
  const back = <BackLink to={id ? `/segments/${id}` : '/segments'}>{id ? 'Segment' : 'Segments'}</BackLink>;
  if (!canWrite) {
    return (
      <div className="stack">
        {back}
        <EmptyState icon="shield" title="Your role can view segments but not change them" />
      </div>
    );
  }
  if (id && !existing.isSuccess) {
    return (
      <DetailFallback
        back={back}
        query={existing}
        loading={<SkeletonCard lines={8} />}
        notFound={{ icon: 'filter', title: 'Segment not found' }}
        errorTitle="Could not load the segment"
      />
    );
  }
  return (
    <div className="stack">
      {back}
      <SegmentForm segment={existing.data?.segment} />
    </div>
  );
}

function SegmentForm({ segment }: { segment?: TSegment }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [match, setMatch] = useState<SegmentMatch>(segment?.match ?? 'all');
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => (segment ? segment.rules.map(draftOf) : [newDraft()]));
  const [nameError, setNameError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  // A row shows its problems once edited (or after a save attempt), not while still blank.
  const [touched, setTouched] = useState<ReadonlySet<number>>(() => new Set(segment ? drafts.map((d) => d.id) : []));
  const changeDrafts = (next: RuleDraft[]) => {
    const edited = next.filter((d) => drafts.some((old) => old.id === d.id && old !== d)).map((d) => d.id);
    if (edited.length) setTouched((t) => new Set([...t, ...edited]));
    setDrafts(next);
  };

  const check = useMemo(() => checkDrafts(drafts), [drafts]);
  const shown = useMemo(
    () => new Map([...check.problems].filter(([i]) => submitted || i < 0 || touched.has(drafts[i]?.id ?? -1))),
    [check.problems, submitted, touched, drafts],
  );
  const estimate = useSegmentEstimate(match, check.rules, check.valid);

  const onSaved = (saved: TSegment) => {
    void queryClient.invalidateQueries(trpc.segments.pathFilter());
    void queryClient.invalidateQueries(trpc.customers.pathFilter());
    navigate(`/segments/${saved.id}`);
  };
  const create = useMutation({ ...trpc.segments.create.mutationOptions(), onSuccess: (r) => onSaved(r.segment) });
  const update = useMutation({ ...trpc.segments.update.mutationOptions(), onSuccess: (r) => onSaved(r.segment) });
  const saving = create.isPending || update.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const input = { name: name.trim(), description: description.trim() || null, match, rules: check.rules };
    const parsed = ZSegmentCreateInput.safeParse(input);
    if (!parsed.success) {
      setNameError(parsed.error.issues.find((i) => i.path[0] === 'name')?.message ?? null);
      return;
    }
    setNameError(null);
    if (segment) update.mutate({ id: segment.id, ...parsed.data });
    else create.mutate(parsed.data);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate data-testid="segment-form">
      <PageHeader
        title={segment ? `Edit ${segment.name}` : 'New segment'}
        subtitle="Customers who match the rules join the segment within a minute of any change; time-driven changes within the hour."
      />
      <div className="card">
        <div className="card-body form-grid segment-meta">
          <TextField
            label="Name"
            value={name}
            maxLength={100}
            placeholder="Enterprise at risk"
            onChange={(e) => setName(e.target.value)}
            error={nameError}
            testId="segment-name"
          />
          <TextField
            label="Description (optional)"
            value={description}
            maxLength={1000}
            placeholder="What the segment is for"
            onChange={(e) => setDescription(e.target.value)}
            testId="segment-description"
          />
        </div>
      </div>
      <div className="card">
        <div className="card-header">
          <h2>Rules</h2>
          <EstimateBadge estimate={estimate} valid={check.valid} />
        </div>
        <div className="card-body">
          <RuleBuilder match={match} drafts={drafts} problems={shown} onMatchChange={setMatch} onDraftsChange={changeDrafts} />
        </div>
      </div>
      {(create.error || update.error) && <ErrorAlert error={create.error ?? update.error} title="Could not save the segment" />}
      <div className="row gap-sm">
        <button type="submit" className="btn btn-primary" disabled={saving || !check.valid} data-testid="segment-save">
          {saving ? <Spinner /> : <Icon name="check" />} {segment ? 'Save changes' : 'Create segment'}
        </button>
        <Link to={segment ? `/segments/${segment.id}` : '/segments'} className="btn btn-ghost">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function EstimateBadge({ estimate, valid }: { estimate: ReturnType<typeof useSegmentEstimate>; valid: boolean }) {
  if (!valid) return <span className="estimate muted">Complete the rules to see who matches</span>;
  if (estimate.isError) return <span className="estimate text-red">Estimate failed: {estimate.error.message}</span>;
  const count = estimate.data?.estimatedCount;
  return (
    <span className={`estimate${estimate.settling ? ' is-settling' : ''}`} data-testid="segment-estimate" aria-live="polite">
      {count === undefined ? (
        <Spinner />
      ) : (
        <>
          <strong>{formatNumber(count)}</strong> {count === 1 ? 'customer matches' : 'customers match'} now
        </>
      )}
    </span>
  );
}
