/** The segment rule SQL of a key of a jsonb document (the semantics are written in segment-rules.ts). */
import { type SqlBool, sql } from 'kysely';
import { likePattern } from '../queries/customers-read';
import { type Bool, type CustomerEb, list, num, type Operand, SQL_OP, scalar } from './segment-rule-common';
import { scalarRule } from './segment-rule-scalar';
import type { RuleContext, RuleInput, RuleScalar } from './segment-types';

const JSON_SCALARS = ['string', 'number', 'boolean'];
const jsonType = (v: RuleScalar) => typeof v;

/**
 * A rule on one key of a jsonb document (`attributes.<key>` here; event `properties.<key>` later),
 * by the value's JSON type per row (see the semantics in segment-rules.ts). The key is a parameter.
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
