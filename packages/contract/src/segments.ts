/** Segment entity schemas shared by the API, the typed client and the SPA (REST.md "Segments"). */
import { z } from 'zod';
import { EXAMPLE_CUSTOMER_ID, EXAMPLE_TIME, isoTime, nullableIsoTime, ZCustomerId, ZExternalIdOutput } from './customer';
import { type SegmentRule, ZCustomerRules, ZSegmentMatch, ZSegmentRule } from './segment-rules';
import { zText } from './text';

export const EXAMPLE_SEGMENT_ID = 'seg_01kt134r00ad3x6r6gkybayx00';

export const ZSegmentId = zText().min(1).max(64).meta({ description: 'Segment id (`seg_…`)', example: EXAMPLE_SEGMENT_ID });

const name = zText().min(1, 'A name is required').max(100, 'At most 100 characters');
const description = zText().max(1000, 'At most 1,000 characters');

export const EXAMPLE_RULES: SegmentRule[] = [
  { field: 'plan', operator: 'eq', value: 'enterprise' },
  { field: 'health', operator: 'lt', value: 40 },
  { field: 'eventCount', operator: 'eq', value: 0, event: 'purchase', withinDays: 30 },
];

export const ZSegment = z
  .object({
    id: z.string().meta({ description: 'Segment id (`seg_…`)', example: EXAMPLE_SEGMENT_ID }),
    name: z.string().meta({ description: 'Name, shown on customers', example: 'Enterprise at risk' }),
    description: z.string().nullable().meta({ description: 'What the segment is for; null when not set' }),
    match: ZSegmentMatch,
    rules: z.array(ZSegmentRule).meta({ description: 'The rules, in the order given' }),
    customerCount: z.number().int().meta({ description: 'Live customers in the segment as of countedAt', example: 42 }),
    countedAt: nullableIsoTime(
      'When the members and customerCount were last brought up to date (within a minute of any data change; hourly for changes time alone makes)',
      'until the first count, moments after creation',
    ),
    createdAt: isoTime('When the segment was created'),
    updatedAt: isoTime('When the segment was last changed'),
  })
  .meta({ id: 'Segment', description: 'A rule-based group of customers with its current size' });
export type TSegment = z.infer<typeof ZSegment>;

export const SEGMENT_EXAMPLE = {
  id: EXAMPLE_SEGMENT_ID,
  name: 'Enterprise at risk',
  description: 'Enterprise accounts with low health and no purchase in 30 days',
  match: 'all',
  rules: EXAMPLE_RULES,
  customerCount: 42,
  countedAt: EXAMPLE_TIME,
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-01T08:00:00.000Z',
} satisfies TSegment;

export const ZSegmentCreateInput = z.strictObject({
  name: name.meta({ description: 'Name, 1–100 characters', example: 'Enterprise at risk' }),
  description: description.nullable().meta({ description: 'What the segment is for (at most 1,000 characters); null for none' }).optional(),
  match: ZSegmentMatch.optional(),
  rules: ZCustomerRules,
});
export type TSegmentCreateInput = z.infer<typeof ZSegmentCreateInput>;

export const ZSegmentPatch = z.strictObject({
  name: name.meta({ description: 'New name, 1–100 characters' }).optional(),
  description: description.nullable().meta({ description: 'New description; null clears it' }).optional(),
  match: ZSegmentMatch.optional(),
  rules: ZCustomerRules.optional(),
});
export type TSegmentPatch = z.infer<typeof ZSegmentPatch>;

export const ZSegmentEstimateInput = z.strictObject({ match: ZSegmentMatch.optional(), rules: ZCustomerRules });
export type TSegmentEstimateInput = z.infer<typeof ZSegmentEstimateInput>;

export const SEGMENT_CHANGES = ['entered', 'left'] as const;

export const ZSegmentChange = z
  .object({
    customerId: ZCustomerId,
    externalId: ZExternalIdOutput,
    change: z.enum(SEGMENT_CHANGES).meta({ description: '`entered`: the customer joined the segment; `left`: it no longer matches' }),
    at: isoTime('When the recount that found the change ran'),
  })
  .meta({ id: 'SegmentChange', description: 'A customer entering or leaving a segment' });
export type TSegmentChange = z.infer<typeof ZSegmentChange>;

export const SEGMENT_CHANGE_EXAMPLE = {
  customerId: EXAMPLE_CUSTOMER_ID,
  externalId: 'user-42',
  change: 'entered',
  at: EXAMPLE_TIME,
} satisfies TSegmentChange;

/** The segment questions across the analytics boundary (plain data; see AnalyticsEngine in core). */
export interface TRuleSetQuery {
  envId: string;
  match: 'all' | 'any';
  rules: SegmentRule[];
  /** The time rules are evaluated at (windows, `active`). */
  now: Date;
  /** The environment's activeDays setting (the `active` field). */
  activeDays: number;
}

export interface TSegmentMatchQuery extends TRuleSetQuery {
  customerId: string;
}

/** Recount these segments (null: all of the environment's) for these customers (null: everyone). */
export interface TSegmentRefreshInput {
  envId: string;
  segmentIds: string[] | null;
  customerIds: string[] | null;
  now: Date;
  activeDays: number;
}

export interface TSegmentRefreshResult {
  segments: number;
  entered: number;
  left: number;
}
