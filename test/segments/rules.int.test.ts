/**
 * The rule language, field × operator family, against the known dataset: the stored members of a
 * created segment, the estimate and the one-customer evaluation all equal the members computed
 * independently by the plain-JavaScript reference (test/segments/reference.ts).
 */
import type { SegmentRule } from '@tenure/contract';
import { customerMatchesRules } from '@tenure/core';
import type { Database } from '@tenure/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestDb } from '../helpers/db';
import { buildDataset, type Dataset } from './dataset';
import { expectedMembers, type RefCustomer } from './reference';

let database: Database;
let data: Dataset;
let customers: RefCustomer[];

beforeAll(async () => {
  database = await setupTestDb();
  data = await buildDataset(database.db);
  customers = await data.customers();
}, 60_000);
afterAll(() => database?.close());

const r = (
  field: string,
  operator: SegmentRule['operator'],
  value?: SegmentRule['value'],
  extra: Partial<SegmentRule> = {},
): SegmentRule => ({
  field,
  operator,
  ...(value !== undefined ? { value } : {}),
  ...extra,
});

const CASES: Record<string, SegmentRule[]> = {
  // text
  'text eq is exact': [r('plan', 'eq', 'enterprise')],
  'text eq is case-sensitive': [r('email', 'eq', 'bob@example.org')],
  'text neq matches missing values': [r('email', 'neq', 'ada@example.com')],
  'text contains is a case-insensitive substring': [r('email', 'contains', 'EXAMPLE.COM')],
  'text contains takes % and _ literally': [r('name', 'contains', '100% Real_')],
  'text contains % matches only a literal %': [r('name', 'contains', '%')],
  'text notContains skips missing values': [r('company', 'notContains', 'co')],
  'text in / notIn': [r('plan', 'in', ['pro', 'free'])],
  'text notIn skips missing values': [r('locale', 'notIn', ['en-GB'])],
  'text exists': [r('company', 'exists')],
  'text notExists': [r('email', 'notExists')],
  'a value that looks like SQL is a value': [r('name', 'eq', "x' or '1'='1")],
  'SQL in a contains value': [r('company', 'contains', '; drop table customers; --')],
  // numbers
  'number eq': [r('teamSize', 'eq', 12)],
  'number eq with a fraction matches no integer': [r('teamSize', 'eq', 12.5)],
  'number neq (missing matches)': [r('teamSize', 'neq', 12)],
  'number gt / lte': [r('teamSize', 'gt', 3), r('teamSize', 'lte', 12)],
  'number gte / lt with fractional bounds': [r('teamSize', 'gte', 2.5), r('teamSize', 'lt', 12.5)],
  'number in / notIn': [r('teamSize', 'in', [0, 7, 7.5])],
  'number notIn skips missing values': [r('teamSize', 'notIn', [12])],
  'number exists / notExists': [r('teamSize', 'notExists')],
  'health is missing without events': [r('health', 'notExists')],
  'health lt': [r('health', 'lt', 60)],
  'health gte': [r('health', 'gte', 40.5)],
  'engagement and expansion scores': [r('engagementScore', 'gt', 0), r('expansionScore', 'gte', 0)],
  // money
  'ltv gt in currency units': [r('ltv', 'gt', 10.25)],
  'ltv eq exact cents': [r('ltv', 'eq', 10.25)],
  'ltv in': [r('ltv', 'in', [0, 501.01])],
  // dates
  'lastActivityAt withinLastDays': [r('lastActivityAt', 'withinLastDays', 7)],
  'lastActivityAt before': [r('lastActivityAt', 'before', new Date(Date.now() - 30 * 86_400_000).toISOString())],
  'lastActivityAt after a date': [r('lastActivityAt', 'after', new Date(Date.now() - 15 * 86_400_000).toISOString().slice(0, 10))],
  'lastActivityAt notExists': [r('lastActivityAt', 'notExists')],
  'createdAt withinLastDays': [r('createdAt', 'withinLastDays', 60)],
  'createdAt before': [r('createdAt', 'before', new Date(Date.now() - 150 * 86_400_000).toISOString())],
  // enums and booleans
  'lifecycleStage eq': [r('lifecycleStage', 'eq', 'new')],
  'lifecycleStage neq': [r('lifecycleStage', 'neq', 'active')],
  'lifecycleStage in / notIn': [r('lifecycleStage', 'notIn', ['new', 'dormant'])],
  'riskLevel exists': [r('riskLevel', 'exists')],
  'riskLevel in': [r('riskLevel', 'in', ['low', 'medium'])],
  'riskLevel neq (missing matches)': [r('riskLevel', 'neq', 'low')],
  'active eq true': [r('active', 'eq', true)],
  'active eq false': [r('active', 'eq', false)],
  'active neq true': [r('active', 'neq', true)],
  // acquisition
  'acquisition.source eq': [r('acquisition.source', 'eq', 'google')],
  'acquisition.campaign exists': [r('acquisition.campaign', 'exists')],
  'acquisition.medium notExists': [r('acquisition.medium', 'notExists')],
  // attributes by JSON type
  'attribute eq string': [r('attributes.tier', 'eq', 'gold')],
  'attribute eq number (a numeric string does not match)': [r('attributes.seats', 'eq', 12)],
  'attribute eq boolean': [r('attributes.beta', 'eq', true)],
  'attribute neq: missing matches, another type does not': [r('attributes.seats', 'neq', 12)],
  'attribute gt: numbers only': [r('attributes.seats', 'gt', 7)],
  'attribute lte with fractions': [r('attributes.score', 'lte', 4.5)],
  'attribute in mixed types': [r('attributes.seats', 'in', [12, '12', 0])],
  'attribute notIn': [r('attributes.tier', 'notIn', ['gold', 'silver'])],
  'attribute contains a substring': [r('attributes.tier', 'contains', 'OL')],
  'attribute contains an array element': [r('attributes.tags', 'contains', 'beta')],
  'attribute contains a number in an array': [r('attributes.tags', 'contains', 2)],
  'attribute notContains': [r('attributes.tags', 'notContains', 'beta')],
  'attribute exists': [r('attributes.beta', 'exists')],
  'attribute notExists': [r('attributes.beta', 'notExists')],
  'attribute before (invalid dates do not match)': [r('attributes.renewal', 'before', '2026-01-20')],
  'attribute after with offsets': [r('attributes.renewal', 'after', '2025-06-01T07:30:00Z')],
  'attribute withinLastDays': [r('attributes.renewal', 'withinLastDays', 36_500)],
  'an attribute key no one has': [r('attributes.nothing_here', 'exists')],
  // event counts
  'eventCount (stored)': [r('eventCount', 'gte', 3)],
  'eventCount eq 0': [r('eventCount', 'eq', 0)],
  'eventCount of a name': [r('eventCount', 'gte', 2, { event: 'purchase' })],
  'eventCount of a name, none': [r('eventCount', 'eq', 0, { event: 'purchase' })],
  'eventCount within days': [r('eventCount', 'gt', 2, { withinDays: 15 })],
  'eventCount of a name within days': [r('eventCount', 'gte', 1, { event: 'login', withinDays: 30 })],
  'eventCount lt 1 within days': [r('eventCount', 'lt', 1, { withinDays: 30 })],
  'eventCount neq 0 within days': [r('eventCount', 'neq', 0, { withinDays: 5 })],
  'eventCount eq 1 of a name': [r('eventCount', 'eq', 1, { event: 'signup' })],
  'eventCount lte 2 within days': [r('eventCount', 'lte', 2, { withinDays: 100 })],
  // combinations
  'all of several rules': [r('plan', 'eq', 'enterprise'), r('active', 'eq', true), r('attributes.tier', 'exists')],
  'no rules': [],
};

