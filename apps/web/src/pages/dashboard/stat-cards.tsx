/** The four headline numbers of the dashboard, each a link to the customers it counts. */
import type { TAnalyticsSettings, TCustomerStats } from '@tenure/contract';
import { Link } from 'react-router-dom';
import { SkeletonLine } from '../../components/skeleton';
import { formatNumber, formatShare } from '../../lib/format';
import { customersHref } from '../customers/use-customer-list-params';

interface StatCard {
  key: string;
  label: string;
  value: number;
  caption: string;
  href: string;
  tone?: 'green' | 'amber' | 'red';
}

function cards(stats: TCustomerStats, s: TAnalyticsSettings): StatCard[] {
  const share = (n: number) => `${formatShare(n, stats.total)} of all customers`;
  return [
    {
      key: 'total',
      label: 'Customers',
      value: stats.total,
      caption: `${formatNumber(stats.stages.new)} new in the last ${s.newDays} days`,
      href: customersHref(),
    },
    {
      key: 'active',
      label: 'Active',
      value: stats.active,
      caption: `${share(stats.active)} · an event in the last ${s.activeDays} days`,
      href: customersHref({ active: 'true' }),
      tone: 'green',
    },
    {
      key: 'at-risk',
      label: 'At risk',
      value: stats.atRisk,
      caption: `${share(stats.atRisk)} · health below ${s.mediumRiskMin}`,
      href: customersHref({ lifecycleStage: 'at_risk' }),
      tone: 'amber',
    },
    {
      key: 'churned',
      label: 'Churned',
      value: stats.churned,
      caption: `${share(stats.churned)} · no event in ${s.churnDays} days`,
      href: customersHref({ lifecycleStage: 'churned' }),
      tone: 'red',
    },
  ];
}

export function StatCards({ stats, settings }: { stats: TCustomerStats; settings: TAnalyticsSettings }) {
  return (
    <div className="stat-cards">
      {cards(stats, settings).map((card) => (
        <Link
          key={card.key}
          to={card.href}
          className={`card stat-card${card.tone ? ` stat-card-${card.tone}` : ''}`}
          data-testid={`stat-${card.key}`}
        >
          <span className="stat-card-label">{card.label}</span>
          <span className="stat-card-value" data-testid={`stat-${card.key}-value`}>
            {formatNumber(card.value)}
          </span>
          <span className="stat-card-caption">{card.caption}</span>
        </Link>
      ))}
    </div>
  );
}

export function StatCardsSkeleton() {
  return (
    <div className="stat-cards" aria-busy="true">
      {['total', 'active', 'at-risk', 'churned'].map((key) => (
        <div key={key} className="card stat-card">
          <SkeletonLine width="40%" />
          <SkeletonLine width="55%" />
          <SkeletonLine width="80%" />
        </div>
      ))}
    </div>
  );
}
