/**
 * The rule builder's drafts: what each row's inputs hold (strings, as typed), turned into the
 * contract's rules and validated with the same schema the server uses, so a row shows the
 * server's message for its own field, operator or value.
 */
import {
  CUSTOMER_RULE_CATALOG,
  operatorsFor,
  type RuleFieldSpec,
  type RuleOperator,
  type RuleScalar,
  resolveRuleField,
  type SegmentRule,
  ZCustomerRules,
} from '@tenure/contract';

/** How a typed attribute value is read (attributes hold any JSON type). */
export type JsonValueType = 'text' | 'number' | 'boolean';

export interface RuleDraft {
  /** A stable React key. */
  id: number;
  /** A catalog field, or `attributes.` for an attribute (its key in `attrKey`). */
  field: string;
  attrKey: string;
  operator: RuleOperator;
  /** One value as typed (a number, a date `YYYY-MM-DD`, `true`/`false`, text). */
  text: string;
  /** in / notIn: the values. */
  list: string[];
  valueType: JsonValueType;
  /** eventCount only. */
  event: string;
  withinDays: string;
}

export const ATTRIBUTE_FIELD = 'attributes.';

let nextId = 1;

export function newDraft(field = 'plan'): RuleDraft {
  const spec = specOf(field);
  return {
    id: nextId++,
    field,
    attrKey: '',
    operator: spec ? (operatorsFor(spec)[0] as RuleOperator) : 'eq',
    text: spec?.type === 'boolean' ? 'true' : spec?.type === 'enum' ? (spec.values?.[0] ?? '') : '',
    list: [],
    valueType: 'text',
    event: '',
    withinDays: '',
  };
}

/** The catalog entry of a draft's field (`attributes.` is the attribute family). */
export function specOf(field: string): RuleFieldSpec | undefined {
  if (field === ATTRIBUTE_FIELD) return CUSTOMER_RULE_CATALOG.families[0];
  return resolveRuleField(CUSTOMER_RULE_CATALOG, field)?.spec;
}

/** A rule loaded for editing, as a draft. */
export function draftOf(rule: SegmentRule): RuleDraft {
  const isAttribute = rule.field.startsWith(ATTRIBUTE_FIELD);
  const values = Array.isArray(rule.value) ? rule.value : rule.value === undefined ? [] : [rule.value];
  const first = values[0];
  return {
    ...newDraft(),
    field: isAttribute ? ATTRIBUTE_FIELD : rule.field,
    attrKey: isAttribute ? rule.field.slice(ATTRIBUTE_FIELD.length) : '',
    operator: rule.operator,
    text: Array.isArray(rule.value) || first === undefined ? '' : String(first),
    list: Array.isArray(rule.value) ? rule.value.map(String) : [],
    valueType: typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'text',
    event: rule.event ?? '',
    withinDays: rule.withinDays === undefined ? '' : String(rule.withinDays),
  };
}

/** A typed string as the JSON value the field takes; numbers stay strings when they do not parse (the schema says why). */
function scalar(spec: RuleFieldSpec, draft: RuleDraft, raw: string): RuleScalar {
  const asNumber = (s: string) => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  switch (spec.type) {
    case 'number':
    case 'money':
    case 'count':
      return asNumber(raw);
    case 'boolean':
      return raw === 'true';
    case 'json':
      if (draft.valueType === 'number' || ['gt', 'gte', 'lt', 'lte'].includes(draft.operator)) return asNumber(raw);
      return draft.valueType === 'boolean' ? raw === 'true' : raw;
    default:
      return raw;
  }
}

export function toRule(draft: RuleDraft): SegmentRule {
  const field = draft.field === ATTRIBUTE_FIELD ? `${ATTRIBUTE_FIELD}${draft.attrKey.trim()}` : draft.field;
  const spec = specOf(draft.field);
  const rule: SegmentRule = { field, operator: draft.operator };
  if (spec?.type === 'count') {
    if (draft.event.trim()) rule.event = draft.event.trim();
    if (draft.withinDays.trim()) rule.withinDays = Number(draft.withinDays);
  }
  if (!spec || draft.operator === 'exists' || draft.operator === 'notExists') return rule;
  if (draft.operator === 'in' || draft.operator === 'notIn') {
    rule.value = draft.list.map((v) => scalar(spec, draft, v));
  } else if (draft.operator === 'withinLastDays') {
    if (draft.text.trim()) rule.value = Number(draft.text);
  } else if (draft.text !== '' || spec.type === 'boolean') {
    rule.value = draft.operator === 'before' || draft.operator === 'after' ? draft.text : scalar(spec, draft, draft.text);
  }
  return rule;
}

export interface DraftCheck {
  rules: SegmentRule[];
  /** Problems by row index, each with the part of the row it concerns. */
  problems: Map<number, { part: string; message: string }[]>;
  valid: boolean;
}

/** The drafts as rules, checked by the contract's schema (the server's own check). */
export function checkDrafts(drafts: RuleDraft[]): DraftCheck {
  const rules = drafts.map(toRule);
  const problems = new Map<number, { part: string; message: string }[]>();
  const parsed = ZCustomerRules.safeParse(rules);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [index, part = 'rule'] = issue.path;
      const i = typeof index === 'number' ? index : -1;
      problems.set(i, [...(problems.get(i) ?? []), { part: String(part), message: issue.message }]);
    }
  }
  return { rules, problems, valid: parsed.success };
}