describe.each(['all', 'any'] as const)('match %s', (match) => {
  it.each(Object.entries(CASES))('%s', async (_name, rules) => {
    const expected = expectedMembers(customers, match, rules, Date.now());
    const { segment } = await data.caller.segments.create({ name: `case ${match}`, match, rules });
    try {
      const members = await data.caller.segments.customers({ id: segment.id, limit: 100 });
      expect(members.customers.map((c) => c.externalId).sort()).toEqual(expected);
      expect(segment.customerCount).toBe(expected.length);
      expect(members.total).toBe(expected.length);
      const { estimatedCount } = await data.caller.segments.estimate({ match, rules });
      expect(estimatedCount).toBe(expected.length);
      for (const c of customers) {
        const matches = await customerMatchesRules(database.db, data.envId, c.customer.id, { match, rules });
        expect({ customer: c.customer.externalId, matches }).toEqual({
          customer: c.customer.externalId,
          matches: expected.includes(c.customer.externalId as string),
        });
      }
    } finally {
      await data.caller.segments.delete({ id: segment.id });
    }
  });
});

it('the dataset exercises every case: most rules match some customers and miss others', () => {
  const now = Date.now();
  const splitting = Object.values(CASES).filter((rules) => {
    const n = expectedMembers(customers, 'all', rules, now).length;
    return n > 0 && n < customers.length;
  });
  expect(splitting.length).toBeGreaterThan(Object.keys(CASES).length * 0.75);
});
