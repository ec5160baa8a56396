/** Rules as short sentences for the segment list and page ("Plan is enterprise", "Health < 40"). */
import { CUSTOMER_RULE_CATALOG, type RuleOperator, resolveRuleField, type SegmentRule } from '@tenure/contract';
import { humanize } from '../../lib/format';

export const OPERATOR_LABEL: Record<RuleOperator, string> = {
  eq: 'is',
  neq: 'is not',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  contains: 'contains',
  notContains: 'does not contain',
  in: 'is one of',
  notIn: 'is none of',
  exists: 'is set',
  notExists: 'is not set',
  before: 'is before',
  after: 'is after',
  withinLastDays: 'is within the last',
};

export function fieldLabel(field: string): string {
  const resolved = resolveRuleField(CUSTOMER_RULE_CATALOG, field);
  if (!resolved) return field;
  return resolved.key ? `Attribute ${resolved.key}` : resolved.spec.label;
}

function valueText(rule: SegmentRule): string {
  const show = (v: unknown) =>
    typeof v === 'string' && rule.field !== 'lifecycleStage' && rule.field !== 'riskLevel' ? `“${v}”` : humanize(String(v));
  if (rule.value === undefined) return '';
  if (Array.isArray(rule.value)) return rule.value.map(show).join(', ');
  if (typeof rule.value === 'boolean') return rule.value ? 'yes' : 'no';
  if (rule.operator === 'withinLastDays') return `${rule.value} days`;
  if (rule.operator === 'before' || rule.operator === 'after') return String(rule.value);
  return show(rule.value);
}

export function ruleText(rule: SegmentRule): string {
  if (rule.field === 'eventCount') {
    const what = rule.event ? `“${rule.event}” events` : 'Events';
    const when = rule.withinDays ? ` in the last ${rule.withinDays} days` : '';
    return `${what}${when} ${OPERATOR_LABEL[rule.operator]} ${rule.value}`;
  }
  return `${fieldLabel(rule.field)} ${OPERATOR_LABEL[rule.operator]} ${valueText(rule)}`.trim();
}

export function rulesText(match: 'all' | 'any', rules: SegmentRule[]): string {
  if (rules.length === 0) return match === 'all' ? 'Everyone' : 'No one (no rules)';
  return rules.map(ruleText).join(match === 'all' ? ' and ' : ' or ');
}
