/**
 * `/customers/{id}/attribution` and `/attribution`: the engine's unrounded figures turned into
 * ANALYTICS.md's answers (weights to 6 places, conversions to 4, money to 2, half away from zero,
 * each rounded once at output; rows by revenue, then key), served through the snapshot cache.
 */
import {
  AppError,
  type TAttributionAnswer,
  type TAttributionFigure,
  type TAttributionGroupBy,
  type TAttributionModel,
  type TCustomerAttribution,
  type TCustomerAttributionFigures,
  type TTouchpointRow,
  DIRECT_SOURCE,
} from '@tenure/contract';
import { customerReadQueries, type DB, type Kysely } from '@tenure/db';
import { parseCustomerRef } from '../customers/refs';
import { loadEnvironment } from '../settings';
import type { ServeOptions } from './cohorts';
import { byName } from './cohorts';
import { createAnalyticsEngine } from './engine';
import { analyticsCall } from './failure';
import { roundDecimal } from './decimal';
import { type Snapshot, serveSnapshot } from './serving';

const DAY_MS = 86_400_000;

export interface CustomerAttributionParams {
  model: TAttributionModel;
  lookbackDays: number;
}

export interface AttributionParams extends CustomerAttributionParams {
  groupBy: TAttributionGroupBy;
  /** Conversions in [start, end); null → the last 30 days (as of the answer's now). */
  start: Date | null;
  end: Date | null;
}

const money = (minor: string) => roundDecimal(minor, 2, -2);

function touchpoint(t: TTouchpointRow): TCustomerAttribution['touchpoints'][number] {
  return { ...t, timestamp: t.timestamp.toISOString() };
}

/** ANALYTICS.md's customer attribution from the engine's figures (pure). */
export function customerAttributionAnswer(
  customerId: string,
  params: CustomerAttributionParams,
  figures: TCustomerAttributionFigures,
  asOf: Date,
): TCustomerAttribution {
  const touchpoints = figures.touchpoints.map(touchpoint);
  return {
    customerId,
    model: params.model,
    lookbackDays: params.lookbackDays,
    firstTouch: touchpoints[0] ?? null,
    lastTouch: touchpoints.at(-1) ?? null,
    touchpoints,
    conversions: figures.conversions.map((c) => ({
      eventId: c.eventId,
      timestamp: c.timestamp.toISOString(),
      revenue: money(String(c.revenueMinor)),
      credits: c.credits.map((credit) => ({
        touchpointEventId: credit.touchpointEventId,
        source: credit.touchpointEventId === null ? DIRECT_SOURCE : credit.source,
        medium: credit.medium,
        campaign: credit.campaign,
        weight: roundDecimal(credit.weight, 6),
        revenue: money(credit.revenueMinor),
      })),
    })),
    asOf: asOf.toISOString(),
  };
}

/** Rows by rounded revenue descending, then key (lower-cased code points, then as is). */
export function attributionRows(figures: TAttributionFigure[]): TAttributionAnswer['rows'] {
  return figures
    .map((f) => ({ key: f.key, conversions: roundDecimal(f.conversions, 4), revenue: money(f.revenueMinor) }))
    .sort((a, b) => b.revenue - a.revenue || byName(a.key, b.key));
}

/**
 * The conversions' window of `/attribution`: the last 30 days `(now − 30 d, now]` by default (the
 * convention for "the last N days"); given bounds make `[start, end)`, a missing end being now and
 * a missing start 30 days before the end.
 */
export function attributionWindow(params: Pick<AttributionParams, 'start' | 'end'>, now: Date) {
  if (!params.start && !params.end) return { start: new Date(now.getTime() - 30 * DAY_MS), end: now, includeEnd: true };
  const end = params.end ?? now;
  return { start: params.start ?? new Date(end.getTime() - 30 * DAY_MS), end, includeEnd: false };
}

/** A live customer's id from `cus_…` or `ext_…`; 404 otherwise (deleted, unknown, another environment). */
async function liveCustomerId(db: Kysely<DB>, envId: string, ref: string): Promise<string> {
  const key = parseCustomerRef(ref);
  let id: string | undefined;
  if (key && 'id' in key) id = (await customerReadQueries.findLiveIds(db, envId, [key.id])).has(key.id) ? key.id : undefined;
  else if (key) id = (await customerReadQueries.findIdsByExternalId(db, envId, [key.externalId])).get(key.externalId);
  if (!id) throw new AppError('NOT_FOUND', `Customer ${ref} not found`);
  return id;
}

/** `/customers/{id}/attribution`, from a snapshot unless `fresh`. */
export async function getCustomerAttribution(
  db: Kysely<DB>,
  envId: string,
  ref: string,
  params: CustomerAttributionParams,
  opts: ServeOptions = {},
): Promise<Snapshot<TCustomerAttribution>> {
  const engine = opts.engine ?? createAnalyticsEngine(db);
  const customerId = await liveCustomerId(db, envId, ref);
  return serveSnapshot(db, envId, 'customer-attribution', { customerId, ...params }, { fresh: opts.fresh ?? false }, async (now) => {
    const figures = await analyticsCall('customer attribution', () => engine.customerAttribution({ envId, customerId, ...params }));
    return customerAttributionAnswer(customerId, params, figures, now);
  });
}

/** `/attribution`, from a snapshot unless `fresh`. */
export async function getAttribution(
  db: Kysely<DB>,
  envId: string,
  params: AttributionParams,
  opts: ServeOptions = {},
): Promise<Snapshot<TAttributionAnswer>> {
  const engine = opts.engine ?? createAnalyticsEngine(db);
  return serveSnapshot(db, envId, 'attribution', { ...params }, { fresh: opts.fresh ?? false }, async (now) => {
    const window = attributionWindow(params, now);
    const [env, figures] = await Promise.all([
      loadEnvironment(db, envId),
      analyticsCall('attribution', () =>
        engine.attribution({ envId, model: params.model, lookbackDays: params.lookbackDays, groupBy: params.groupBy, ...window }),
      ),
    ]);
    return {
      model: params.model,
      groupBy: params.groupBy,
      lookbackDays: params.lookbackDays,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
      currency: env.currency,
      rows: attributionRows(figures),
      asOf: now.toISOString(),
    };
  });
}
