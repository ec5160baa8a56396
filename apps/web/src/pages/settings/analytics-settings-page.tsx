/** The environment's analytics settings: everyone reads them, owners and admins change them. */
import { useQuery } from '@tanstack/react-query';
import { Alert } from '../../components/alert';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/query-view';
import { SkeletonCard } from '../../components/skeleton';
import { humanize } from '../../lib/format';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { useCan } from '../../lib/use-role';
import { AnalyticsSettingsForm } from './analytics-settings-form';

export default function AnalyticsSettingsPage() {
  const trpc = useTRPC();
  const { workspace, environment } = useCurrent();
  const canEdit = useCan('settings:write');
  const query = useQuery(trpc.analytics.getSettings.queryOptions());

  return (
    <div className="stack settings-page" data-testid="analytics-settings">
      <PageHeader
        title="Analytics settings"
        subtitle={`How health, risk and lifecycle stages are computed in the ${environment.mode} environment. Changing a setting the scores depend on recomputes every customer.`}
      />
      {!canEdit && (
        <Alert tone="info" title="Read only">
          Only owners and admins change analytics settings. Your role in {workspace.name} is <strong>{humanize(workspace.role)}</strong>.
        </Alert>
      )}
      <QueryView query={query} errorTitle="Could not load the analytics settings" loading={<SkeletonCard lines={12} />}>
        {({ settings }) => (
          <div className="card">
            <div className="card-body">
              {/* Keyed by environment: switching environments starts from that environment's settings. */}
              <AnalyticsSettingsForm key={environment.id} saved={settings} canEdit={canEdit} />
            </div>
          </div>
        )}
      </QueryView>
    </div>
  );
}
