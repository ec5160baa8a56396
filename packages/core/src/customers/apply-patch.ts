/** PATCH semantics shared by create, upsert, batch and update: omitted fields stay, attributes merge. */
import { isDeepStrictEqual } from 'node:util';
import { attributeCountIssues, CUSTOMER_ATTRIBUTE_RULES, newId, type TCustomerInput } from '@tenure/contract';
import type { CustomerRow, CustomerWrite, NewCustomerRow } from '@tenure/db';

const PROFILE_FIELDS = ['email', 'name', 'company', 'role', 'teamSize', 'locale', 'plan', 'clickId'] as const;

export type CustomerState = Omit<NewCustomerRow, 'attributes'> & {
  id: string;
  attributes: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  firstEventAt?: Date | null;
  acqEventId?: string | null;
};

export function emptyCustomer(envId: string, now: Date, externalId: string | null): CustomerState {
  return {
    id: newId('customer', now.getTime()),
    environmentId: envId,
    externalId,
    email: null,
    name: null,
    company: null,
    role: null,
    teamSize: null,
    locale: null,
    plan: null,
    clickId: null,
    attributes: {},
    acqClickId: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function stateFromRow(row: CustomerRow): CustomerState {
  return { ...row, attributes: (row.attributes ?? {}) as Record<string, unknown> } as CustomerState;
}

export type PatchIssue = { path: string; message: string };

/**
 * Applies one input to a state, returning the new state, or issues when the merged attributes
 * break a limit (key counts can only be checked after the merge).
 */
export function applyCustomerPatch(state: CustomerState, input: TCustomerInput, now: Date): { state: CustomerState; issues: PatchIssue[] } {
  const next: CustomerState = { ...state, updatedAt: now };
  for (const field of PROFILE_FIELDS) {
    const value = input[field];
    if (value !== undefined) (next as Record<string, unknown>)[field] = value;
  }
  if (input.externalId !== undefined) next.externalId = input.externalId;
  if (input.attributes) {
    const merged: Record<string, unknown> = { ...state.attributes };
    for (const [key, value] of Object.entries(input.attributes)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    // Input values were validated by the schema; a merge can only break the key counts.
    const issues = attributeCountIssues(merged, CUSTOMER_ATTRIBUTE_RULES).map((i) => ({
      path: ['attributes', ...i.path].join('.'),
      message: i.message,
    }));
    if (issues.length) return { state, issues };
    next.attributes = merged;
  }
  // firstSeenAt follows from createdAt in the database (a generated column).
  if (input.createdAt !== undefined) next.createdAt = new Date(input.createdAt);
  // Without a touchpoint, acquisition.clickId is the customer's own identify-time click id.
  if (!state.acqEventId) next.acqClickId = next.clickId ?? null;
  return { state: next, issues: [] };
}

const COMPARED_FIELDS = [...PROFILE_FIELDS, 'externalId', 'acqClickId'] as const;

/** Whether a write would change nothing a reader can see (`updatedAt` aside): then it is skipped. */
export function sameCustomer(before: CustomerState, after: CustomerState): boolean {
  return (
    COMPARED_FIELDS.every((f) => (before[f] ?? null) === (after[f] ?? null)) &&
    before.createdAt.getTime() === after.createdAt.getTime() &&
    isDeepStrictEqual(before.attributes, after.attributes)
  );
}

/** The columns a customer write sets (computed columns keep their values or defaults). */
export function toWritableRow(state: CustomerState): CustomerWrite {
  return {
    id: state.id,
    environmentId: state.environmentId,
    externalId: state.externalId ?? null,
    email: state.email ?? null,
    name: state.name ?? null,
    company: state.company ?? null,
    role: state.role ?? null,
    teamSize: state.teamSize ?? null,
    locale: state.locale ?? null,
    plan: state.plan ?? null,
    clickId: state.clickId ?? null,
    attributes: state.attributes,
    acqClickId: state.acqClickId ?? null,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}
