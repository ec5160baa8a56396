/**
 * A customer's attribution: its touchpoints and conversions on one timeline (newest first), each
 * conversion with the credits the chosen model gives the touchpoints in its lookback window.
 */
import { useQuery } from '@tanstack/react-query';
import { ATTRIBUTION_MODELS, type TAttributionModel, type TCustomerAttribution } from '@tenure/contract';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { QueryView } from '../../components/query-view';
import { ChoiceSelect } from '../../components/select';
import { SkeletonLine } from '../../components/skeleton';
import { formatCount, formatDateTime, formatMoney } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../styles/reports.css';
import { MODEL_LABELS } from '../attribution/model-labels';

/** Timeline items shown; older ones are summarized. */
const SHOWN = 25;

type Touch = TCustomerAttribution['touchpoints'][number];
type Conversion = TCustomerAttribution['conversions'][number];
type Item = { kind: 'touch'; at: string; touch: Touch } | { kind: 'conversion'; at: string; conversion: Conversion };

const channel = (t: { source: string | null; medium: string | null; campaign: string | null }) =>
  [t.source ?? '(no source)', t.medium, t.campaign].filter(Boolean).join(' · ');

function timeline(answer: TCustomerAttribution): Item[] {
  const items: Item[] = [
    ...answer.touchpoints.map((touch) => ({ kind: 'touch' as const, at: touch.timestamp, touch })),
    ...answer.conversions.map((conversion) => ({ kind: 'conversion' as const, at: conversion.timestamp, conversion })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

function Credits({ conversion, currency }: { conversion: Conversion; currency: string }) {
  return (
    <ul className="credit-list">
      {conversion.credits.map((c) => (
        <li key={c.touchpointEventId ?? 'direct'} className="credit-row">
          <span title={channel(c)}>{c.touchpointEventId ? channel(c) : '(direct) — no touchpoint in the lookback'}</span>
          <span className="share-track" aria-hidden="true">
            <span style={{ width: `${c.weight * 100}%` }} />
          </span>
          <span className="num-cell">{(c.weight * 100).toFixed(1)}%</span>
          <span className="num-cell">{formatMoney(c.revenue, currency)}</span>
        </li>
      ))}
    </ul>
  );
}

export function CustomerAttributionCard({ customerId, currency }: { customerId: string; currency: string }) {
  const trpc = useTRPC();
  const [model, setModel] = useState<TAttributionModel>('last_touch');
  const query = useQuery({ ...trpc.customers.attribution.queryOptions({ id: customerId, model }), placeholderData: (p) => p });
  const items = query.data ? timeline(query.data) : [];

  return (
    <div className="card" data-testid="customer-attribution">
      <div className="card-header">
        <h2>Attribution</h2>
        <ChoiceSelect
          label="Attribution model"
          value={model}
          options={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: MODEL_LABELS[m] }))}
          onChange={setModel}
          testId="customer-attribution-model"
        />
      </div>
      <div className="card-body">
        <QueryView
          query={query}
          errorTitle="Could not load the attribution"
          loading={
            <div className="stack-sm" aria-busy="true">
              <SkeletonLine width="60%" />
              <SkeletonLine width="80%" />
              <SkeletonLine width="50%" />
            </div>
          }
          isEmpty={() => items.length === 0}
          empty={
            <EmptyState icon="link" title="No touchpoints or conversions yet">
              <p>Touchpoints are events with campaign fields, a click id or a referrer; conversions are events with revenue.</p>
            </EmptyState>
          }
        >
          {(answer) => (
            <div className="stack-sm" aria-busy={query.isFetching}>
              <p className="cohort-legend">
                {formatCount(answer.touchpoints.length, 'touchpoint')}, {formatCount(answer.conversions.length, 'conversion')}; credits
                under {MODEL_LABELS[model].toLowerCase()} with a {answer.lookbackDays}-day lookback. First touch:{' '}
                {answer.firstTouch ? channel(answer.firstTouch) : '—'}.
              </p>
              <ul className="touch-timeline" data-testid="attribution-timeline">
                {items.slice(0, SHOWN).map((item) =>
                  item.kind === 'touch' ? (
                    <li key={item.touch.eventId}>
                      <strong>{channel(item.touch)}</strong>
                      <div className="touch-meta">
                        Touchpoint · {formatDateTime(item.at)}
                        {item.touch.referrer ? ` · from ${item.touch.referrer}` : ''}
                      </div>
                    </li>
                  ) : (
                    <li key={item.conversion.eventId} className="is-conversion" data-testid="attribution-conversion">
                      <strong>Conversion · {formatMoney(item.conversion.revenue, currency)}</strong>
                      <div className="touch-meta">{formatDateTime(item.at)}</div>
                      <Credits conversion={item.conversion} currency={currency} />
                    </li>
                  ),
                )}
              </ul>
              {items.length > SHOWN && <p className="muted small">…and {items.length - SHOWN} earlier touchpoints and conversions.</p>}
            </div>
          )}
        </QueryView>
      </div>
    </div>
  );
}
