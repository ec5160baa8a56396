/** Profile fields and acquisition of one customer. */
import type { TCustomer } from '@tenure/contract';
import { CopyButton } from '../../components/copy-button';
import { KeyValueList } from '../../components/key-value-list';
import { formatDateTime, formatNumber } from '../../lib/format';

/** Values are null when absent, so the list shows its dash. */
function mono(value: string | null) {
  return value ? <span className="mono">{value}</span> : null;
}

function link(href: string | null) {
  return href ? <ExternalLink href={href} /> : null;
}

function ExternalLink({ href }: { href: string }) {
  const safe = /^https?:\/\//i.test(href);
  return safe ? (
    <a href={href} target="_blank" rel="noreferrer noopener" className="break">
      {href}
    </a>
  ) : (
    <span className="break">{href}</span>
  );
}

export function CustomerProfileCard({ customer: c }: { customer: TCustomer }) {
  return (
    <div className="card">
      <div className="card-header">
        <h2>Profile</h2>
        <CopyButton text={c.id} label="Copy id" />
      </div>
      <div className="card-body">
        <KeyValueList
          items={[
            { label: 'Tenure id', value: mono(c.id) },
            { label: 'External id', value: mono(c.externalId) },
            { label: 'Email', value: c.email && <a href={`mailto:${c.email}`}>{c.email}</a> },
            { label: 'Name', value: c.name },
            { label: 'Company', value: c.company },
            { label: 'Role', value: c.role },
            { label: 'Team size', value: c.teamSize === null ? null : formatNumber(c.teamSize) },
            { label: 'Locale', value: c.locale },
            { label: 'Plan', value: c.plan },
            { label: 'Click id', value: mono(c.clickId) },
            { label: 'Created', value: formatDateTime(c.createdAt) },
            { label: 'Updated', value: formatDateTime(c.updatedAt) },
          ]}
        />
      </div>
    </div>
  );
}

export function CustomerAcquisitionCard({ customer: c }: { customer: TCustomer }) {
  const a = c.acquisition;
  return (
    <div className="card">
      <div className="card-header">
        <h2>Acquisition</h2>
      </div>
      <div className="card-body">
        <KeyValueList
          items={[
            { label: 'Source', value: a.source },
            { label: 'Medium', value: a.medium },
            { label: 'Campaign', value: a.campaign },
            { label: 'Click id', value: mono(a.clickId) },
            { label: 'Referrer', value: link(a.referrer) },
            { label: 'Landing URL', value: link(a.landingUrl) },
            { label: 'First seen', value: formatDateTime(a.firstSeenAt) },
          ]}
        />
      </div>
    </div>
  );
}
