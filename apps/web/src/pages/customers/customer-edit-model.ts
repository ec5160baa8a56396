/**
 * The edit form's model: drafts from a customer, and the PATCH body from the drafts. Only changed
 * fields are sent; attributes merge on the server, so a removed key is sent as `null`. The body is
 * checked with the contract's own customer input schema, the one the server applies.
 */
import { formatPath, type TCustomer, ZCustomerInput } from '@tenure/contract';

export const PROFILE_FIELDS = [
  { key: 'externalId', label: 'External id' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'name', label: 'Name' },
  { key: 'company', label: 'Company' },
  { key: 'role', label: 'Role' },
  { key: 'teamSize', label: 'Team size', type: 'number' },
  { key: 'locale', label: 'Locale' },
  { key: 'plan', label: 'Plan' },
  { key: 'clickId', label: 'Click id' },
] as const;

export type ProfileKey = (typeof PROFILE_FIELDS)[number]['key'];
export type ProfileDraft = Record<ProfileKey, string>;

export type AttributeKind = 'text' | 'number' | 'boolean' | 'json';

export interface AttributeDraft {
  uid: string;
  key: string;
  kind: AttributeKind;
  value: string;
  removed: boolean;
  original?: { key: string; value: unknown };
}

let uidCounter = 0;
export const newUid = () => `attr-${++uidCounter}`;

export function profileDraft(c: TCustomer): ProfileDraft {
  const draft = {} as ProfileDraft;
  for (const { key } of PROFILE_FIELDS) {
    const value = c[key];
    draft[key] = value === null ? '' : String(value);
  }
  return draft;
}

function kindOf(value: unknown): AttributeKind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

function textOf(value: unknown, kind: AttributeKind): string {
  return kind === 'json' ? JSON.stringify(value, null, 2) : String(value);
}

export function attributeDrafts(attributes: Record<string, unknown>): AttributeDraft[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => {
      const kind = kindOf(value);
      return { uid: newUid(), key, kind, value: textOf(value, kind), removed: false, original: { key, value } };
    });
}

export function emptyAttribute(): AttributeDraft {
  return { uid: newUid(), key: '', kind: 'text', value: '', removed: false };
}

function parseValue(draft: AttributeDraft): { ok: true; value: unknown } | { ok: false; error: string } {
  const raw = draft.value;
  switch (draft.kind) {
    case 'text':
      return { ok: true, value: raw };
    case 'number': {
      const n = Number(raw.trim());
      return raw.trim() !== '' && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: `${draft.key}: not a number` };
    }
    case 'boolean':
      return { ok: true, value: raw === 'true' };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(raw) };
      } catch {
        return { ok: false, error: `${draft.key}: not valid JSON` };
      }
  }
}

export interface EditResult {
  changes: Record<string, unknown>;
  errors: string[];
}

function profileChanges(customer: TCustomer, profile: ProfileDraft, out: EditResult) {
  for (const { key, label } of PROFILE_FIELDS) {
    const next = profile[key].trim();
    const before = customer[key] === null ? '' : String(customer[key]);
    if (next === before) continue;
    if (key === 'externalId') {
      if (next === '') out.errors.push('External id cannot be removed once set');
      else out.changes.externalId = next;
    } else if (key === 'teamSize') {
      const n = Number(next);
      if (next === '') out.changes.teamSize = null;
      else if (Number.isFinite(n)) out.changes.teamSize = n;
      else out.errors.push(`${label} must be a number`);
    } else {
      out.changes[key] = next === '' ? null : next;
    }
  }
}

function attributeChanges(drafts: AttributeDraft[], out: EditResult) {
  const attributes: Record<string, unknown> = {};
  const kept = new Set<string>();
  for (const draft of drafts) {
    const key = draft.key.trim();
    if (draft.removed || (!draft.original && key === '' && draft.value === '')) continue;
    if (kept.has(key)) {
      out.errors.push(`Attribute "${key}" appears twice`);
      continue;
    }
    kept.add(key);
    const parsed = parseValue({ ...draft, key });
    if (!parsed.ok) {
      out.errors.push(`Attribute ${parsed.error}`);
      continue;
    }
    const same = draft.original?.key === key && JSON.stringify(draft.original.value) === JSON.stringify(parsed.value);
    if (!same) attributes[key] = parsed.value;
  }
  for (const draft of drafts) {
    const original = draft.original?.key;
    if (original && !kept.has(original)) attributes[original] = null;
  }
  if (Object.keys(attributes).length > 0) out.changes.attributes = attributes;
}

const LABELS: Record<string, string> = Object.fromEntries(PROFILE_FIELDS.map((f) => [f.key, f.label]));

/** What the server's schema says about the body, in the form's words (`Team size: …`, `Attribute plan-tier: …`). */
function schemaErrors(changes: Record<string, unknown>): string[] {
  const parsed = ZCustomerInput.safeParse(changes);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [field, ...rest] = issue.path;
    if (field === 'attributes') return `Attribute ${formatPath(rest) || ''}: ${issue.message}`.replace(' :', ':');
    return `${LABELS[String(field)] ?? formatPath(issue.path)}: ${issue.message}`;
  });
}

export function buildCustomerUpdate(customer: TCustomer, profile: ProfileDraft, drafts: AttributeDraft[]): EditResult {
  const result: EditResult = { changes: {}, errors: [] };
  profileChanges(customer, profile, result);
  attributeChanges(drafts, result);
  if (result.errors.length === 0) result.errors.push(...schemaErrors(result.changes));
  return result;
}
