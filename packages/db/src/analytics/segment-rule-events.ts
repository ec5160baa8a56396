/** The segment rule SQL of `eventCount` (the semantics are written in segment-rules.ts). */
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../types';
import { type Bool, DAY_MS, type FieldSql, fail, num, SQL_OP } from './segment-rule-common';
import type { RuleInput } from './segment-types';

type EventsDb = DB & { e: DB['events'] };

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
export const eventCountRule: FieldSql = (eb, rule, ctx) => {
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
