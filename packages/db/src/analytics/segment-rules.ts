/**
 * The segment rule compiler: the one place where rules become SQL (REST.md "Segments"). Each rule
 * compiles to a boolean expression over a `customers` row through kysely's ExpressionBuilder;
 * every value and every attribute key is a bound parameter, never SQL text.
 *
 * The field registry (`FIELD_SQL`, `FAMILY_SQL`) maps each field of the contract's catalog to its
 * SQL and to the operator family of its type; the automation milestone adds entries here
 * (`milestones.<key>`) and reuses `jsonRule` for event `properties.<key>` over `events.properties`.
 *
 * Semantics, for each type (a missing value is SQL null, or an absent attribute key):
 * - text (email, name, company, role, locale, plan, acquisition.*): `eq`/`neq`/`in`/`notIn`
 *   compare exactly (case-sensitive, as stored); `contains`/`notContains` are case-insensitive
 *   literal substrings (`%` and `_` escaped, like search).
 * - number (teamSize, health, engagementScore, expansionScore; integers): the usual comparisons;
 *   a fractional bound is moved to the equivalent integer one (`health < 40.5` ⟺ `health < 41`),
 *   so parameters keep the column's type and its index.
 * - money (ltv): the decimal is compared in integer minor units, exactly.
 * - date (lastActivityAt, createdAt): `before` x < v, `after` x > v, `withinLastDays` N:
 *   now − N days < x ≤ now (ANALYTICS.md "the last N days").
 * - enum (lifecycleStage, riskLevel) compare exactly; boolean (`active`, ANALYTICS.md's activity
 *   predicate, shared with the customer list): `eq`/`neq` true|false.
 * - count (eventCount): events per customer, optionally only those named `event` and those of the
 *   last `withinDays` days (effective time); without either, the stored aggregate.
 * - json (`attributes.<key>`), by the attribute's JSON type per customer: `eq`/`in` compare JSON
 *   values (1 = 1.0; "1" ≠ 1); `neq`/`notIn` match a value of the same JSON type as the rule's value
 *   (any of the list's types) that differs; `gt`…`lte` numbers only; `contains`/`notContains` a
 *   string (case-insensitive substring) or an array (holding / not holding an element equal to the
 *   value); `before`/`after`/`withinLastDays` strings that parse as ISO dates or date-times (UTC
 *   when no offset); any other type simply does not match.
 * - Missing values match only `notExists` and `neq` (REST.md), on every field: `notIn`,
 *   `notContains` and the comparisons do not match a missing value.
 * - `match: all` of no rules is everyone; `any` of no rules is no one.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { isActive, likePattern } from '../queries/customers-read';
import type { DB } from '../types';
import type { RuleContext, RuleInput, RuleScalar, RuleSet } from './segment-types';

export type CustomerEb = ExpressionBuilder<DB, 'customers'>;
type EventsDb = DB & { e: DB['events'] };
type Bool = Expression<SqlBool>;
// A compiled operand is compared with parameters of any column type.
type Operand = Expression<any>;

const DAY_MS = 86_400_000;

type ScalarType = 'text' | 'integer' | 'money' | 'date' | 'enum';

/** A field's SQL: how one rule on it compiles. */
type FieldSql = (eb: CustomerEb, rule: RuleInput, ctx: RuleContext) => Bool;

/** A family's SQL: fields named by a prefix and a key (`attributes.<key>`). */
type FamilySql = (eb: CustomerEb, key: string, rule: RuleInput, ctx: RuleContext) => Bool;

function fail(rule: RuleInput, why: string): never {
  throw new Error(`segment rule on ${rule.field} (${rule.operator}): ${why}`);
}

const list = (rule: RuleInput): RuleScalar[] => (Array.isArray(rule.value) ? rule.value : fail(rule, 'expected a list'));
const scalar = (rule: RuleInput): RuleScalar =>
  rule.value === undefined || Array.isArray(rule.value) ? fail(rule, 'expected one value') : rule.value;
const num = (rule: RuleInput, v: unknown = scalar(rule)): number => (typeof v === 'number' ? v : fail(rule, 'expected a number'));

