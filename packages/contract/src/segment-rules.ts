/**
 * The segment rule language (REST.md "Segments"): which fields a rule may name, each field's type,
 * the operators that fit each type, and the zod schema that validates a rule set against a
 * catalog of fields. Every surface (REST, tRPC, the typed client, the SPA's rule builder)
 * validates with it; the SQL of each field is compiled in one place in the db layer
 * (packages/db/src/analytics/segment-rules.ts), which names the same fields.
 *
 * The catalog grows by composition: the automation milestone builds its own catalog with
 * `extendCatalog` (customer rules plus `milestones.<key>`, event rules with `properties.<key>`)
 * and validates with `ruleListSchema(thatCatalog)`.
 */
import { z } from 'zod';
import { ATTRIBUTE_LIMITS } from './attributes';
import { LIFECYCLE_STAGES, RISK_LEVELS } from './customer';
import { isStorableInstant, isStorableText, TEXT_MESSAGE, zText } from './text';

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

const ORDERED: RuleOperator[] = ['gt', 'gte', 'lt', 'lte'];
const PRESENCE: RuleOperator[] = ['exists', 'notExists'];

/** The operators each type takes (plus `exists`/`notExists` when the field is nullable). */
const OPERATORS_BY_TYPE: Record<RuleFieldType, readonly RuleOperator[]> = {
  text: ['eq', 'neq', 'contains', 'notContains', 'in', 'notIn'],
  number: ['eq', 'neq', ...ORDERED, 'in', 'notIn'],
  money: ['eq', 'neq', ...ORDERED, 'in', 'notIn'],
  date: ['before', 'after', 'withinLastDays'],
  enum: ['eq', 'neq', 'in', 'notIn'],
  boolean: ['eq', 'neq'],
  json: RULE_OPERATORS.filter((op) => !PRESENCE.includes(op)),
  count: ['eq', 'neq', ...ORDERED],
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

type Issue = { path: (string | number)[]; message: string };

const ISO_DATE = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

function isInstant(v: unknown): boolean {
  return typeof v === 'string' && ISO_DATE.safeParse(v).success && isStorableInstant(v);
}

function hasTwoDecimals(n: number): boolean {
  return Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
}

/** Why a scalar does not fit the field's type for the operator; null when it fits. */
function scalarProblem(spec: RuleFieldSpec, op: RuleOperator, v: unknown): string | null {
  switch (spec.type) {
    case 'text':
      return typeof v === 'string' ? null : `${spec.label} compares with text`;
    case 'number':
      return typeof v === 'number' ? null : `${spec.label} compares with a number`;
    case 'money':
      if (typeof v !== 'number') return `${spec.label} compares with an amount`;
      return hasTwoDecimals(v) ? null : 'Amounts have at most 2 decimals';
    case 'enum':
      return typeof v === 'string' && spec.values?.includes(v) ? null : `Must be one of: ${spec.values?.join(', ')}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `${spec.label} compares with true or false`;
    case 'count':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e12 ? null : 'Event counts compare with a whole number ≥ 0';
    case 'json':
      if (ORDERED.includes(op)) return typeof v === 'number' ? null : `${op} compares an attribute with a number`;
      return ['string', 'number', 'boolean'].includes(typeof v) ? null : 'Attributes compare with a string, number or boolean';
    case 'date':
      return `${spec.label} takes before, after or withinLastDays`;
  }
}

function textProblem(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  if (!isStorableText(v)) return TEXT_MESSAGE;
  if (v.length > SEGMENT_LIMITS.maxValueLength) return `Values are at most ${SEGMENT_LIMITS.maxValueLength} characters`;
  return null;
}

/** Every problem of one rule against a catalog, with paths relative to the rule. */
export function ruleIssues(catalog: RuleCatalog, rule: SegmentRule): Issue[] {
  const issues: Issue[] = [];
  const resolved = resolveRuleField(catalog, rule.field);
  if (!resolved) {
    const family = catalog.families.find((f) => rule.field.startsWith(f.prefix));
    const message = family ? `Keys after "${family.prefix}" are 1–64 characters of A–Z, a–z, 0–9 and _` : `Unknown field "${rule.field}"`;
    return [{ path: ['field'], message }];
  }
  const { spec } = resolved;
  if (!operatorsFor(spec).includes(rule.operator)) {
    issues.push({ path: ['operator'], message: `${spec.label} takes ${operatorsFor(spec).join(', ')}; not ${rule.operator}` });
    return issues;
  }
  if (spec.type !== 'count') {
    if (rule.event !== undefined) issues.push({ path: ['event'], message: 'Only eventCount rules take an event name' });
    if (rule.withinDays !== undefined) issues.push({ path: ['withinDays'], message: 'Only eventCount rules take withinDays' });
  }
  const v = rule.value;
  const op = rule.operator;
  if (op === 'exists' || op === 'notExists') {
    if (v !== undefined) issues.push({ path: ['value'], message: `${op} takes no value` });
    return issues;
  }
  if (v === undefined) return [...issues, { path: ['value'], message: `${op} needs a value` }];
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(v) || v.length === 0) return [...issues, { path: ['value'], message: `${op} takes a list of 1–1,000 values` }];
    if (v.length > SEGMENT_LIMITS.maxInList) {
      return [...issues, { path: ['value'], message: `${op} lists hold at most ${SEGMENT_LIMITS.maxInList} values` }];
    }
    v.forEach((item, i) => {
      const problem = textProblem(item) ?? scalarProblem(spec, op, item);
      if (problem) issues.push({ path: ['value', i], message: problem });
    });
    return issues;
  }
  if (Array.isArray(v)) return [...issues, { path: ['value'], message: `Only in and notIn take a list` }];
  if (op === 'withinLastDays') {
    const ok = typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= SEGMENT_LIMITS.maxDays;
    if (!ok) issues.push({ path: ['value'], message: `withinLastDays takes a whole number of days, 1–${SEGMENT_LIMITS.maxDays}` });
    return issues;
  }
  if (op === 'before' || op === 'after') {
    if (!isInstant(v)) issues.push({ path: ['value'], message: `${op} takes an ISO date or date-time (1970 or later)` });
    return issues;
  }
  const problem = textProblem(v) ?? scalarProblem(spec, op, v);
  if (problem) issues.push({ path: ['value'], message: problem });
  if ((op === 'contains' || op === 'notContains') && v === '') issues.push({ path: ['value'], message: `${op} needs some text` });
  return issues;
}

// Strings are checked for storable text and length by ruleIssues, so the issue names the value.
const ZRuleScalar = z.union([z.string(), z.number(), z.boolean()]);

/** A rule's shape; what fits its field is checked by `ruleListSchema` (so issues name the rule). */
export const ZSegmentRule = z
  .strictObject({
    field: zText().min(1).max(200).meta({
      description:
        'What the rule compares: a profile field (email, name, company, role, locale, plan, teamSize), a score (lifecycleStage, riskLevel, health, engagementScore, expansionScore), ltv, lastActivityAt, createdAt, active, acquisition.source / .medium / .campaign, `attributes.<key>`, or eventCount',
      example: 'plan',
    }),
    operator: z.enum(RULE_OPERATORS).meta({ description: 'How it compares; the operators that fit depend on the field’s type' }),
    value: z
      .union([ZRuleScalar, z.array(ZRuleScalar)])
      .meta({
        description:
          'The value compared with: a string (≤ 1,000 characters), number or boolean; a list of 1–1,000 of them for in / notIn; an ISO date or date-time for before / after; whole days for withinLastDays; omitted for exists / notExists',
        example: 'enterprise',
      })
      .optional(),
    event: zText()
      .min(1)
      .max(SEGMENT_LIMITS.maxEventName)
      .meta({ description: 'eventCount only: count only events with this name', example: 'purchase' })
      .optional(),
    withinDays: z
      .number()
      .int()
      .min(1)
      .max(SEGMENT_LIMITS.maxDays)
      .meta({ description: 'eventCount only: count only events of the last N days (effective time)', example: 30 })
      .optional(),
  })
  .meta({ id: 'SegmentRule', description: 'One rule: `field operator value` (see the rule language of REST.md)' });

/** A list of rules, each checked against the catalog: a problem is an issue at `<i>.field|operator|value`. */
export function ruleListSchema(catalog: RuleCatalog) {
  return z
    .array(ZSegmentRule)
    .max(SEGMENT_LIMITS.maxRules, `At most ${SEGMENT_LIMITS.maxRules} rules`)
    .superRefine((rules, ctx) => {
      rules.forEach((rule, i) => {
        for (const issue of ruleIssues(catalog, rule as SegmentRule)) {
          ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message });
        }
      });
    });
}

export const SEGMENT_MATCHES = ['all', 'any'] as const;
export type SegmentMatch = (typeof SEGMENT_MATCHES)[number];

export const ZSegmentMatch = z
  .enum(SEGMENT_MATCHES)
  .meta({ description: '`all`: a customer must match every rule (no rules: everyone); `any`: at least one (no rules: no one)' });

export const ZCustomerRules = ruleListSchema(CUSTOMER_RULE_CATALOG).meta({
  description: 'At most 50 rules; a field, operator or value that does not fit is a 400 naming the rule (`rules.3.operator`)',
  example: [{ field: 'plan', operator: 'eq', value: 'enterprise' }],
});
