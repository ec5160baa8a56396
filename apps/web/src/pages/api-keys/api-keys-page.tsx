/** API keys of the current environment: list, create (shown once), revoke; the environment's rate limits. Owners and admins only. */
import type { TApiKey } from '@tenure/contract';
import { useQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Alert } from '../../components/alert';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { errorCode } from '../../lib/errors';
import { humanize } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { apiKeyColumns } from './api-key-columns';
import { CreateKeyDialog } from './create-key-dialog';
import { EnvironmentLimitsCard } from './environment-limits-card';
import { KeyCreatedDialog } from './key-created-dialog';
import { RevokeKeyDialog } from './revoke-key-dialog';

export default function ApiKeysPage() {
  const trpc = useTRPC();
  const { canManageKeys, environment, workspace } = useCurrent();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<TApiKey | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);

  const list = useQuery({ ...trpc.apiKeys.list.queryOptions(), enabled: canManageKeys });
  // The server's key defaults, for the create form's placeholders (the limits card reads the same query).
  const limits = useQuery({ ...trpc.apiKeys.environmentLimits.queryOptions(), enabled: canManageKeys });
  const keys = useMemo(() => {
    const all = list.data?.apiKeys ?? [];
    return showRevoked ? all : all.filter((k) => !k.revokedAt);
  }, [list.data, showRevoked]);
  const revokedCount = (list.data?.apiKeys ?? []).filter((k) => k.revokedAt).length;
  const forbidden = !canManageKeys || errorCode(list.error) === 'FORBIDDEN';

  const columns = useMemo(() => apiKeyColumns(forbidden ? null : setRevoking), [forbidden]);
  const table = useReactTable({ data: keys, columns, getRowId: (k) => k.id, getCoreRowModel: getCoreRowModel() });

  return (
    <div className="stack">
      <PageHeader
        title="API keys"
        subtitle={`Keys for the ${environment.mode} environment of ${workspace.name}. Keys start with ${environment.mode === 'live' ? 'sk_live_ / pk_live_' : 'sk_test_ / pk_test_'}.`}
        actions={
          !forbidden && (
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="api-keys-create">
              <Icon name="plus" /> Create key
            </button>
          )
        }
      />
      {forbidden ? (
        <Alert tone="info" title="Only owners and admins manage API keys">
          Your role in {workspace.name} is <strong>{humanize(workspace.role)}</strong>, so keys are hidden here. Ask an owner or admin to
          create a key for you.
          {list.error ? <span className="muted"> Server: {list.error.message}</span> : null}
        </Alert>
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load API keys" onRetry={() => list.refetch()} />
      ) : (
        <div className="card">
          {revokedCount > 0 && (
            <div className="toolbar toolbar-end">
              <label className="checkbox">
                <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} /> Show {revokedCount}{' '}
                revoked
              </label>
            </div>
          )}
          <DataTable
            table={table}
            loading={list.isPending}
            skeletonRows={3}
            testId="api-keys-table"
            rowTestId="api-keys-row"
            empty={
              <EmptyState icon="key" title={revokedCount > 0 ? 'No active API keys' : 'No API keys yet'}>
                <p>Create a secret key for your servers, or a publishable key for browsers and apps.</p>
              </EmptyState>
            }
          />
        </div>
      )}
      {!forbidden && <EnvironmentLimitsCard />}
      <CreateKeyDialog
        open={creating}
        mode={environment.mode}
        keyDefaults={limits.data?.defaults?.key ?? null}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setCreated({ key: result.key, name: result.apiKey.name });
        }}
      />
      <KeyCreatedDialog secret={created?.key ?? null} name={created?.name ?? ''} onClose={() => setCreated(null)} />
      <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}
