/**
 * Event ingestion for one request, set-based for the whole batch: validate each item, resolve
 * customers (creating unknown external ids, counting suppressed ones), then in one transaction
 * store each messageId once ever, insert, and fold the new events into customer aggregates.
 */
import { newId, type TEventContext, type TEventInput } from '@tenure/contract';
import {
  customerAggregateQueries,
  customerReadQueries,
  customerWriteQueries,
  type DB,
  eventQueries,
  type Kysely,
  suppressionQueries,
} from '@tenure/db';
import type { Scope } from '../actor';
import { emptyCustomer, toWritableRow } from '../customers/apply-patch';
import { toMinor } from '../money';
import { notifyScoresStale } from '../analytics/freshness';
import { loadEnvironment } from '../settings';
import { touchOf } from './touchpoint';
import { type EventItemError, type ValidEvent, validateEvent } from './validate';

export interface IngestResult {
  index: number;
  id: string | null;
  duplicate: boolean;
  suppressed: boolean;
}

export interface IngestOutcome {
  results: IngestResult[];
  errors: EventItemError[];
}

/**
 * Customer ids for every external id; suppressed ids are left out. Unknown ones are created by one
 * INSERT that commits on its own, before the events' transaction: two concurrent batches that both
 * mention a new customer then never wait on each other's open transaction. Should the events'
 * transaction fail afterwards, the customer stays, as if identified, and a retry completes it.
 */
async function resolveExternalIds(db: Kysely<DB>, envId: string, externalIds: string[], now: Date) {
  const suppressed = await suppressionQueries.findSuppressed(db, envId, externalIds);
  const wanted = externalIds.filter((e) => !suppressed.has(e));
  const ids = await customerReadQueries.findIdsByExternalId(db, envId, wanted);
  const missing = wanted.filter((e) => !ids.has(e));
  if (missing.length) {
    await customerWriteQueries.insertCustomerRows(
      db,
      envId,
      missing.map((e) => toWritableRow(emptyCustomer(envId, now, e))),
      now,
    );
    for (const [e, id] of await customerReadQueries.findIdsByExternalId(db, envId, missing)) ids.set(e, id);
  }
  return { ids, suppressed };
}

function eventRow(envId: string, customerId: string, v: ValidEvent, now: Date): eventQueries.NewEventRow {
  const { input } = v;
  const touch = touchOf(input.context);
  return {
    id: newId('event', v.timestamp.getTime()),
    environmentId: envId,
    customerId,
    name: input.name,
    properties: (input.properties ?? {}) as Record<string, unknown>,
    timestamp: v.timestamp,
    receivedAt: now,
    effectiveAt: v.timestamp < now ? v.timestamp : now,
    revenueMinor: input.revenue == null ? null : toMinor(input.revenue),
    messageId: input.messageId ?? null,
    context: input.context ?? null,
    isTouchpoint: touch.isTouchpoint,
    touchSource: touch.source,
    touchMedium: touch.medium,
    touchCampaign: touch.campaign,
  };
}

const effective = (row: eventQueries.NewEventRow) => row.effectiveAt;

/** Per-customer additions of a batch, computed from the rows just inserted. */
function customerDeltas(rows: eventQueries.NewEventRow[]): customerAggregateQueries.CustomerDelta[] {
  const byCustomer = new Map<string, customerAggregateQueries.CustomerDelta>();
  for (const row of rows) {
    const at = effective(row);
    const d = byCustomer.get(row.customerId);
    if (!d) {
      byCustomer.set(row.customerId, {
        customerId: row.customerId,
        events: 1,
        revenueMinor: Number(row.revenueMinor ?? 0),
        firstAt: at,
        lastAt: at,
      });
      continue;
    }
    d.events++;
    d.revenueMinor += Number(row.revenueMinor ?? 0);
    if (at < d.firstAt) d.firstAt = at;
    if (at > d.lastAt) d.lastAt = at;
  }
  return [...byCustomer.values()];
}

/** Each customer's earliest new touchpoint by (effective time, id): the acquisition candidate. */
function earliestTouches(rows: eventQueries.NewEventRow[]): customerAggregateQueries.TouchCandidate[] {
  const best = new Map<string, eventQueries.NewEventRow>();
  for (const row of rows) {
    if (!row.isTouchpoint) continue;
    const current = best.get(row.customerId);
    const earlier =
      !current || effective(row) < effective(current) || (effective(row).getTime() === effective(current).getTime() && row.id < current.id);
    if (earlier) best.set(row.customerId, row);
  }
  return [...best.values()].map((row) => {
    const context = row.context as TEventContext | null;
    return {
      customerId: row.customerId,
      eventId: row.id,
      at: effective(row),
      source: row.touchSource ?? null,
      medium: row.touchMedium ?? null,
      campaign: row.touchCampaign ?? null,
      clickId: context?.clickId ?? null,
      referrer: context?.referrer ?? null,
      landingUrl: context?.url ?? null,
    };
  });
}

