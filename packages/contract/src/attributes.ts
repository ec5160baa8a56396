/**
 * Custom attribute rules of REST.md, shared by every write path (customer attributes and event
 * properties): key names, value kinds, nesting depth, string length and key counts.
 */
import { z } from 'zod';
import { isStorableText, TEXT_MESSAGE } from './text';

export const ATTRIBUTE_LIMITS = {
  maxKeys: 500,
  maxArrayKeys: 15,
  maxStringLength: 1000,
  keyPattern: /^[A-Za-z0-9_]{1,64}$/,
} as const;

export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

type Issue = { path: PropertyKey[]; message: string };

const KEY_MESSAGE = 'Key names are 1–64 characters of A–Z, a–z, 0–9 and _';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkScalar(value: unknown, path: PropertyKey[], issues: Issue[]): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push({ path, message: 'Numbers must be finite' });
    return true;
  }
  if (typeof value === 'string') {
    if (!isStorableText(value)) issues.push({ path, message: TEXT_MESSAGE });
    else if (value.length > ATTRIBUTE_LIMITS.maxStringLength) {
      issues.push({ path, message: `Strings are at most ${ATTRIBUTE_LIMITS.maxStringLength} characters` });
    }
    return true;
  }
  return false;
}

function checkKey(key: string, path: PropertyKey[], issues: Issue[]): void {
  if (!ATTRIBUTE_LIMITS.keyPattern.test(key)) issues.push({ path: [...path, key], message: KEY_MESSAGE });
}

/** A flat object: scalar values, plus (when `allowArrays`) one more level of arrays of flat objects. */
function checkFlatObject(obj: Record<string, unknown>, path: PropertyKey[], issues: Issue[], allowArrays: boolean) {
  for (const [key, value] of Object.entries(obj)) {
    checkKey(key, path, issues);
    const at = [...path, key];
    if (checkScalar(value, at, issues)) continue;
    if (Array.isArray(value) && allowArrays) {
      checkArray(value, at, issues, false);
      continue;
    }
    issues.push({
      path: at,
      message: allowArrays
        ? 'Values inside array items are scalars or arrays of flat objects'
        : 'Arrays nest at most one level: values here must be scalars',
    });
  }
}

function checkArray(items: unknown[], path: PropertyKey[], issues: Issue[], allowNested: boolean) {
  for (const [i, item] of items.entries()) {
    const at = [...path, i];
    if (checkScalar(item, at, issues)) continue;
    if (isPlainObject(item)) checkFlatObject(item, at, issues, allowNested);
    else issues.push({ path: at, message: 'Array items are scalars or flat objects' });
  }
}

/** Checks one top-level value; paths are relative to the attributes object. */
export function checkAttributeValue(key: string, value: unknown, issues: Issue[]): void {
  checkKey(key, [], issues);
  if (checkScalar(value, [key], issues)) return;
  if (Array.isArray(value)) {
    checkArray(value, [key], issues, true);
    return;
  }
  if (isPlainObject(value)) {
    issues.push({
      path: [key],
      message: 'Plain object values are not allowed: use an array of flat objects or flatten the keys',
    });
    return;
  }
  issues.push({ path: [key], message: 'Unsupported value type' });
}

export interface AttributeRuleOptions {
  maxKeys: number;
  maxArrayKeys: number | null;
  label: string;
}

/**
 * The limits a merge of valid documents can still break: key counts. Values were checked when
 * they came in, so a merged document only needs this (cheap) pass.
 */
export function attributeCountIssues(doc: Record<string, unknown>, options: AttributeRuleOptions): Issue[] {
  const keys = Object.keys(doc);
  const issues: Issue[] = [];
  if (keys.length > options.maxKeys) {
    issues.push({ path: [], message: `${options.label} have at most ${options.maxKeys} keys (got ${keys.length})` });
  }
  if (options.maxArrayKeys !== null) {
    let arrayKeys = 0;
    for (const key of keys) if (Array.isArray(doc[key])) arrayKeys++;
    if (arrayKeys > options.maxArrayKeys) {
      issues.push({ path: [], message: `${options.label} have at most ${options.maxArrayKeys} array-valued keys (got ${arrayKeys})` });
    }
  }
  return issues;
}

/** Every rule, returning issues with paths relative to the attributes object. */
export function attributeIssues(doc: Record<string, unknown>, options: AttributeRuleOptions): Issue[] {
  const issues = attributeCountIssues(doc, options);
  for (const key of Object.keys(doc)) checkAttributeValue(key, doc[key], issues);
  return issues;
}

function attributeSchema(options: AttributeRuleOptions, description: string, example: Attributes) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((doc, ctx) => {
      for (const issue of attributeIssues(doc, options)) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
    })
    .meta({ description, example });
}

export const CUSTOMER_ATTRIBUTE_RULES: AttributeRuleOptions = {
  maxKeys: ATTRIBUTE_LIMITS.maxKeys,
  maxArrayKeys: ATTRIBUTE_LIMITS.maxArrayKeys,
  label: 'Attributes',
};

export const EVENT_PROPERTY_RULES: AttributeRuleOptions = { maxKeys: 50, maxArrayKeys: null, label: 'Properties' };

/** Custom fields of a customer. A key set to `null` on an update removes it. */
export const ZAttributes = attributeSchema(
  CUSTOMER_ATTRIBUTE_RULES,
  'Custom fields: ≤500 keys (≤15 array-valued), key names [A-Za-z0-9_]{1,64}, values are strings (≤1,000 chars), numbers, booleans, ISO dates, null, or arrays of scalars or flat objects (one more nesting level at most). A key set to null on an update removes it.',
  { plan_tier: 'gold', seats: 12, beta: true },
);

export const ZEventProperties = attributeSchema(
  EVENT_PROPERTY_RULES,
  'Event properties: ≤50 keys, with the value and key rules of customer attributes.',
  { order_id: 'ord_1042', items: 3, coupon: 'WINTER10' },
);
