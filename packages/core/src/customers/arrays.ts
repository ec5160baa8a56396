/**
 * Array attributes: upsert items by their `id` (compared by JSON type and value; the last
 * duplicate in a request wins; items without `id` are appended) and delete items by id.
 * Runs on the write engine, so limits are checked after the merge and batches stay set-based.
 */
import { attributeIssues, CUSTOMER_ATTRIBUTE_RULES, type ErrorIssue, formatPath, ZExternalId } from '@tenure/contract';
import type { DB, Kysely } from '@tenure/db';
import { z } from 'zod';
import type { Scope } from '../actor';
import { audit } from '../audit';
import type { CustomerState } from './apply-patch';
import { type ApplyResult, applyToCustomers, type EngineItem, type ItemError } from './apply-engine';
import { customerWrite } from './write';

const ZField = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'field is 1–64 characters of A–Z, a–z, 0–9 and _');
const ZItem = z.record(z.string(), z.unknown());

export const ZArrayUpsertRecord = z.strictObject({ externalId: ZExternalId, field: ZField, items: z.array(ZItem).min(1).max(1000) });
export const ZArrayDeleteRecord = z.strictObject({
  externalId: ZExternalId,
  field: ZField,
  ids: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .max(1000),
});

const sameId = (a: unknown, b: unknown) => typeof a === typeof b && a === b;

function withField(state: CustomerState, field: string, items: unknown[], now: Date, pathPrefix: PropertyKey[]): ApplyResult {
  const attributes = { ...state.attributes, [field]: items };
  // Issues inside the field map onto the request's items; key-count limits onto the record.
  const issues: ErrorIssue[] = attributeIssues(attributes, CUSTOMER_ATTRIBUTE_RULES).map((i) => ({
    path: formatPath(i.path[0] === field ? [...pathPrefix, ...i.path.slice(1)] : pathPrefix.slice(0, -1)),
    message: i.message,
  }));
  if (issues.length) return { error: { code: 'BAD_REQUEST', message: `Invalid items: ${issues[0]?.path}: ${issues[0]?.message}`, issues } };
  return { state: { ...state, attributes, updatedAt: now } };
}

function notArray(field: string): ApplyResult {
  return { error: { code: 'BAD_REQUEST', reason: 'FIELD_NOT_ARRAY', message: `Attribute ${field} holds a non-array value` } };
}

function parseRecords<T>(schema: z.ZodType<T>, records: unknown[], invalid: ItemError[]): { index: number; record: T }[] {
  const valid: { index: number; record: T }[] = [];
  records.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push({ index, record: parsed.data });
    else {
      const issues = parsed.error.issues.map((i) => ({ path: formatPath(['records', index, ...i.path]), message: i.message }));
      invalid.push({ index, code: 'BAD_REQUEST', message: `Invalid record: ${issues[0]?.path}: ${issues[0]?.message}`, issues });
    }
  });
  return valid;
}

async function run(db: Kysely<DB>, scope: Scope, items: EngineItem[], invalid: ItemError[], action: string) {
  const outcome = await customerWrite(db, scope.envId, async (trx) => {
    const result = await applyToCustomers(trx, scope.envId, items);
    await audit(trx, scope.actor, { action, targetType: 'customer', targetId: null, details: { records: items.length } });
    return result;
  });
  return { updated: outcome.results.size, errors: [...invalid, ...outcome.errors].sort((a, b) => a.index - b.index) };
}

export async function upsertArrayItems(db: Kysely<DB>, scope: Scope, records: unknown[]) {
  const invalid: ItemError[] = [];
  const items = parseRecords(ZArrayUpsertRecord, records, invalid).map(
    ({ index, record }): EngineItem => ({
      index,
      externalId: record.externalId,
      createIfMissing: true,
      apply(state, now) {
        const current = state.attributes[record.field];
        if (current !== undefined && current !== null && !Array.isArray(current)) return notArray(record.field);
        const merged: unknown[] = [...((current as unknown[] | undefined) ?? [])];
        for (const item of record.items) {
          const at =
            'id' in item ? merged.findIndex((m) => typeof m === 'object' && m !== null && sameId((m as { id?: unknown }).id, item.id)) : -1;
          if (at >= 0) merged[at] = item;
          else merged.push(item);
        }
        return withField(state, record.field, merged, now, ['records', index, 'items']);
      },
    }),
  );
  return run(db, scope, items, invalid, 'customer.array_items_upserted');
}

export async function deleteArrayItems(db: Kysely<DB>, scope: Scope, records: unknown[]) {
  const invalid: ItemError[] = [];
  const items = parseRecords(ZArrayDeleteRecord, records, invalid).map(
    ({ index, record }): EngineItem => ({
      index,
      externalId: record.externalId,
      createIfMissing: false,
      apply(state, now) {
        const current = state.attributes[record.field];
        if (!Array.isArray(current)) return { skip: true };
        const kept = current.filter(
          (m) => !(typeof m === 'object' && m !== null && record.ids.some((id) => sameId((m as { id?: unknown }).id, id))),
        );
        return { state: { ...state, attributes: { ...state.attributes, [record.field]: kept }, updatedAt: now } };
      },
    }),
  );
  return run(db, scope, items, invalid, 'customer.array_items_deleted');
}
