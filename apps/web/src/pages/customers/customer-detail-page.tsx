/** One customer: profile, acquisition, scores, attributes and journey; edit and delete. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { LifecycleBadge } from '../../components/customer-badges';
import { BackLink, DetailFallback } from '../../components/detail-fallback';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { SkeletonCard } from '../../components/skeleton';
import { useCurrent } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { CustomerAttributesCard } from './customer-attributes-card';
import { CustomerAttributionCard } from './customer-attribution-card';
import { CustomerDeleteDialog } from './customer-delete-dialog';
import { CustomerEditDialog } from './customer-edit-dialog';
import { CustomerJourney } from './customer-journey';
import { CustomerAcquisitionCard, CustomerProfileCard } from './customer-profile-card';
import { CustomerScoresCard } from './customer-scores-card';

export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const { currency, canWrite } = useCurrent();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const query = useQuery(trpc.customers.get.queryOptions({ id }));

  const back = <BackLink to="/customers">Customers</BackLink>;

  if (!query.isSuccess) {
    return (
      <DetailFallback
        back={back}
        query={query}
        loading={
          <>
            <SkeletonCard lines={2} />
            <div className="grid-2">
              <SkeletonCard lines={10} />
              <SkeletonCard lines={10} />
            </div>
          </>
        }
        notFound={{ icon: 'users', title: 'Customer not found', explain: true }}
        errorTitle="Could not load the customer"
      />
    );
  }

  const { customer } = query.data;
  const title = customer.name ?? customer.email ?? customer.externalId ?? customer.id;

  return (
    <div className="stack" data-testid="customer-detail">
      {back}
      <PageHeader
        title={
          <span className="title-with-badge">
            {title} <LifecycleBadge stage={customer.lifecycleStage} />
          </span>
        }
        subtitle={[customer.email !== title ? customer.email : null, customer.company].filter(Boolean).join(' · ') || undefined}
        actions={
          canWrite && (
            <>
              <button type="button" className="btn" onClick={() => setDialog('edit')} data-testid="customer-edit">
                <Icon name="edit" /> Edit
              </button>
              <button type="button" className="btn btn-danger-outline" onClick={() => setDialog('delete')} data-testid="customer-delete">
                <Icon name="trash" /> Delete
              </button>
            </>
          )
        }
      />
      <div className="grid-2">
        <div className="stack">
          <CustomerScoresCard customer={customer} currency={currency} />
          <CustomerAttributesCard attributes={customer.attributes} />
        </div>
        <div className="stack">
          <CustomerProfileCard customer={customer} />
          <CustomerAcquisitionCard customer={customer} />
        </div>
      </div>
      <CustomerAttributionCard customerId={customer.id} currency={currency} />
      <CustomerJourney customerId={customer.id} currency={currency} />
      <CustomerEditDialog customer={customer} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <CustomerDeleteDialog customer={customer} open={dialog === 'delete'} onClose={() => setDialog(null)} />
    </div>
  );
}
