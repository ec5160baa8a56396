/**
 * ANALYTICS.md's attribution written a second time, plainly, in JavaScript over the test's own
 * events: the touchpoint rule (with its own referrer parsing), the five models' weights, the
 * lookback window, the per-customer answer and the grouped sums. Never the code under test.
 */
import { DAY, roundHalfAway } from './reference';

export type Model = 'first_touch' | 'last_touch' | 'linear' | 'time_decay' | 'position_based';
export const MODELS: Model[] = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'];

export interface RefContext {
  campaign?: { source?: string; medium?: string; name?: string; term?: string; content?: string };
  clickId?: string;
  referrer?: string;
  url?: string;
}

export interface RefAttrEvent {
  id: string;
  customer: string;
  /** Effective time (ms). */
  at: number;
  timestamp: string;
  revenue?: number;
  context?: RefContext;
}

/** Host of a referrer by plain string surgery: scheme, path, port and `www.` cut off, lower-cased. */
export function refHost(referrer: string): string {
  const rest = referrer.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = rest.split(/[/?#]/)[0]?.replace(/:\d+$/, '') ?? '';
  return host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

export function refTouch(
  context: RefContext | undefined,
): { source: string | null; medium: string | null; campaign: string | null } | null {
  const c = context?.campaign ?? {};
  const hasCampaign = Boolean(c.source || c.medium || c.name || c.term || c.content);
  if (!hasCampaign && !context?.clickId && !context?.referrer) return null;
  const source = c.source || (context?.referrer ? refHost(context.referrer) : null) || (context?.clickId ? '(click)' : null);
  const medium = c.medium || (context?.referrer ? 'referral' : null);
  return { source, medium, campaign: c.name || null };
}

/** Weights of touchpoints 1…n in time order; `days[i]` the fractional days from touchpoint i to the conversion. */
export function refWeights(model: Model, days: number[]): number[] {
  const n = days.length;
  switch (model) {
    case 'first_touch':
      return days.map((_, i) => (i === 0 ? 1 : 0));
    case 'last_touch':
      return days.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'linear':
      return days.map(() => 1 / n);
    case 'time_decay': {
      const raw = days.map((d) => 2 ** (-d / 7));
      const total = raw.reduce((a, b) => a + b, 0);
      return raw.map((r) => r / total);
    }
    case 'position_based':
      if (n === 1) return [1];
      if (n === 2) return [0.5, 0.5];
      return days.map((_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
  }
}

const order = (a: RefAttrEvent, b: RefAttrEvent) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface RefCredit {
  touchpointEventId: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  weight: number;
  /** Unrounded credited revenue (currency units). */
  revenue: number;
}

/** Every conversion of the events with its unrounded credits. */
export function refCredits(events: RefAttrEvent[], model: Model, lookbackDays: number) {
  const sorted = [...events].sort(order);
  return sorted
    .filter((e) => (e.revenue ?? 0) > 0)
    .map((conv) => {
      const touches = sorted.filter(
        (t) => t.customer === conv.customer && refTouch(t.context) && t.at >= conv.at - lookbackDays * DAY && t.at <= conv.at,
      );
      const weights = refWeights(
        model,
        touches.map((t) => (conv.at - t.at) / DAY),
      );
      const credits: RefCredit[] = touches.length
        ? touches.map((t, i) => {
            const touch = refTouch(t.context);
            return {
              touchpointEventId: t.id,
              source: touch?.source ?? null,
              medium: touch?.medium ?? null,
              campaign: touch?.campaign ?? null,
              weight: weights[i] as number,
              revenue: (weights[i] as number) * (conv.revenue as number),
            };
          })
        : [{ touchpointEventId: null, source: '(direct)', medium: null, campaign: null, weight: 1, revenue: conv.revenue as number }];
      return { conv, credits };
    });
}

/** The `/customers/{id}/attribution` answer of one customer's events (without asOf). */
export function refCustomerAttribution(customerId: string, events: RefAttrEvent[], model: Model, lookbackDays: number) {
  const touchpoints = [...events]
    .sort(order)
    .filter((e) => refTouch(e.context))
    .map((e) => ({
      eventId: e.id,
      timestamp: e.timestamp,
      ...(refTouch(e.context) as object),
      clickId: e.context?.clickId ?? null,
      referrer: e.context?.referrer ?? null,
      url: e.context?.url ?? null,
    }));
  return {
    customerId,
    model,
    lookbackDays,
    firstTouch: touchpoints[0] ?? null,
    lastTouch: touchpoints.at(-1) ?? null,
    touchpoints,
    conversions: refCredits(events, model, lookbackDays).map(({ conv, credits }) => ({
      eventId: conv.id,
      timestamp: conv.timestamp,
      revenue: conv.revenue,
      credits: credits.map((c) => ({ ...c, weight: roundHalfAway(c.weight, 6), revenue: roundHalfAway(c.revenue, 2) })),
    })),
  };
}

/** `/attribution` rows for conversions with effective time in the window. */
export function refAttributionRows(
  events: RefAttrEvent[],
  model: Model,
  lookbackDays: number,
  groupBy: 'source' | 'campaign' | 'medium',
  inWindow: (at: number) => boolean,
) {
  const sums = new Map<string, { conversions: number; revenue: number }>();
  for (const { conv, credits } of refCredits(events, model, lookbackDays)) {
    if (!inWindow(conv.at)) continue;
    for (const c of credits) {
      if (c.weight === 0) continue;
      const key = c.touchpointEventId === null ? '(direct)' : (c[groupBy] ?? '(none)');
      const s = sums.get(key) ?? { conversions: 0, revenue: 0 };
      s.conversions += c.weight;
      s.revenue += c.revenue;
      sums.set(key, s);
    }
  }
  // Code point order (REST.md), obtained another way: UTF-8 bytes compare in code point order.
  const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  const byKey = (a: string, b: string) => utf8(a.toLowerCase(), b.toLowerCase()) || utf8(a, b);
  return [...sums]
    .map(([key, s]) => ({ key, conversions: roundHalfAway(s.conversions, 4), revenue: roundHalfAway(s.revenue, 2) }))
    .sort((a, b) => b.revenue - a.revenue || byKey(a.key, b.key));
}
