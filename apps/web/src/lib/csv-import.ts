/**
 * Turning CSV rows into `customers.batch` items: known columns become profile fields, every
 * other column an attribute with numbers, booleans and JSON lists converted. Empty cells are left
 * out (an upsert keeps what it is not sent), so a partial CSV never blanks existing data.
 */
import { ATTRIBUTE_LIMITS, type TCustomerInput } from '@tenure/contract';

export const PROFILE_COLUMNS = [
  'externalId',
  'email',
  'name',
  'company',
  'role',
  'teamSize',
  'locale',
  'plan',
  'clickId',
  'createdAt',
] as const;
export type ProfileColumn = (typeof PROFILE_COLUMNS)[number];

export type ColumnTarget =
  | { kind: 'profile'; field: ProfileColumn }
  | { kind: 'attribute'; key: string }
  | { kind: 'skip'; reason: string };

export interface ColumnMapping {
  header: string;
  target: ColumnTarget;
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const PROFILE_BY_SQUASHED = new Map<string, ProfileColumn>(PROFILE_COLUMNS.map((c) => [squash(c), c]));

/** "Plan Tier" → "Plan_Tier": attribute keys must be 1–64 of [A-Za-z0-9_]. */
export function attributeKey(header: string): string {
  return header
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '')
    .slice(0, 64);
}

/** Header matching is forgiving for known columns: `external_id`, `External ID`, `teamsize`. */
export function mapColumns(headers: string[]): ColumnMapping[] {
  const used = new Set<string>();
  return headers.map((header) => {
    const profile = PROFILE_BY_SQUASHED.get(squash(header));
    const id = profile ? `profile:${profile}` : `attr:${attributeKey(header)}`;
    if (used.has(id)) return { header, target: { kind: 'skip', reason: 'duplicate column' } };
    used.add(id);
    if (profile) return { header, target: { kind: 'profile', field: profile } };
    const key = attributeKey(header);
    if (!ATTRIBUTE_LIMITS.keyPattern.test(key)) return { header, target: { kind: 'skip', reason: 'no usable key name' } };
    return { header, target: { kind: 'attribute', key } };
  });
}

const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/** Attribute cells: booleans, plain decimal numbers (not zip codes like 01234), JSON lists, else text. */
export function convertCell(raw: string): unknown {
  const v = raw.trim();
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (NUMBER.test(v)) return Number(v);
  if (v.startsWith('[') && v.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  return v;
}

export interface RowIssue {
  path: string;
  message: string;
}

export interface RowError {
  /** The line in the file: data index + 2 (the header is line 1). */
  row: number;
  externalId: string | null;
  code: string;
  message: string;
  issues: RowIssue[];
}

/** A batch item: every batch item carries its externalId. */
export type BatchCustomer = TCustomerInput & { externalId: string };

export type PreparedRow = { ok: true; customer: BatchCustomer } | { ok: false; error: RowError };

export const rowNumber = (dataIndex: number) => dataIndex + 2;

export function prepareRow(row: Record<string, string | undefined>, mappings: ColumnMapping[], dataIndex: number): PreparedRow {
  const customer: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  for (const { header, target } of mappings) {
    const raw = row[header]?.trim() ?? '';
    if (raw === '' || target.kind === 'skip') continue;
    if (target.kind === 'attribute') {
      attributes[target.key] = convertCell(raw);
    } else if (target.field === 'teamSize') {
      if (/^\d+$/.test(raw)) customer.teamSize = Number(raw);
      else issues.push({ path: 'teamSize', message: `"${raw}" is not a whole number` });
    } else if (target.field === 'createdAt') {
      const t = Date.parse(raw);
      if (Number.isNaN(t)) issues.push({ path: 'createdAt', message: `"${raw}" is not a date` });
      else customer.createdAt = new Date(t).toISOString();
    } else {
      customer[target.field] = raw;
    }
  }
  const externalId = typeof customer.externalId === 'string' ? customer.externalId : null;
  if (!externalId) issues.unshift({ path: 'externalId', message: 'externalId is required to import a row' });
  if (issues.length > 0) {
    return {
      ok: false,
      error: { row: rowNumber(dataIndex), externalId, code: 'BAD_REQUEST', message: issues[0]?.message ?? 'Invalid row', issues },
    };
  }
  if (Object.keys(attributes).length > 0) customer.attributes = attributes;
  // Built field by field above from the known columns, with the types the contract expects.
  return { ok: true, customer: customer as BatchCustomer };
}
