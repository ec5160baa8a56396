/**
 * The segment rule SQL of columns of a scalar type (text, number, money, date, enum) and of
 * `active`; the semantics of each type are written in segment-rules.ts.
 */
import { isActive, likePattern } from '../queries/customers-read';
import { type Bool, type CustomerEb, DAY_MS, type FieldSql, fail, list, num, type Operand, SQL_OP, scalar } from './segment-rule-common';
import type { RuleContext, RuleInput, RuleScalar } from './segment-types';

export type ScalarType = 'text' | 'integer' | 'money' | 'date' | 'enum';

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

/** A rule on a column of a scalar type (see the semantics in segment-rules.ts). */
export function scalarRule(eb: CustomerEb, x: Operand, type: ScalarType, rule: RuleInput, ctx: RuleContext): Bool {
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

export const column =
  (type: ScalarType, ref: Parameters<CustomerEb['ref']>[0]): FieldSql =>
  (eb, rule, ctx) =>
    scalarRule(eb, eb.ref(ref), type, rule, ctx);

/** `active` eq/neq true|false: ANALYTICS.md's activity predicate, the one shared with the customer list. */
export const activeRule: FieldSql = (eb, rule, ctx) => {
  const wanted = (rule.operator === 'eq') === (scalar(rule) === true);
  const since = new Date(ctx.now.getTime() - ctx.activeDays * DAY_MS);
  const active = isActive(eb, since);
  return wanted ? active : eb.or([eb('customers.lastEventAt', 'is', null), eb.not(active)]);
};
