/**
 * Upserting customers by external id, set-based for whole batches: lock the existing rows, apply
 * every item in order in memory (PATCH semantics, limits checked after each merge), then write
 * new rows with one INSERT … ON CONFLICT DO NOTHING and existing rows with one upsert by id per
 * chunk. A new external id that a concurrent writer created meanwhile is retried as an update.
 */
import { AppError, type ErrorIssue, type TCustomer, type TCustomerInput } from '@tenure/contract';
import { customerQueries, type CustomerRow, type DB, type Kysely, suppressionQueries, type Transaction } from '@tenure/db';
import type { Scope } from '../actor';
import { audit } from '../audit';
import { applyCustomerPatch, type CustomerState, emptyCustomer, stateFromRow, toWritableRow } from './apply-patch';
import { toCustomer } from './serialize';

const CHUNK = 1000;
const MAX_ATTEMPTS = 5;

export interface UpsertItem {
  index: number;
  input: TCustomerInput & { externalId: string };
}

export interface UpsertItemError {
  index: number;
  code: 'BAD_REQUEST' | 'CONFLICT';
  message: string;
  reason?: 'SUPPRESSED';
  issues?: ErrorIssue[];
}

export interface UpsertOutcome {
  created: number;
  updated: number;
  errors: UpsertItemError[];
  /** Final state and created flag per successful item index. */
  results: Map<number, { row: CustomerState; created: boolean }>;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupByExternalId(items: UpsertItem[]): Map<string, UpsertItem[]> {
  const groups = new Map<string, UpsertItem[]>();
  for (const item of items) {
    const list = groups.get(item.input.externalId);
    if (list) list.push(item);
    else groups.set(item.input.externalId, [item]);
  }
  return groups;
}

/** Runs inside the caller's transaction; items are applied in index order per external id. */
export async function upsertCustomersInTx(
  trx: Transaction<DB>,
  envId: string,
  items: UpsertItem[],
  now = new Date(),
): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { created: 0, updated: 0, errors: [], results: new Map() };
  let pending = groupByExternalId(items);

  const suppressed = await suppressionQueries.findSuppressed(trx, envId, [...pending.keys()]);
  for (const externalId of suppressed) {
    for (const item of pending.get(externalId) ?? []) {
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
      for (const row of await customerQueries.lockCustomersByExternalId(trx, envId, part)) existing.set(row.externalId as string, row);
    }
    const fresh: { externalId: string; state: CustomerState; applied: { item: UpsertItem; created: boolean }[] }[] = [];
    const updates: CustomerState[] = [];
    const finalStates = new Map<string, CustomerState>();
    const groupErrors = new Map<string, UpsertItemError[]>();
    const applied = new Map<string, { item: UpsertItem; created: boolean }[]>();

    for (const [externalId, group] of pending) {
      const row = existing.get(externalId);
      let state = row ? stateFromRow(row) : emptyCustomer(envId, now, externalId);
      const isNew = !row;
      const done: { item: UpsertItem; created: boolean }[] = [];
      const errors: UpsertItemError[] = [];
      for (const item of group) {
        const result = applyCustomerPatch(state, item.input, now);
        if (result.issues.length) {
          errors.push({ index: item.index, code: 'BAD_REQUEST', message: 'Invalid customer attributes', issues: result.issues });
          continue;
        }
        state = result.state;
        done.push({ item, created: isNew && done.length === 0 });
      }
      groupErrors.set(externalId, errors);
      applied.set(externalId, done);
      if (done.length === 0) continue;
      finalStates.set(externalId, state);
      if (isNew) fresh.push({ externalId, state, applied: done });
      else updates.push(state);
    }

    for (const part of chunks(updates, CHUNK)) await customerQueries.updateCustomerRows(trx, part.map(toWritableRow));
    const raced = new Map<string, UpsertItem[]>();
    for (const part of chunks(fresh, CHUNK)) {
      const inserted = await customerQueries.insertCustomerRows(
        trx,
        part.map((f) => toWritableRow(f.state)),
      );
      for (const f of part) if (!inserted.has(f.state.id)) raced.set(f.externalId, pending.get(f.externalId) ?? []);
    }

    for (const [externalId, done] of applied) {
      if (raced.has(externalId)) continue;
      outcome.errors.push(...(groupErrors.get(externalId) ?? []));
      const finalState = finalStates.get(externalId);
      for (const { item, created } of done) {
        if (created) outcome.created++;
        else outcome.updated++;
        if (finalState) outcome.results.set(item.index, { row: finalState, created });
      }
    }
    pending = raced;
  }
  outcome.errors.sort((a, b) => a.index - b.index);
  return outcome;
}

/** `POST /customers` with an externalId: one item through the batch path. */
export async function upsertCustomer(
  db: Kysely<DB>,
  scope: Scope,
  input: TCustomerInput & { externalId: string },
): Promise<{ customer: TCustomer; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const outcome = await upsertCustomersInTx(trx, scope.envId, [{ index: 0, input }]);
    const error = outcome.errors[0];
    if (error) throw new AppError(error.code, error.message, { reason: error.reason, issues: error.issues });
    const result = outcome.results.get(0);
    if (!result) throw new AppError('INTERNAL_SERVER_ERROR', 'Upsert produced no result');
    const row = await customerQueries.findCustomerRow(trx, scope.envId, { id: result.row.id });
    if (!row) throw new AppError('INTERNAL_SERVER_ERROR', 'Upserted customer vanished');
    await audit(trx, scope.actor, {
      action: result.created ? 'customer.created' : 'customer.updated',
      targetType: 'customer',
      targetId: row.id,
    });
    return { customer: toCustomer(row), created: result.created };
  });
}

/** `POST /customers` without an externalId: always a new customer. */
export async function createCustomer(db: Kysely<DB>, scope: Scope, input: TCustomerInput): Promise<{ customer: TCustomer; created: true }> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const { state, issues } = applyCustomerPatch(emptyCustomer(scope.envId, now, null), input, now);
    if (issues.length) throw new AppError('BAD_REQUEST', 'Invalid customer attributes', { issues });
    await customerQueries.insertCustomerRows(trx, [toWritableRow(state)]);
    const row = await customerQueries.findCustomerRow(trx, scope.envId, { id: state.id });
    if (!row) throw new AppError('INTERNAL_SERVER_ERROR', 'Created customer vanished');
    await audit(trx, scope.actor, { action: 'customer.created', targetType: 'customer', targetId: row.id });
    return { customer: toCustomer(row), created: true as const };
  });
}
