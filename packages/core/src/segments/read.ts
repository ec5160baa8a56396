/** Reading segments' members: the estimate, the members list, the changes feed, one customer's match. */
import {
  ANALYTICS_DEFAULTS,
  AppError,
  type TCustomer,
  type TRuleSetQuery,
  type TSegmentChange,
  type TSegmentEstimateInput,
} from '@tenure/contract';
import { type DB, type Kysely, segmentQueries } from '@tenure/db';
import { type AnalyticsEngine, createAnalyticsEngine } from '../analytics/engine';
import { analyticsCall } from '../analytics/failure';
import { loadAnalyticsSettings } from '../analytics/settings';
import { type CustomerListParams, listCustomers } from '../customers/read';
import { parseCustomerRef } from '../customers/refs';
import { getSegment } from './definitions';

/** Live customers matching rules now, computed from the data (not from stored members). */
export async function estimateSegment(
  db: Kysely<DB>,
  envId: string,
  input: TSegmentEstimateInput,
  engine: AnalyticsEngine = createAnalyticsEngine(db),
): Promise<{ estimatedCount: number }> {
  const query = await ruleQuery(db, envId, input);
  return { estimatedCount: await analyticsCall('segment estimate', () => engine.estimateSegment(query)) };
}

async function ruleQuery(db: Kysely<DB>, envId: string, input: TSegmentEstimateInput): Promise<TRuleSetQuery> {
  // Only `active` reads a setting: other rule sets skip the settings read (one round trip less per estimate).
  const activeDays = input.rules.some((r) => r.field === 'active')
    ? (await loadAnalyticsSettings(db, envId)).activeDays
    : ANALYTICS_DEFAULTS.activeDays;
  return { envId, match: input.match ?? 'all', rules: input.rules, now: new Date(), activeDays };
}

/**
 * Whether one customer (`cus_…` / `ext_…`) matches rules now: the evaluation a playbook's
 * `exit_unless` step makes. Deleted and unknown customers do not match.
 */
export async function customerMatchesRules(
  db: Kysely<DB>,
  envId: string,
  ref: string,
  input: TSegmentEstimateInput,
  engine: AnalyticsEngine = createAnalyticsEngine(db),
): Promise<boolean> {
  const key = parseCustomerRef(ref);
  if (!key || !('id' in key)) return false;
  const query = { ...(await ruleQuery(db, envId, input)), customerId: key.id };
  return analyticsCall('segment match', () => engine.customerMatchesSegment(query));
}

/** The segment's members, paginated, searched, filtered and sorted like `/customers`. */
export async function listSegmentCustomers(
  db: Kysely<DB>,
  envId: string,
  segmentId: string,
  params: CustomerListParams,
): Promise<{ customers: TCustomer[]; total: number; page: number; limit: number }> {
  await getSegment(db, envId, segmentId);
  return listCustomers(db, envId, { ...params, segmentId });
}

/** Opaque feed cursors: base64url of the log position. */
function encodeChangeCursor(position: string): string {
  return Buffer.from(`sc:${position}`).toString('base64url');
}

function decodeChangeCursor(cursor: string): string {
  const match = /^sc:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const position = match?.[1];
  if (!position || BigInt(position) > 9_223_372_036_854_775_807n) {
    throw new AppError('BAD_REQUEST', 'Invalid cursor', { issues: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  return position;
}

/**
 * The segment's changes after the cursor, in log order. `nextCursor` is never null: with no
 * newer change it is the position given, so a client keeps it and asks again later.
 */
export async function listSegmentChanges(
  db: Kysely<DB>,
  envId: string,
  segmentId: string,
  params: { cursor?: string; limit: number },
): Promise<{ changes: TSegmentChange[]; nextCursor: string }> {
  const after = params.cursor ? decodeChangeCursor(params.cursor) : '0';
  await getSegment(db, envId, segmentId);
  const rows = await segmentQueries.listSegmentChangeRows(db, envId, segmentId, after, params.limit);
  const last = rows.at(-1)?.id ?? after;
  return {
    changes: rows.map((r) => ({ customerId: r.customerId, externalId: r.externalId, change: r.change, at: r.at.toISOString() })),
    nextCursor: encodeChangeCursor(last),
  };
}