export async function ingestEvents(
  db: Kysely<DB>,
  scope: Scope,
  items: unknown[],
  opts: { publishable: boolean; pathPrefix: (index: number) => PropertyKey[] },
): Promise<IngestOutcome> {
  const now = new Date();
  const env = await loadEnvironment(db, scope.envId);
  const errors: EventItemError[] = [];
  const valid: ValidEvent[] = [];
  items.forEach((raw, index) => {
    const v = validateEvent(raw, index, opts.pathPrefix(index), {
      now,
      publishable: opts.publishable,
      allowPublishableRevenue: env.settings.allowPublishableRevenue,
    });
    if ('input' in v) valid.push(v);
    else errors.push(v);
  });

  const results: IngestResult[] = [];
  const externalIds = [...new Set(valid.filter((v) => !v.input.customerId).map((v) => v.input.externalId as string))];
  const { ids: byExternal, suppressed } = await resolveExternalIds(db, scope.envId, externalIds, now);
  await db.transaction().execute(async (trx) => {
    const live = await customerReadQueries.findLiveIds(trx, scope.envId, [
      ...new Set(valid.flatMap((v) => (v.input.customerId ? [v.input.customerId] : []))),
    ]);

    // Live duplicates surface as insert conflicts below; deleted events' messageIds stay taken.
    const known = await eventQueries.findTombstonedMessageIds(trx, scope.envId, [
      ...new Set(valid.flatMap((v) => (v.input.messageId ? [v.input.messageId] : []))),
    ]);
    const firstByMessage = new Map<string, ValidEvent>();
    const toInsert: { v: ValidEvent; row: eventQueries.NewEventRow }[] = [];
    const duplicatesInBatch: ValidEvent[] = [];

    for (const v of valid) {
      const { customerId: givenId, externalId, messageId } = v.input as TEventInput & { externalId?: string };
      if (!givenId && externalId !== undefined && suppressed.has(externalId)) {
        results.push({ index: v.index, id: null, duplicate: false, suppressed: true });
        continue;
      }
      const customerId = givenId ? (live.has(givenId) ? givenId : undefined) : byExternal.get(externalId as string);
      if (!customerId) {
        errors.push({ index: v.index, code: 'NOT_FOUND', message: `Customer ${givenId ?? externalId} not found` });
        continue;
      }
      if (messageId) {
        const stored = known.get(messageId);
        if (stored) {
          results.push({ index: v.index, id: stored, duplicate: true, suppressed: false });
          continue;
        }
        if (firstByMessage.has(messageId)) {
          duplicatesInBatch.push(v);
          continue;
        }
        firstByMessage.set(messageId, v);
      }
      toInsert.push({ v, row: eventRow(scope.envId, customerId, v, now) });
    }

    const inserted = await eventQueries.insertEvents(
      trx,
      scope.envId,
      toInsert.map((t) => t.row),
    );
    // A messageId that a concurrent request stored meanwhile: answer with that event's id.
    const raced = toInsert.filter((t) => !inserted.has(t.row.id)).map((t) => t.row.messageId as string);
    const racedIds = await eventQueries.findEventIdsByMessageId(trx, scope.envId, raced);
    const idByMessage = new Map<string, string>();
    for (const { v, row } of toInsert) {
      const stored = inserted.has(row.id);
      const id = stored ? row.id : (racedIds.get(row.messageId as string) ?? null);
      if (row.messageId && id) idByMessage.set(row.messageId, id);
      results.push({ index: v.index, id, duplicate: !stored, suppressed: false });
    }
    for (const v of duplicatesInBatch) {
      results.push({ index: v.index, id: idByMessage.get(v.input.messageId as string) ?? null, duplicate: true, suppressed: false });
    }
    const storedRows = toInsert.filter((t) => inserted.has(t.row.id)).map((t) => t.row);
    // The customers are locked only now, after the insert (whose foreign-key checks take key-share
    // locks, compatible with these): concurrent batches for the same customers insert in parallel
    // and queue only for the short aggregate update, in id order so they cannot deadlock.
    await customerWriteQueries.lockCustomerIds(trx, scope.envId, [...new Set(storedRows.map((r) => r.customerId))].sort());
    await customerAggregateQueries.applyCustomerDeltas(trx, scope.envId, customerDeltas(storedRows), earliestTouches(storedRows), now);
  });
  notifyScoresStale(db, scope.envId);
  results.sort((a, b) => a.index - b.index);
  errors.sort((a, b) => a.index - b.index);
  return { results, errors };
}
