/**
 * The set-based write engine behind every customer write keyed by external id (upsert, batch,
 * array items): lock the existing rows of the whole batch (`SELECT … FOR UPDATE`), apply each item
 * in index order in memory, then write new rows with one INSERT … ON CONFLICT DO NOTHING and
 * changed existing rows with one UPDATE per chunk of 1,000 (an item that changes nothing writes
 * nothing). Chunks are pipelined: chunk n+1 is applied in JavaScript while PostgreSQL writes chunk n.
 * A new external id that a concurrent writer created meanwhile is retried as an update, so racing
 * creates make one customer, no error.
 */
import { AppError, type ErrorIssue, type ErrorReason } from '@tenure/contract';
import { type CustomerRow, customerWriteQueries, type DB, suppressionQueries, type Transaction } from '@tenure/db';
import { type CustomerState, emptyCustomer, sameCustomer, stateFromRow, toWritableRow } from './apply-patch';

const CHUNK = 1000;
const MAX_ATTEMPTS = 5;

export interface ItemError {
  index: number;
  code: 'BAD_REQUEST' | 'CONFLICT';
  message: string;
  reason?: ErrorReason;
  issues?: ErrorIssue[];
}

/** What applying one item does: a new state, or an error that leaves the state as it was. */
export type ApplyResult = { state: CustomerState } | { error: Omit<ItemError, 'index'> } | { skip: true };

export interface EngineItem {
  index: number;
  externalId: string;
  /** Items for missing customers are skipped unless they may create them. */
  createIfMissing: boolean;
  apply(state: CustomerState, now: Date): ApplyResult;
}

export interface EngineOutcome {
  created: number;
  updated: number;
  errors: ItemError[];
  /** Final state of the customer each applied item touched, and whether that item created it. */
  results: Map<number, { row: CustomerState; created: boolean }>;
}

/** A promise whose rejection is handled where it is awaited later, not reported as unhandled meanwhile. */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupByExternalId(items: EngineItem[]): Map<string, EngineItem[]> {
  const groups = new Map<string, EngineItem[]>();
  for (const item of items) {
    const list = groups.get(item.externalId);
    if (list) list.push(item);
    else groups.set(item.externalId, [item]);
  }
  return groups;
}

interface GroupResult {
  externalId: string;
  isNew: boolean;
  /** Whether the final state differs from the stored row (always true for new customers). */
  changed: boolean;
  /** An existing customer whose createdAt (so firstSeenAt, so its scores) moved. */
  state: CustomerState;
  applied: { index: number; created: boolean }[];
  errors: ItemError[];
}

function applyGroup(envId: string, externalId: string, row: CustomerRow | undefined, group: EngineItem[], now: Date): GroupResult {
  let state = row ? stateFromRow(row) : emptyCustomer(envId, now, externalId);
  let exists = !!row;
  const result: GroupResult = { externalId, isNew: !row, changed: false, state, applied: [], errors: [] };
  for (const item of group) {
    if (!exists && !item.createIfMissing) continue;
    const outcome = item.apply(state, now);
    if ('skip' in outcome) continue;
    if ('error' in outcome) {
      result.errors.push({ index: item.index, ...outcome.error });
      continue;
    }
    state = outcome.state;
    result.applied.push({ index: item.index, created: !exists });
    exists = true;
  }
  result.state = state;
  result.changed = result.applied.length > 0 && (!row || !sameCustomer(stateFromRow(row), state));
  return result;
}

interface ChunkWrites {
  updated: Promise<void>;
  inserted: Promise<Set<string>>;
  news: GroupResult[];
}

/**
 * Sends one chunk's UPDATE of changed customers and INSERT of new ones, without waiting for them.
 * Both mark their customers for the background refresh (scores read createdAt, segments read
 * every profile field and attribute).
 */
function writeChunk(trx: Transaction<DB>, envId: string, applied: GroupResult[], now: Date): ChunkWrites {
  const changed = applied.filter((g) => g.changed && !g.isNew);
  const updates = changed.map((g) => toWritableRow(g.state));
  const news = applied.filter((g) => g.changed && g.isNew);
  const newRows = news.map((g) => toWritableRow(g.state));
  return {
    updated: settled(customerWriteQueries.updateCustomerRows(trx, envId, updates, now)),
    inserted: settled(customerWriteQueries.insertCustomerRows(trx, envId, newRows, now)),
    news,
  };
}

/** Runs inside the caller's transaction. */
export async function applyToCustomers(trx: Transaction<DB>, envId: string, items: EngineItem[], now = new Date()): Promise<EngineOutcome> {
  const outcome: EngineOutcome = { created: 0, updated: 0, errors: [], results: new Map() };
  let pending = groupByExternalId(items);

  const suppressed = await suppressionQueries.findSuppressed(trx, envId, [...pending.keys()]);
  for (const externalId of suppressed) {
    for (const item of pending.get(externalId) ?? []) {
      if (!item.createIfMissing) continue;
      const invalid = item.apply(emptyCustomer(envId, now, externalId), now);
      if ('error' in invalid) {
        outcome.errors.push({ index: item.index, ...invalid.error });
        continue;
      }
      outcome.errors.push({
        index: item.index,
        code: 'CONFLICT',
        reason: 'SUPPRESSED',
        message: `externalId ${externalId} was erased and is suppressed`,
      });
    }
    pending.delete(externalId);
  }

  for (let attempt = 0; pending.size > 0; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONFLICT', 'Too much concurrent activity on these customers; retry');
    const existing = new Map<string, CustomerRow>();
    for (const part of chunks([...pending.keys()], CHUNK)) {
      for (const row of await customerWriteQueries.lockCustomersByExternalId(trx, envId, part)) existing.set(row.externalId as string, row);
    }
    const groups: GroupResult[] = [];
    const writes: ChunkWrites[] = [];
    for (const part of chunks([...pending], CHUNK)) {
      const applied = part.map(([externalId, group]) => applyGroup(envId, externalId, existing.get(externalId), group, now));
      groups.push(...applied);
      writes.push(writeChunk(trx, envId, applied, now));
      // Let the statements go out before applying the next chunk.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const raced = new Set<string>();
    for (const { updated, inserted, news } of writes) {
      await updated;
      const ids = await inserted;
      for (const g of news) if (!ids.has(g.state.id)) raced.add(g.externalId);
    }

    const next = new Map<string, EngineItem[]>();
    for (const g of groups) {
      if (raced.has(g.externalId)) {
        next.set(g.externalId, pending.get(g.externalId) ?? []);
        continue;
      }
      outcome.errors.push(...g.errors);
      for (const { index, created } of g.applied) {
        if (created) outcome.created++;
        else outcome.updated++;
        outcome.results.set(index, { row: g.state, created });
      }
    }
    pending = next;
  }
  outcome.errors.sort((a, b) => a.index - b.index);
  return outcome;
}
