/**
 * The segment rule language in plain JavaScript over the test's own data (REST.md "Segments"
 * and the semantics written in packages/db/src/analytics/segment-rules.ts): the expected members
 * of every rule test come from here, never from the compiler.
 */
import type { SegmentRule, TCustomer } from '@tenure/contract';

export const DAY = 86_400_000;

export interface RefEvent {
  name: string;
  at: Date;
}

export interface RefCustomer {
  customer: TCustomer;
  events: RefEvent[];
}

type Value = string | number | boolean | null | undefined | unknown[];

function field(c: RefCustomer, name: string): Value {
  const x = c.customer;
  if (name.startsWith('attributes.')) {
    const key = name.slice('attributes.'.length);
    return Object.hasOwn(x.attributes, key) ? (x.attributes[key] as Value) : undefined;
  }
  if (name.startsWith('acquisition.')) return x.acquisition[name.slice('acquisition.'.length) as 'source'];
  return (x as unknown as Record<string, Value>)[name];
}

const missing = (v: Value) => v === null || v === undefined;

/** An ISO date or date-time string as an instant, like tenure_iso_instant (UTC without offset). */
function isoInstant(v: Value): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  if (!m[4]) return day.getTime();
  const hasOffset = Boolean(m[7]);
  const ms = Date.parse(hasOffset ? v : `${v}Z`);
  return Number.isNaN(ms) ? null : ms;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'neq':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    default:
      return a <= b;
  }
}

function inWindow(t: number, days: number, now: number): boolean {
  return t > now - days * DAY && t <= now;
}

function dateRule(t: number | null, rule: SegmentRule, now: number): boolean {
  if (rule.operator === 'exists') return t !== null;
  if (rule.operator === 'notExists') return t === null;
  if (t === null) return false;
  if (rule.operator === 'before') return t < Date.parse(String(rule.value));
  if (rule.operator === 'after') return t > Date.parse(String(rule.value));
  return inWindow(t, Number(rule.value), now);
}

function jsonRule(v: Value, rule: SegmentRule, now: number): boolean {
  const op = rule.operator;
  const r = rule.value;
  if (op === 'exists') return !missing(v);
  if (op === 'notExists') return missing(v);
  if (op === 'neq') return missing(v) || (typeof v === typeof r && v !== r);
  if (missing(v)) return false;
  const scalar = ['string', 'number', 'boolean'].includes(typeof v);
  switch (op) {
    case 'eq':
      return v === r;
    case 'in':
      return scalar && (r as unknown[]).includes(v);
    case 'notIn':
      return scalar && (r as unknown[]).some((x) => typeof x === typeof v) && !(r as unknown[]).includes(v);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof v === 'number' && compare(v, op, r as number);
    case 'contains':
    case 'notContains': {
      const yes = op === 'contains';
      if (Array.isArray(v)) return v.includes(r) === yes;
      if (typeof v === 'string' && typeof r === 'string') return v.toLowerCase().includes(r.toLowerCase()) === yes;
      return false;
    }
    default:
      return dateRule(isoInstant(v), rule, now);
  }
}

function scalarRule(v: Value, rule: SegmentRule, now: number): boolean {
  const op = rule.operator;
  const r = rule.value;
  if (op === 'exists') return !missing(v);
  if (op === 'notExists') return missing(v);
  if (op === 'neq') return missing(v) || v !== r;
  if (missing(v)) return false;
  if (op === 'before' || op === 'after' || op === 'withinLastDays') return dateRule(Date.parse(String(v)), rule, now);
  switch (op) {
    case 'eq':
      return v === r;
    case 'in':
      return (r as unknown[]).includes(v);
    case 'notIn':
      return !(r as unknown[]).includes(v);
    case 'contains':
      return String(v).toLowerCase().includes(String(r).toLowerCase());
    case 'notContains':
      return !String(v).toLowerCase().includes(String(r).toLowerCase());
    default:
      return compare(v as number, op, r as number);
  }
}

export function matchesRule(c: RefCustomer, rule: SegmentRule, now: number, activeDays = 30): boolean {
  if (rule.field === 'active') {
    const last = c.customer.lastActivityAt ? Date.parse(c.customer.lastActivityAt) : null;
    const active = last !== null && last > now - activeDays * DAY;
    return rule.operator === 'eq' ? active === rule.value : active !== rule.value;
  }
  if (rule.field === 'eventCount') {
    const n = c.events.filter(
      (e) =>
        (rule.event === undefined || e.name === rule.event) &&
        (rule.withinDays === undefined || inWindow(e.at.getTime(), rule.withinDays, now)),
    ).length;
    return compare(n, rule.operator, rule.value as number);
  }
  const v = field(c, rule.field);
  return rule.field.startsWith('attributes.') ? jsonRule(v, rule, now) : scalarRule(v, rule, now);
}

/** External ids of the customers a rule set matches, sorted. */
export function expectedMembers(customers: RefCustomer[], match: 'all' | 'any', rules: SegmentRule[], now: number): string[] {
  return customers
    .filter((c) => (match === 'all' ? rules.every((r) => matchesRule(c, r, now)) : rules.some((r) => matchesRule(c, r, now))))
    .map((c) => c.customer.externalId as string)
    .sort();
}
