/** Customer entity schemas shared by the API, the typed client and the SPA. */
import { z } from 'zod';
import { ZAttributes } from './attributes';
import { zInstant, zText } from './text';

/** The instant the document's examples are built around. */
export const EXAMPLE_TIME = '2026-11-30T12:00:00.000Z';
export const EXAMPLE_CUSTOMER_ID = 'cus_01jd8x4k7m2r9p3q5s7t9v1w3y';

// Shared output pieces: the format of a time and the unit of money are written once here; each
// field that returns one adds only what it means, so the document says the same thing everywhere.
const ISO = 'ISO 8601 date-time in UTC with milliseconds';
const MONEY = 'A decimal in the workspace currency (the ISO 4217 code chosen when the workspace was created), rounded to 2 places';

/** A returned instant. */
export function isoTime(meaning: string) {
  return z.string().meta({ description: `${meaning}. ${ISO}`, example: EXAMPLE_TIME });
}

/** A returned instant that may be null. The description sits on the nullable itself, where renderers show it. */
export function nullableIsoTime(meaning: string, nullWhen: string) {
  return z
    .string()
    .nullable()
    .meta({ description: `${meaning}. ${ISO}; null ${nullWhen}`, example: EXAMPLE_TIME });
}

/** A returned amount of money. */
export function money(meaning: string) {
  return z.number().meta({ description: `${meaning}. ${MONEY}`, example: 49.9 });
}

/** A returned nullable amount of money. */
export function nullableMoney(meaning: string, nullWhen: string) {
  return z
    .number()
    .nullable()
    .meta({ description: `${meaning}. ${MONEY}; null ${nullWhen}`, example: 49.9 });
}

export const ZCustomerId = z.string().meta({
  description: 'Tenure customer id (`cus_…`), assigned when the customer is created and never reused',
  example: EXAMPLE_CUSTOMER_ID,
});

/** The integrator's id as returned: always a string. */
export const ZExternalIdOutput = z.string().nullable().meta({
  description:
    'Your own id for the customer, as sent in `externalId` (integers come back as decimal strings); null when it was created without one',
  example: 'user-42',
});

export const LIFECYCLE_STAGES = ['new', 'dormant', 'active', 'reactivated', 'at_risk', 'churned'] as const;
export const ZLifecycleStage = z.enum(LIFECYCLE_STAGES).meta({
  description:
    'Lifecycle stage, the first that applies: `churned` (no event in the last churnDays, 60 by default), `new` (first seen within newDays, 14), `dormant` (no events yet), `reactivated` (active again after a gap of reactivationGapDays, 60), `at_risk` (riskLevel high), else `active`',
});

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const ZRiskLevel = z.enum(RISK_LEVELS).meta({
  description: 'Churn risk band from health: `low` (health ≥ 70 by default), `medium` (≥ 40), else `high`',
});

/** `cus_…` or `ext_<externalId>`; anything else is answered with 404 by the service. */
export const ZCustomerRef = zText().min(1).max(300).meta({
  description: 'The customer: its Tenure id (`cus_…`) or `ext_` followed by your externalId (URL-encoded)',
  example: 'ext_user-42',
});

const printable = /^[^\u0000-\u001f\u007f]+$/;

/** The integrator's id: 1–255 printable characters, or an integer stored as its decimal string. */
export const ZExternalId = z
  .union([
    zText()
      .min(1, 'externalId must not be empty')
      .max(255, 'externalId is at most 255 characters')
      .regex(printable, 'externalId must be printable characters'),
    z
      .number()
      .int('externalId numbers must be integers')
      .refine(Number.isSafeInteger, 'externalId numbers must be safe integers')
      .transform((n) => String(n)),
  ])
  .meta({
    description:
      'Your own id for the customer: 1–255 printable characters, or an integer (stored as its decimal string). Upserts match on it',
    example: 'user-42',
  });

/** A nullable profile string on input; null clears the stored value. */
const text = (max: number, description: string) =>
  zText()
    .max(max, `At most ${max} characters`)
    .nullable()
    .meta({ description: `${description} (at most ${max} characters); null clears it` });

