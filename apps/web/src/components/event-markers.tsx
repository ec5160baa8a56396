/** Badges that make touchpoints and revenue (conversions, refunds) stand out in event lists. */
import { type EventContextShape, isTouchpoint, touchpointLabel } from '../lib/events';
import { formatMoney } from '../lib/format';
import { Icon } from './icons';

export function TouchpointBadge({ context }: { context: EventContextShape | null | undefined }) {
  if (!isTouchpoint(context)) return null;
  const label = touchpointLabel(context);
  return (
    <span className="marker marker-touchpoint" title={`Touchpoint${label ? `: ${label}` : ''}`}>
      <Icon name="target" size={12} />
      {label || 'Touchpoint'}
    </span>
  );
}

export function RevenueBadge({ revenue, currency }: { revenue: number | null | undefined; currency: string }) {
  if (revenue === null || revenue === undefined) return null;
  const refund = revenue < 0;
  return (
    <span className={`marker ${refund ? 'marker-refund' : 'marker-revenue'}`} title={refund ? 'Refund' : 'Revenue'}>
      <Icon name={refund ? 'refund' : 'dollar'} size={12} />
      {refund ? '' : '+'}
      {formatMoney(revenue, currency)}
    </span>
  );
}
