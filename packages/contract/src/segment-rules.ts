/**
 * Validation of segment rules (REST.md "Segments"): every problem of a rule against a catalog of
 * fields (segment-rule-catalog.ts), and the zod schemas that report them as issues naming the
 * rule. Every surface (REST, tRPC, the typed client, the SPA's rule builder) validates with it.
 */
import { z } from 'zod';
import {
  CUSTOMER_RULE_CATALOG,
  ORDERED_OPERATORS,
  operatorsFor,
  RULE_OPERATORS,
  type RuleCatalog,
  type RuleFieldSpec,
  type RuleOperator,
  resolveRuleField,
  SEGMENT_LIMITS,
  type SegmentRule,
} from './segment-rule-catalog';
import { isStorableInstant, isStorableText, TEXT_MESSAGE, zText } from './text';

export * from './segment-rule-catalog';

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
      if (ORDERED_OPERATORS.includes(op)) return typeof v === 'number' ? null : `${op} compares an attribute with a number`;
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