/** Writable profile fields, shared by create/upsert, batch and patch. */
export const customerProfileShape = {
  email: z
    .email('Must be an email address')
    .max(320)
    .nullable()
    .meta({ description: 'Email address (at most 320 characters); null clears it', example: 'ada@example.com' }),
  name: text(255, 'Full name'),
  company: text(255, 'Company name'),
  role: text(255, 'Job role or title'),
  teamSize: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullable()
    .meta({ description: 'Number of people on the customer’s team (0–10,000,000); null clears it', example: 12 }),
  locale: text(35, 'BCP 47 locale, e.g. en-US'),
  plan: text(100, 'Plan name in your system'),
  clickId: text(255, 'Ad or link click id known at identify time (gclid, fbclid, …), used for acquisition when no touchpoint has one'),
  attributes: ZAttributes,
  createdAt: zInstant().meta({
    description:
      'When the customer signed up in your system, for imports of history (ISO 8601 date-time with offset, 1970 or later). Default now; on an update only applied when given; ignored for publishable keys',
    example: '2024-11-22T03:02:37.044Z',
  }),
};

export const ZCustomerInput = z
  .strictObject({ externalId: ZExternalId, ...customerProfileShape })
  .partial()
  .meta({ id: 'CustomerInput', description: 'Customer fields to create or update; omitted fields stay as they are' });
export type TCustomerInput = z.infer<typeof ZCustomerInput>;

/** A nullable returned string; `meaning` plus when it is null. */
const nullableText = (meaning: string, nullWhen: string, example?: string) =>
  z
    .string()
    .nullable()
    .meta({ description: `${meaning}; null ${nullWhen}`, ...(example ? { example } : {}) });

const noTouch = 'when the earliest touchpoint has none (or there is no touchpoint)';

export const ZAcquisition = z
  .object({
    source: nullableText(
      'Source of the earliest touchpoint: its campaign.source, else the referrer’s host, else `(click)` for a click id alone',
      'when there is no touchpoint',
      'google',
    ),
    medium: nullableText('Medium of the earliest touchpoint: its campaign.medium, else `referral` when it has a referrer', noTouch, 'cpc'),
    campaign: nullableText('Campaign name (campaign.name) of the earliest touchpoint', noTouch, 'winter_sale'),
    clickId: nullableText('Click id of the earliest touchpoint, else the click id sent at identify', 'when neither exists'),
    referrer: nullableText('Referrer URL of the earliest touchpoint', noTouch),
    landingUrl: nullableText('URL (context.url) of the earliest touchpoint', noTouch),
    firstSeenAt: isoTime('When the customer was first seen: the earlier of its createdAt and its first event'),
  })
  .meta({
    id: 'Acquisition',
    description:
      'How the customer was acquired: its earliest touchpoint (an event whose context has campaign fields, a clickId or a referrer). Updated before an ingest answers',
  });

export const ZHealthComponents = z
  .object({
    recency: z.number().meta({
      description:
        'Recency R, 0–100 with 2 decimals: 100 on the day of the latest event, falling linearly to 0 at recencyHorizonDays (60 by default)',
      example: 96.67,
    }),
    engagement: z.number().meta({ description: 'Engagement, 0–100: the engagementScore', example: 76 }),
    monetary: z.number().meta({
      description:
        'Monetary trend M, 0–100 with 2 decimals: 50 when revenue in the last 30 days equals the 30 days before, toward 100 as it grows and 0 as it falls',
      example: 62.5,
    }),
  })
  .meta({ id: 'HealthComponents', description: 'The parts health is computed from, weighted 0.5 / 0.35 / 0.15 by default' });

export const ZCustomerSegmentRef = z.object({
  id: z.string().meta({ description: 'Segment id (`seg_…`)', example: 'seg_01kt134r00ad3x6r6gkybayx00' }),
  name: z.string().meta({ description: 'Segment name', example: 'Power users' }),
  since: isoTime('When the customer entered the segment'),
});

const noEvents = 'when the customer has no events';