function instant(rule: RuleInput): Date {
  const at = new Date(String(scalar(rule)));
  return Number.isNaN(at.getTime()) ? fail(rule, 'expected an ISO date') : at;
}

/** `now − N days < x ≤ now`. */
function withinLastDays(eb: CustomerEb, x: Operand, days: number, now: Date): Bool {
  return eb.and([eb(x, '>', new Date(now.getTime() - days * DAY_MS)), eb(x, '<=', now)]);
}

/** Minor units of a decimal amount (half away from zero, as money is stored). */
const toMinor = (amount: number) => Math.sign(amount) * Math.round(Math.abs(amount) * 100);

/**
 * An ordered comparison of an integer column with any number, as the equivalent integer bound:
 * x > 40.5 ⟺ x > 40, x ≥ 40.5 ⟺ x ≥ 41, x < 40.5 ⟺ x < 41, x ≤ 40.5 ⟺ x ≤ 40.
 */
function integerBound(op: 'gt' | 'gte' | 'lt' | 'lte', v: number): number {
  return op === 'gt' || op === 'lte' ? Math.floor(v) : Math.ceil(v);
}

const SQL_OP = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** A rule on a column of a scalar type (see the semantics above). */
function scalarRule(eb: CustomerEb, x: Operand, type: ScalarType, rule: RuleInput, ctx: RuleContext): Bool {
  const op = rule.operator;
  const whole = type === 'integer' || type === 'money';
  const norm = (v: RuleScalar) => (type === 'money' ? toMinor(num(rule, v)) : v);
  // Integer columns never equal a fractional value.
  const fits = (v: RuleScalar) => !whole || Number.isInteger(norm(v));
  switch (op) {
    case 'eq':
      return fits(scalar(rule)) ? eb(x, '=', norm(scalar(rule))) : eb.lit(false);
    case 'neq':
      return fits(scalar(rule)) ? eb.or([eb(x, 'is', null), eb(x, '<>', norm(scalar(rule)))]) : eb.lit(true);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = Number(norm(scalar(rule)));
      return eb(x, SQL_OP[op], whole ? integerBound(op, v) : v);
    }
    case 'in':
    case 'notIn': {
      const values = list(rule).filter(fits).map(norm);
      if (op === 'in') return values.length ? eb(x, 'in', values) : eb.lit(false);
      return values.length ? eb(x, 'not in', values) : eb(x, 'is not', null);
    }
    case 'contains':
      return eb(x, 'ilike', likePattern(String(scalar(rule))));
    case 'notContains':
      return eb(x, 'not ilike', likePattern(String(scalar(rule))));
    case 'exists':
      return eb(x, 'is not', null);
    case 'notExists':
      return eb(x, 'is', null);
    case 'before':
      return eb(x, '<', instant(rule));
    case 'after':
      return eb(x, '>', instant(rule));
    case 'withinLastDays':
      return withinLastDays(eb, x, num(rule), ctx.now);
  }
}

const column =
  (type: ScalarType, ref: Parameters<CustomerEb['ref']>[0]): FieldSql =>
  (eb, rule, ctx) =>
    scalarRule(eb, eb.ref(ref), type, rule, ctx);

/** `active` eq/neq true|false: ANALYTICS.md's activity predicate, the one shared with the customer list. */
const activeRule: FieldSql = (eb, rule, ctx) => {
  const wanted = (rule.operator === 'eq') === (scalar(rule) === true);
  const since = new Date(ctx.now.getTime() - ctx.activeDays * DAY_MS);
  const active = isActive(eb, since);
  return wanted ? active : eb.or([eb('customers.lastEventAt', 'is', null), eb.not(active)]);
};

const compare = (count: number, op: RuleInput['operator'], n: number): boolean =>
  op === 'eq'
    ? count === n
    : op === 'neq'
      ? count !== n
      : op === 'gt'
        ? count > n
        : op === 'gte'
          ? count >= n
          : op === 'lt'
            ? count < n
            : count <= n;

