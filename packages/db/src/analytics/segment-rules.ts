/**
 * The segment rule compiler: the one place where rules become SQL (REST.md "Segments"). Each rule
 * compiles to a boolean expression over a `customers` row through kysely's ExpressionBuilder;
 * every value and every attribute key is a bound parameter, never SQL text.
 *
 * The field registry (`FIELD_SQL`, `FAMILY_SQL`) maps each field of the contract's catalog to its
 * SQL and to the operator family of its type; the automation milestone adds entries here
 * (`milestones.<key>`) and reuses `jsonRule` for event `properties.<key>` over `events.properties`.
 * The SQL of each family lives beside this file: segment-rule-scalar.ts (typed columns, `active`),
 * segment-rule-events.ts (`eventCount`), segment-rule-json.ts (jsonb keys).
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
import { type Bool, type CustomerEb, type FamilySql, type FieldSql, fail } from './segment-rule-common';
import { eventCountRule } from './segment-rule-events';
import { jsonRule } from './segment-rule-json';
import { activeRule, column } from './segment-rule-scalar';
import type { RuleContext, RuleInput, RuleSet } from './segment-types';

export type { CustomerEb } from './segment-rule-common';
export { jsonRule } from './segment-rule-json';

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
