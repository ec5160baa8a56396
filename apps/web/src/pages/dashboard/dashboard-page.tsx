/**
 * The landing page: how the environment's customers are doing. Headline counts, then the
 * lifecycle-stage and risk-level distributions, each linking to the customers behind it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { SkeletonCard } from '../../components/skeleton';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { ReportSection } from './report-section';
import { RiskChartCard } from './risk-chart-card';
import { StageChartCard } from './stage-chart-card';
import { StatCards, StatCardsSkeleton } from './stat-cards';

export default function DashboardPage() {
  const { workspace, environment } = useCurrent();
  return (
    <div className="stack" data-testid="dashboard">
      <PageHeader title="Dashboard" subtitle={`Customer health in the ${environment.mode} environment of ${workspace.name}`} />
      <HealthOverview />
      <ReportSection />
    </div>
  );
}

function HealthOverview() {
  const trpc = useTRPC();
  const stats = useQuery(trpc.customers.stats.queryOptions());
  // The captions and tooltips say what "active" or "churned" means with this environment's settings.
  const settings = useQuery(trpc.analytics.getSettings.queryOptions());

  if (stats.isError || settings.isError) {
    return (
      <ErrorAlert
        error={stats.error ?? settings.error}
        title="Could not load the dashboard"
        onRetry={() => {
          if (stats.isError) void stats.refetch();
          if (settings.isError) void settings.refetch();
        }}
      />
    );
  }
  if (!stats.data || !settings.data) {
    return (
      <section className="stack" aria-busy="true">
        <StatCardsSkeleton />
        <div className="grid-2">
          <SkeletonCard lines={7} />
          <SkeletonCard lines={7} />
        </div>
      </section>
    );
  }
  const { stats: s } = stats.data;
  if (s.total === 0) return <NoCustomers />;
  return (
    <section className="stack" aria-label="Customer health">
      <StatCards stats={s} settings={settings.data.settings} />
      <div className="grid-2 dashboard-charts">
        <StageChartCard stats={s} settings={settings.data.settings} />
        <RiskChartCard total={s.total} settings={settings.data.settings} />
      </div>
    </section>
  );
}

function NoCustomers() {
  const { canWrite } = useCurrent();
  return (
    <div className="card">
      <EmptyState icon="users" title="No customers yet">
        <p>
          No customers yet — {canWrite ? <Link to="/import">import some</Link> : 'import some'} or send events through the{' '}
          <a href="/api/docs" target="_blank" rel="noreferrer">
            API
          </a>{' '}
          with a key from <Link to="/api-keys">API keys</Link>. Their health, risk and lifecycle stage show up here.
        </p>
      </EmptyState>
    </div>
  );
}