/**
 * `eventCount`: the stored count when unfiltered. Filtered by name or window:
 * - a predicate that holds for every count ≥ 1 (or for none) is an EXISTS probe of the customer's
 *   events (`events_env_customer_eff_idx`), which stops at the first one;
 * - a predicate false at 0 (`gte 10`) is membership in the customers with such a count, one
 *   grouped pass over the environment's events in the window (a hash semi-join), which beats a
 *   count per customer when most customers are evaluated;
 * - a predicate true at 0 (`lt 5`) stays a correlated count: customers without events match too.
 */
const eventCountRule: FieldSql = (eb, rule, ctx) => {
  const op = rule.operator;
  if (!(op in SQL_OP) && op !== 'neq') fail(rule, 'not an event count comparison');
  const n = num(rule);
  const cmp = op === 'neq' ? '<>' : SQL_OP[op as keyof typeof SQL_OP];
  if (rule.event === undefined && rule.withinDays === undefined) return eb('customers.eventCount', cmp, n);
  // The rule's own conditions on events (`e`), shared by the per-customer and the grouped forms.
  const conditions = (w: ExpressionBuilder<EventsDb, 'e'>) => {
    const and: Bool[] = [];
    if (rule.event !== undefined) and.push(w('e.name', '=', rule.event));
    if (rule.withinDays !== undefined) {
      and.push(w('e.effectiveAt', '>', new Date(ctx.now.getTime() - rule.withinDays * DAY_MS)), w('e.effectiveAt', '<=', ctx.now));
    }
    return w.and(and);
  };
  const ofCustomer = () =>
    eb
      .selectFrom('events as e')
      .whereRef('e.environmentId', '=', 'customers.environmentId')
      .whereRef('e.customerId', '=', 'customers.id')
      .where(conditions);
  const zero = compare(0, op, n);
  const everyPositive = (op === 'gt' && n < 1) || (op === 'gte' && n <= 1) || (op === 'neq' && n === 0);
  const noPositive = (op === 'lt' && n <= 1) || (op === 'lte' && n < 1) || (op === 'eq' && n === 0);
  const any = () => eb.exists(ofCustomer().select(sql.lit(1).as('one')));
  if (everyPositive) return zero ? eb.lit(true) : any();
  if (noPositive) return zero ? eb.not(any()) : eb.lit(false);
  if (!zero) {
    const counted = eb
      .selectFrom('events as e')
      .where('e.environmentId', '=', ctx.envId)
      .where(conditions)
      .select('e.customerId')
      .groupBy('e.customerId')
      .having((h) => h(h.fn.countAll(), cmp, n));
    return eb('customers.id', 'in', counted);
  }
  return eb(
    ofCustomer().select((e) => e.fn.countAll<number>().as('n')),
    cmp,
    n,
  );
};

const JSON_SCALARS = ['string', 'number', 'boolean'];
const jsonType = (v: RuleScalar) => typeof v;

/**
 * A rule on one key of a jsonb document (`attributes.<key>` here; event `properties.<key>` later),
 * by the value's JSON type per row (see the semantics above). The key is a parameter.
 */
