/**
 * The environment's rate-limit ceilings (REST.md "Rate limits"), beside its keys: every key of the
 * environment together stays under them, while each key also has its own limit. Owners and admins
 * see the stored values and the server's defaults, and change them in a dialog.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '../../components/icons';
import { KeyValueList } from '../../components/key-value-list';
import { QueryView } from '../../components/query-view';
import { SkeletonLine } from '../../components/skeleton';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { EnvironmentLimitsDialog } from './environment-limits-dialog';

export function EnvironmentLimitsCard() {
  const trpc = useTRPC();
  const limits = useQuery(trpc.apiKeys.environmentLimits.queryOptions());
  const [editing, setEditing] = useState(false);

  return (
    <div className="card" data-testid="environment-limits">
      <div className="card-header">
        <h2>
          <Icon name="sliders" /> Environment rate limits
        </h2>
        <button
          type="button"
          className="btn"
          onClick={() => setEditing(true)}
          disabled={!limits.data}
          data-testid="environment-limits-edit"
        >
          <Icon name="edit" /> Edit limits
        </button>
      </div>
      <div className="card-body stack-sm">
        <p className="muted small">
          Requests per second that all keys of this environment share, on top of each key's own limit. Bursts of twice the rate are allowed;
          over it, requests get 429 with <code>Retry-After</code>.
        </p>
        <QueryView query={limits} errorTitle="Could not load the rate limits" loading={<SkeletonLine width="40%" />}>
          {(data) => (
            <KeyValueList
              items={[
                { label: 'Reads and writes', value: ceiling(data.rateLimit, data.defaults?.environment.rateLimit) },
                { label: 'Ingestion', value: ceiling(data.ingestRateLimit, data.defaults?.environment.ingestRateLimit) },
              ]}
            />
          )}
        </QueryView>
      </div>
      {limits.data && <EnvironmentLimitsDialog open={editing} current={limits.data} onClose={() => setEditing(false)} />}
    </div>
  );
}

function ceiling(value: number | null, fallback: number | undefined) {
  if (value !== null) return <span data-testid="environment-limit-value">{formatNumber(value)} / s</span>;
  return <span className="muted">Default{fallback === undefined ? '' : ` (${formatNumber(fallback)} / s)`}</span>;
}
