/** Create and upsert customers (`POST /customers`, `POST /customers/batch`) on the write engine. */
import { AppError, type ErrorIssue, formatPath, type TCustomer, type TCustomerInput, ZCustomerInput, ZExternalId } from '@tenure/contract';
import { customerReadQueries, customerWriteQueries, type DB, type Kysely } from '@tenure/db';
import type { Scope } from '../actor';
import { audit } from '../audit';
import { applyCustomerPatch, emptyCustomer, toWritableRow } from './apply-patch';
import { applyToCustomers, type EngineItem, type ItemError } from './apply-engine';
import { toCustomer } from './serialize';
import { customerWrite } from './write';

type KeyedInput = TCustomerInput & { externalId: string };

function upsertItem(index: number, input: KeyedInput, pathPrefix: PropertyKey[] = []): EngineItem {
  return {
    index,
    externalId: input.externalId,
    createIfMissing: true,
    apply(state, now) {
      const { state: next, issues } = applyCustomerPatch(state, input, now);
      if (!issues.length) return { state: next };
      const prefixed: ErrorIssue[] = issues.map((i) => ({ ...i, path: formatPath([...pathPrefix, i.path]) }));
      return {
        error: { code: 'BAD_REQUEST', message: `Invalid customer: ${prefixed[0]?.path}: ${prefixed[0]?.message}`, issues: prefixed },
      };
    },
  };
}

/** `POST /customers` with an externalId: one item through the engine. */
export async function upsertCustomer(db: Kysely<DB>, scope: Scope, input: KeyedInput): Promise<{ customer: TCustomer; created: boolean }> {
  return customerWrite(db, scope.envId, async (trx) => {
    const outcome = await applyToCustomers(trx, scope.envId, [upsertItem(0, input)]);
    const error = outcome.errors[0];
    if (error) throw new AppError(error.code, error.message, { reason: error.reason, issues: error.issues });
    const result = outcome.results.get(0);
    const row = result && (await customerReadQueries.findCustomerRow(trx, scope.envId, { id: result.row.id }));
    if (!result || !row) throw new AppError('INTERNAL_SERVER_ERROR', 'Upserted customer vanished');
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
  return customerWrite(db, scope.envId, async (trx) => {
    const now = new Date();
    const { state, issues } = applyCustomerPatch(emptyCustomer(scope.envId, now, null), input, now);
    if (issues.length) throw new AppError('BAD_REQUEST', 'Invalid customer attributes', { issues });
    await customerWriteQueries.insertCustomerRows(trx, scope.envId, [toWritableRow(state)], now);
    const row = await customerReadQueries.findCustomerRow(trx, scope.envId, { id: state.id });
    if (!row) throw new AppError('INTERNAL_SERVER_ERROR', 'Created customer vanished');
    await audit(trx, scope.actor, { action: 'customer.created', targetType: 'customer', targetId: row.id });
    return { customer: toCustomer(row), created: true as const };
  });
}

export interface BatchResult {
  created: number;
  updated: number;
  errors: ItemError[];
}

type ParsedItem = { input: KeyedInput } | { error: Omit<ItemError, 'index'> };

function invalidItem(issues: ErrorIssue[]): { error: Omit<ItemError, 'index'> } {
  return { error: { code: 'BAD_REQUEST', message: `Invalid customer: ${issues[0]?.path}: ${issues[0]?.message}`, issues } };
}

/** One batch item through the full schema; errors carry `customers.<i>.…` paths. */
function parseBatchItem(raw: unknown, index: number, allowCreatedAt: boolean): ParsedItem {
  const parsed = ZCustomerInput.safeParse(raw);
  if (!parsed.success) {
    return invalidItem(parsed.error.issues.map((i) => ({ path: formatPath(['customers', index, ...i.path]), message: i.message })));
  }
  const input = allowCreatedAt ? parsed.data : { ...parsed.data, createdAt: undefined };
  if (input.externalId === undefined) {
    const path = formatPath(['customers', index, 'externalId']);
    return invalidItem([{ path, message: 'externalId is required in a batch' }]);
  }
  return { input: { ...input, externalId: input.externalId } };
}

/**
 * A batch item keyed by its (valid) externalId and validated in full only when the engine applies
 * it: the engine applies chunk n+1 while chunk n is being written, so validation overlaps the writes.
 */
function lazyBatchItem(index: number, externalId: string, raw: unknown, allowCreatedAt: boolean): EngineItem {
  let parsed: ParsedItem | undefined;
  return {
    index,
    externalId,
    createIfMissing: true,
    apply(state, now) {
      parsed ??= parseBatchItem(raw, index, allowCreatedAt);
      if ('error' in parsed) return parsed;
      return upsertItem(index, parsed.input, ['customers', index]).apply(state, now);
    },
  };
}

/**
 * `POST /customers/batch`: each item validated on its own (errors carry `customers.<i>.…` paths),
 * valid items written in one transaction, applied in order (a repeated externalId: the last wins).
 */
export async function batchUpsertCustomers(
  db: Kysely<DB>,
  scope: Scope,
  items: unknown[],
  options: { allowCreatedAt: boolean },
): Promise<BatchResult> {
  const engineItems: EngineItem[] = [];
  const invalid: ItemError[] = [];
  items.forEach((raw, index) => {
    const key = ZExternalId.safeParse((raw as { externalId?: unknown } | null)?.externalId);
    if (key.success && typeof raw === 'object' && raw !== null) {
      engineItems.push(lazyBatchItem(index, key.data, raw, options.allowCreatedAt));
      return;
    }
    const parsed = parseBatchItem(raw, index, options.allowCreatedAt);
    if ('error' in parsed) invalid.push({ index, ...parsed.error });
  });
  const outcome = await customerWrite(db, scope.envId, async (trx) => {
    const result = await applyToCustomers(trx, scope.envId, engineItems);
    await audit(trx, scope.actor, {
      action: 'customer.batch_upserted',
      targetType: 'customer',
      targetId: null,
      details: { created: result.created, updated: result.updated, errors: result.errors.length + invalid.length },
    });
    return result;
  });
  return {
    created: outcome.created,
    updated: outcome.updated,
    errors: [...invalid, ...outcome.errors].sort((a, b) => a.index - b.index),
  };
}
