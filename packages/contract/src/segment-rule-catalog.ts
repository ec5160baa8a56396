/**
 * The segment rule language's vocabulary (REST.md "Segments"): the operators, each field's type,
 * the operators that fit each type, and the catalog of fields a rule may name. Validation against
 * a catalog is in segment-rules.ts; the SQL of each field is compiled in one place in the db layer
 * (packages/db/src/analytics/segment-rules.ts), which names the same fields.
 *
 * The catalog grows by composition: the automation milestone builds its own catalog with
 * `extendCatalog` (customer rules plus `milestones.<key>`, event rules with `properties.<key>`)
 * and validates with `ruleListSchema(thatCatalog)`.
 */
import { ATTRIBUTE_LIMITS } from './attributes';
import { LIFECYCLE_STAGES, RISK_LEVELS } from './customer';

export const RULE_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'notContains',
  'in',
  'notIn',
  'exists',
  'notExists',
  'before',
  'after',
  'withinLastDays',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/** REST.md's limits of a rule set and of an environment's segments. */
export const SEGMENT_LIMITS = {
  maxRules: 50,
  maxSegments: 100,
  maxValueLength: 1000,
  maxInList: 1000,
  /** The longest window of `withinLastDays` and `withinDays` (100 years). */
  maxDays: 36_500,
  maxEventName: 50,
} as const;

/**
 * Field types: `text` (profile strings), `number`, `money` (a decimal in the workspace currency,
 * at most 2 places), `date` (an instant), `enum` (one of `values`), `boolean`, `json` (a custom
 * attribute: its JSON type decides per customer), `count` (events counted per customer).
 */
export const RULE_FIELD_TYPES = ['text', 'number', 'money', 'date', 'enum', 'boolean', 'json', 'count'] as const;
export type RuleFieldType = (typeof RULE_FIELD_TYPES)[number];

export interface RuleFieldSpec {
  type: RuleFieldType;
  /** What the rule builder shows. */
  label: string;
  /** Whether the field can be missing (then `exists` / `notExists` apply). */
  nullable: boolean;
  /** The allowed values of an `enum` field. */
  values?: readonly string[];
}

/** Fields named by a prefix and a key, e.g. `attributes.plan_tier`. */
export interface RuleFieldFamily extends RuleFieldSpec {
  prefix: string;
  /** Keys are checked against this before any SQL sees them (then passed as parameters). */
  keyPattern: RegExp;
}

export interface RuleCatalog {
  fields: Readonly<Record<string, RuleFieldSpec>>;
  families: readonly RuleFieldFamily[];
}

/** The ordered comparisons (numbers, amounts, counts; numbers only on an attribute). */
export const ORDERED_OPERATORS: readonly RuleOperator[] = ['gt', 'gte', 'lt', 'lte'];
const PRESENCE: RuleOperator[] = ['exists', 'notExists'];

/** The operators each type takes (plus `exists`/`notExists` when the field is nullable). */
const OPERATORS_BY_TYPE: Record<RuleFieldType, readonly RuleOperator[]> = {
  text: ['eq', 'neq', 'contains', 'notContains', 'in', 'notIn'],
  number: ['eq', 'neq', ...ORDERED_OPERATORS, 'in', 'notIn'],
  money: ['eq', 'neq', ...ORDERED_OPERATORS, 'in', 'notIn'],
  date: ['before', 'after', 'withinLastDays'],
  enum: ['eq', 'neq', 'in', 'notIn'],
  boolean: ['eq', 'neq'],
  json: RULE_OPERATORS.filter((op) => !PRESENCE.includes(op)),
  count: ['eq', 'neq', ...ORDERED_OPERATORS],
};

export function operatorsFor(spec: RuleFieldSpec): readonly RuleOperator[] {
  const ops = OPERATORS_BY_TYPE[spec.type];
  return spec.nullable ? [...ops, ...PRESENCE] : ops;
}

const text = (label: string): RuleFieldSpec => ({ type: 'text', label, nullable: true });
const score = (label: string, nullable: boolean): RuleFieldSpec => ({ type: 'number', label, nullable });

/** Customer segments: every field of REST.md's rule list. */
export const CUSTOMER_RULE_CATALOG: RuleCatalog = {
  fields: {
    email: text('Email'),
    name: text('Name'),
    company: text('Company'),
    role: text('Role'),
    locale: text('Locale'),
    plan: text('Plan'),
    teamSize: score('Team size', true),
    lifecycleStage: { type: 'enum', label: 'Lifecycle stage', nullable: false, values: LIFECYCLE_STAGES },
    riskLevel: { type: 'enum', label: 'Risk level', nullable: true, values: RISK_LEVELS },
    health: score('Health', true),
    engagementScore: score('Engagement score', false),
    expansionScore: score('Expansion score', false),
    ltv: { type: 'money', label: 'Lifetime value', nullable: false },
    lastActivityAt: { type: 'date', label: 'Last activity', nullable: true },
    createdAt: { type: 'date', label: 'Signed up', nullable: false },
    active: { type: 'boolean', label: 'Active', nullable: false },
    'acquisition.source': text('Acquisition source'),
    'acquisition.medium': text('Acquisition medium'),
    'acquisition.campaign': text('Acquisition campaign'),
    eventCount: { type: 'count', label: 'Event count', nullable: false },
  },
  families: [{ prefix: 'attributes.', type: 'json', label: 'Attribute', nullable: true, keyPattern: ATTRIBUTE_LIMITS.keyPattern }],
};

/** A catalog with more fields or families (the automation milestone's `milestones.<key>`). */
export function extendCatalog(base: RuleCatalog, more: Partial<RuleCatalog>): RuleCatalog {
  return { fields: { ...base.fields, ...more.fields }, families: [...base.families, ...(more.families ?? [])] };
}

export interface ResolvedField {
  /** The catalog entry: a fixed field's, or its family's. */
  spec: RuleFieldSpec;
  /** The fixed field's name, or the family's prefix. */
  name: string;
  /** The key after a family's prefix (`plan_tier` of `attributes.plan_tier`). */
  key?: string;
}

/** The catalog entry of a rule's field; undefined for an unknown field or a key the family refuses. */
export function resolveRuleField(catalog: RuleCatalog, field: string): ResolvedField | undefined {
  const fixed = Object.hasOwn(catalog.fields, field) ? catalog.fields[field] : undefined;
  if (fixed) return { spec: fixed, name: field };
  for (const family of catalog.families) {
    if (!field.startsWith(family.prefix)) continue;
    const key = field.slice(family.prefix.length);
    return family.keyPattern.test(key) ? { spec: family, name: family.prefix, key } : undefined;
  }
  return undefined;
}

export type RuleScalar = string | number | boolean;
export type RuleValue = RuleScalar | RuleScalar[];

/** One rule as stored and returned; `value` is omitted for exists / notExists. */
export interface SegmentRule {
  field: string;
  operator: RuleOperator;
  value?: RuleValue;
  /** eventCount only: count only events with this name. */
  event?: string;
  /** eventCount only: count only events of the last N days. */
  withinDays?: number;
}
