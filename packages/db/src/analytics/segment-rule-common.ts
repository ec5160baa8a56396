/**
 * What the segment rule compiler's parts share (segment-rules.ts is the compiler): the types of
 * a compiled rule, the readers of a rule's value (a validated rule that still does not fit is a
 * programming error, so they throw), and the SQL of the comparison operators.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../types';
import type { RuleContext, RuleInput, RuleScalar } from './segment-types';

export type CustomerEb = ExpressionBuilder<DB, 'customers'>;
export type Bool = Expression<SqlBool>;
// A compiled operand is compared with parameters of any column type.
export type Operand = Expression<any>;

/** A field's SQL: how one rule on it compiles. */
export type FieldSql = (eb: CustomerEb, rule: RuleInput, ctx: RuleContext) => Bool;

/** A family's SQL: fields named by a prefix and a key (`attributes.<key>`). */
export type FamilySql = (eb: CustomerEb, key: string, rule: RuleInput, ctx: RuleContext) => Bool;

export const DAY_MS = 86_400_000;

export function fail(rule: RuleInput, why: string): never {
  throw new Error(`segment rule on ${rule.field} (${rule.operator}): ${why}`);
}

export const list = (rule: RuleInput): RuleScalar[] => (Array.isArray(rule.value) ? rule.value : fail(rule, 'expected a list'));
export const scalar = (rule: RuleInput): RuleScalar =>
  rule.value === undefined || Array.isArray(rule.value) ? fail(rule, 'expected one value') : rule.value;
export const num = (rule: RuleInput, v: unknown = scalar(rule)): number => (typeof v === 'number' ? v : fail(rule, 'expected a number'));

export const SQL_OP = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