export function jsonRule(eb: CustomerEb, doc: Operand, key: string, rule: RuleInput, ctx: RuleContext): Bool {
  const v = sql<unknown>`(${doc} -> ${key}::text)`;
  const text = sql<string>`(${doc} ->> ${key}::text)`;
  const type = sql<string>`jsonb_typeof(${v})`;
  const isType = (t: string) => eb(type, '=', t);
  const json = (value: unknown) => sql<unknown>`${JSON.stringify(value)}::jsonb`;
  const op = rule.operator;
  switch (op) {
    case 'eq':
      return eb(v, '=', json(scalar(rule)));
    case 'neq':
      return eb.or([eb(v, 'is', null), eb.and([isType(jsonType(scalar(rule))), eb(v, '<>', json(scalar(rule)))])]);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const n = sql`(case when ${type} = 'number' then ${v}::numeric end)`;
      return eb(n, SQL_OP[op], sql`${String(num(rule))}::numeric`);
    }
    case 'in':
    case 'notIn': {
      const held = sql<SqlBool>`${json(list(rule))} @> jsonb_build_array(${v})`;
      const types = [...new Set(list(rule).map(jsonType))];
      return op === 'in' ? eb.and([eb(type, 'in', JSON_SCALARS), held]) : eb.and([eb(type, 'in', types), eb.not(held)]);
    }
    case 'contains':
    case 'notContains': {
      const value = scalar(rule);
      const inArray = sql<SqlBool>`${v} @> jsonb_build_array(${json(value)})`;
      const yes = op === 'contains';
      const arrayCase = eb.and([isType('array'), yes ? inArray : eb.not(inArray)]);
      if (typeof value !== 'string') return arrayCase;
      const substring = eb(text, yes ? 'ilike' : 'not ilike', likePattern(value));
      return eb.or([eb.and([isType('string'), substring]), arrayCase]);
    }
    case 'exists':
      return eb(type, '<>', 'null');
    case 'notExists':
      return eb(eb.fn.coalesce(type, sql.lit('null')), '=', 'null');
    case 'before':
    case 'after':
    case 'withinLastDays': {
      const at = sql`tenure_iso_instant(case when ${type} = 'string' then ${text} end)`;
      return scalarRule(eb, at, 'date', rule, ctx);
    }
  }
}

/** The field registry: every fixed field of the contract's customer catalog. */
export const FIELD_SQL: Record<string, FieldSql> = {
  email: column('text', 'customers.email'),
  name: column('text', 'customers.name'),
  company: column('text', 'customers.company'),
  role: column('text', 'customers.role'),
  locale: column('text', 'customers.locale'),
  plan: column('text', 'customers.plan'),
  teamSize: column('integer', 'customers.teamSize'),
  lifecycleStage: column('enum', 'customers.lifecycleStage'),
  riskLevel: column('enum', 'customers.riskLevel'),
  health: column('integer', 'customers.health'),
  engagementScore: column('integer', 'customers.engagementScore'),
  expansionScore: column('integer', 'customers.expansionScore'),
  ltv: column('money', 'customers.revenueMinor'),
  lastActivityAt: column('date', 'customers.lastEventAt'),
  createdAt: column('date', 'customers.createdAt'),
  active: activeRule,
  'acquisition.source': column('text', 'customers.acqSource'),
  'acquisition.medium': column('text', 'customers.acqMedium'),
  'acquisition.campaign': column('text', 'customers.acqCampaign'),
  eventCount: eventCountRule,
};

/** Families of fields by prefix; keys were checked against the attribute key pattern by the contract. */
export const FAMILY_SQL: Record<string, FamilySql> = {
  'attributes.': (eb, key, rule, ctx) => jsonRule(eb, eb.ref('customers.attributes'), key, rule, ctx),
};

const KEY_PATTERN = /^[A-Za-z0-9_]{1,64}$/;

/** One rule as a boolean expression over `customers`. */
export function compileRule(eb: CustomerEb, rule: RuleInput, ctx: RuleContext): Bool {
  const fixed = Object.hasOwn(FIELD_SQL, rule.field) ? FIELD_SQL[rule.field] : undefined;
  if (fixed) return fixed(eb, rule, ctx);
  for (const [prefix, family] of Object.entries(FAMILY_SQL)) {
    if (!rule.field.startsWith(prefix)) continue;
    const key = rule.field.slice(prefix.length);
    // Checked by the contract already; checked again because a key reaches SQL (as a parameter).
    if (!KEY_PATTERN.test(key)) fail(rule, 'bad key');
    return family(eb, key, rule, ctx);
  }
  return fail(rule, 'unknown field');
}

/**
 * A rule set as one boolean expression over `customers`: the single predicate behind estimates,
 * recounts and the one-customer evaluation.
 * @example db.selectFrom('customers').where((eb) => segmentPredicate(eb, { match: 'all', rules }, ctx))
 */
export function segmentPredicate(eb: CustomerEb, set: RuleSet, ctx: RuleContext): Bool {
  const parts = set.rules.map((rule) => compileRule(eb, rule, ctx));
  if (parts.length === 0) return eb.lit(set.match === 'all');
  return set.match === 'all' ? eb.and(parts) : eb.or(parts);
}
