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
import { buildDataset, type Dataset, isoDaysAgo } from './dataset';
import { expectedMembers, type RefCustomer } from './reference';

// The dataset's clock: cases name instants relative to the times the dataset was written with.
const NOW = Date.now();

let database: Database;
let data: Dataset;
let customers: RefCustomer[];

beforeAll(async () => {
  database = await setupTestDb();
  data = await buildDataset(database.db, NOW);
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
  'role eq is case-sensitive': [r('role', 'eq', 'CTO')],
  'role contains is case-insensitive': [r('role', 'contains', 'cto')],
  'role neq (missing matches)': [r('role', 'neq', 'CTO')],
  'role in': [r('role', 'in', ['Engineer', 'Head of Growth'])],
  'role notContains skips missing values': [r('role', 'notContains', 'o')],
  'role notExists': [r('role', 'notExists')],
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
  'ltv neq': [r('ltv', 'neq', 10.25)],
  'ltv notIn': [r('ltv', 'notIn', [0, 10.25])],
  'ltv lt is strict at an exact amount': [r('ltv', 'lt', 200.5)],
  'ltv gte at an exact amount': [r('ltv', 'gte', 200.5)],
  // dates
  'lastActivityAt withinLastDays': [r('lastActivityAt', 'withinLastDays', 7)],
  'lastActivityAt before': [r('lastActivityAt', 'before', new Date(Date.now() - 30 * 86_400_000).toISOString())],
  'lastActivityAt after a date': [r('lastActivityAt', 'after', new Date(Date.now() - 15 * 86_400_000).toISOString().slice(0, 10))],
  'lastActivityAt notExists': [r('lastActivityAt', 'notExists')],
  'lastActivityAt exists': [r('lastActivityAt', 'exists')],
  'createdAt withinLastDays': [r('createdAt', 'withinLastDays', 60)],
  'createdAt withinLastDays: created exactly 30 days before is outside': [r('createdAt', 'withinLastDays', 30)],
  'createdAt after a date': [r('createdAt', 'after', isoDaysAgo(NOW, 100, 'day'))],
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
  'attribute gte: numbers only, at a fractional edge': [r('attributes.seats', 'gte', 7.5)],
  'attribute lt is strict at a fractional edge': [r('attributes.score', 'lt', 4.5)],
  'attribute lt': [r('attributes.seats', 'lt', 7.5)],
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
  'attribute withinLastDays, every past date': [r('attributes.renewal', 'withinLastDays', 36_500)],
  // `reviewed`: 27 (date-time), 29 (+02:00) and 25 (a bare date) days ago inside 30 days, 31
  // (+02:00) and 33 outside, 3 days in the future
  'attribute withinLastDays 30: a few days inside and outside, never the future': [r('attributes.reviewed', 'withinLastDays', 30)],
  'attribute withinLastDays 28: between 27 and 29 days': [r('attributes.reviewed', 'withinLastDays', 28)],
  'attribute withinLastDays 26: a bare date is its midnight (UTC)': [r('attributes.reviewed', 'withinLastDays', 26)],
  'attribute withinLastDays 25: the midnight 25 days ago is outside': [r('attributes.reviewed', 'withinLastDays', 25)],
  'attribute withinLastDays 1: the future is outside': [r('attributes.reviewed', 'withinLastDays', 1)],
  'attribute before a stored instant is strict': [r('attributes.reviewed', 'before', isoDaysAgo(NOW, 27))],
  'attribute after a stored instant is strict': [r('attributes.reviewed', 'after', isoDaysAgo(NOW, 27))],
  'attribute after now: only the future': [r('attributes.reviewed', 'after', isoDaysAgo(NOW, 0))],
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
  'eventCount withinDays 30 takes an event 29 days old': [r('eventCount', 'eq', 1, { event: 'signup', withinDays: 30 })],
  'eventCount withinDays 28 leaves it out': [r('eventCount', 'eq', 0, { event: 'signup', withinDays: 28 })],
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

it('the reference puts the window edges where the dataset was written (checked by hand)', () => {
  const byHand: Record<string, string[]> = {
    'attribute withinLastDays 30: a few days inside and outside, never the future': ['ada', 'cleo', 'eve'],
    'attribute withinLastDays 28: between 27 and 29 days': ['ada', 'cleo'],
    'attribute withinLastDays 26: a bare date is its midnight (UTC)': ['cleo'],
    'attribute withinLastDays 25: the midnight 25 days ago is outside': [],
    'attribute withinLastDays 1: the future is outside': [],
    'attribute before a stored instant is strict': ['bob', 'eve', 'finn'],
    'attribute after a stored instant is strict': ['cleo', 'dan'],
    'attribute after now: only the future': ['dan'],
    'createdAt withinLastDays: created exactly 30 days before is outside': ['cleo'],
    'ltv lt is strict at an exact amount': ['bob', 'cleo', 'dan', 'finn'],
    'attribute lt is strict at a fractional edge': ['eve'],
    'role eq is case-sensitive': ['ada'],
  };
  const now = Date.now();
  for (const [name, members] of Object.entries(byHand)) {
    expect({ name, members: expectedMembers(customers, 'all', CASES[name] ?? [], now) }).toEqual({ name, members });
  }
});