const ZCustomerObject = z.object({
  id: ZCustomerId,
  externalId: ZExternalIdOutput,
  email: nullableText('Email address', 'when not set', 'ada@example.com'),
  name: nullableText('Full name', 'when not set', 'Ada Lovelace'),
  company: nullableText('Company name', 'when not set'),
  role: nullableText('Job role or title', 'when not set'),
  teamSize: z.number().nullable().meta({ description: 'Number of people on the customer’s team; null when not set', example: 12 }),
  locale: nullableText('BCP 47 locale, e.g. en-US', 'when not set'),
  plan: nullableText('Plan name in your system', 'when not set'),
  clickId: nullableText('Ad or link click id sent at identify time', 'when none was sent'),
  attributes: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Custom fields as stored: updates merge into them and a key set to null is removed; {} when none' }),
  lifecycleStage: ZLifecycleStage,
  health: z
    .number()
    .nullable()
    .meta({
      description: `Health score, an integer 0–100 weighing recency, engagement and monetary trend (see healthComponents); null ${noEvents}`,
      example: 84,
    }),
  healthComponents: ZHealthComponents.nullable().meta({ description: `The parts health is computed from; null ${noEvents}` }),
  previousHealth: z
    .number()
    .nullable()
    .meta({ description: 'The last stored health that differs from the current one; null until health first changes', example: 81 }),
  engagementScore: z.number().meta({
    description:
      'Engagement score, an integer 0–100 from the number of events in the last 30 days (100 at engagementTarget, 20 by default); 0 ' +
      noEvents,
    example: 76,
  }),
  expansionScore: z.number().meta({
    description: `Expansion score, an integer 0–100 from revenue growth over the last 30 days (60%) and engagement (40%); 0 ${noEvents}`,
    example: 50,
  }),
  riskLevel: ZRiskLevel.nullable().meta({
    description: `Churn risk band from health: \`low\` (≥ 70 by default), \`medium\` (≥ 40), else \`high\`; null ${noEvents}`,
  }),
  ltv: money('Lifetime value: the sum of the revenue of all its events, refunds negative'),
  acquisition: ZAcquisition,
  lastActivityAt: nullableIsoTime('Effective time of its latest event (the earlier of the event’s timestamp and receivedAt)', noEvents),
  scoresComputedAt: nullableIsoTime(
    'When the scores (health, riskLevel, lifecycleStage, …) were last computed; they are exact as of this time',
    'until the first refresh, within 5 s of creation',
  ),
  segments: z.array(ZCustomerSegmentRef).meta({ description: 'Segments the customer is in now; [] when none' }),
  nextAction: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: 'The oldest pending playbook intervention for the customer; null when none is pending' }),
  createdAt: isoTime('When the customer signed up: the createdAt you sent, else when Tenure created it'),
  updatedAt: isoTime('When the stored customer last changed'),
});

/** One customer as the API returns it; every example of the document that shows a customer uses it. */
export const CUSTOMER_EXAMPLE = {
  id: EXAMPLE_CUSTOMER_ID,
  externalId: 'user-42',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  company: 'Analytical Engines Ltd',
  role: 'CTO',
  teamSize: 12,
  locale: 'en-GB',
  plan: 'pro',
  clickId: null,
  attributes: { plan_tier: 'gold', seats: 12, beta: true },
  lifecycleStage: 'active',
  health: 84,
  healthComponents: { recency: 96.67, engagement: 76, monetary: 62.5 },
  previousHealth: 81,
  engagementScore: 76,
  expansionScore: 50,
  riskLevel: 'low',
  ltv: 1049.3,
  acquisition: {
    source: 'google',
    medium: 'cpc',
    campaign: 'winter_sale',
    clickId: 'EAIaIQobChMI8pLx',
    referrer: 'https://www.google.com/',
    landingUrl: 'https://shop.example.com/pricing?utm_source=google&utm_medium=cpc&utm_campaign=winter_sale',
    firstSeenAt: '2024-11-22T03:02:37.044Z',
  },
  lastActivityAt: EXAMPLE_TIME,
  scoresComputedAt: '2026-12-02T12:00:00.000Z',
  segments: [{ id: 'seg_01kt134r00ad3x6r6gkybayx00', name: 'Power users', since: '2026-06-01T08:00:00.000Z' }],
  nextAction: null,
  createdAt: '2024-11-22T03:02:37.044Z',
  updatedAt: '2026-11-30T12:00:00.412Z',
} satisfies z.output<typeof ZCustomerObject>;

export const ZCustomer = ZCustomerObject.meta({
  id: 'Customer',
  description: 'A customer of the API key’s environment. Every key is always present; a field without a value is null',
  example: CUSTOMER_EXAMPLE,
});
export type TCustomer = z.infer<typeof ZCustomer>;

export const CUSTOMER_SORT_KEYS = ['createdAt', 'lastActivityAt', 'health', 'ltv', 'name'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];
