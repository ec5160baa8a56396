/** Customer entity schemas shared by the API, the typed client and the SPA. */
import { z } from 'zod';
import { ZAttributes } from './attributes';
import { zInstant, zText } from './text';

export const LIFECYCLE_STAGES = ['new', 'dormant', 'active', 'reactivated', 'at_risk', 'churned'] as const;
export const ZLifecycleStage = z.enum(LIFECYCLE_STAGES).meta({ description: 'Lifecycle stage (ANALYTICS.md)' });

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const ZRiskLevel = z.enum(RISK_LEVELS).meta({ description: 'Churn risk band derived from health' });

/** `cus_…` or `ext_<externalId>`; anything else is answered with 404 by the service. */
export const ZCustomerRef = zText()
  .min(1)
  .max(300)
  .meta({ description: 'A customer id (`cus_…`) or `ext_<externalId>` (URL-encoded)', example: 'ext_user-42' });

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
    description: "The integrator's own id for this customer (string, or an integer stored as its decimal string)",
    example: 'user-42',
  });

const text = (max: number, description: string) => zText().max(max, `At most ${max} characters`).meta({ description }).nullable();

/** Writable profile fields, shared by create/upsert, batch and patch. */
export const customerProfileShape = {
  email: z.email('Must be an email address').max(320).meta({ description: 'Email address', example: 'ada@example.com' }).nullable(),
  name: text(255, 'Full name'),
  company: text(255, 'Company name'),
  role: text(255, 'Job role or title'),
  teamSize: z.number().int().min(0).max(10_000_000).meta({ description: 'Size of the customer’s team' }).nullable(),
  locale: text(35, 'BCP 47 locale, e.g. en-US'),
  plan: text(100, 'Plan name in the integrator’s system'),
  clickId: text(255, 'An ad or link click id known at identify time'),
  attributes: ZAttributes,
  createdAt: zInstant().meta({ description: 'When the customer signed up in the integrator’s system (imports of history); default now' }),
};

export const ZCustomerInput = z
  .strictObject({ externalId: ZExternalId, ...customerProfileShape })
  .partial()
  .meta({ id: 'CustomerInput', description: 'Customer fields to create or update; omitted fields stay as they are' });
export type TCustomerInput = z.infer<typeof ZCustomerInput>;

const ZIso = z.string().meta({ description: 'ISO 8601 UTC timestamp', example: '2026-11-30T12:00:00.000Z' });

export const ZAcquisition = z
  .object({
    source: z.string().meta({ description: 'Source of the earliest touchpoint' }).nullable(),
    medium: z.string().meta({ description: 'Medium of the earliest touchpoint' }).nullable(),
    campaign: z.string().meta({ description: 'Campaign name of the earliest touchpoint' }).nullable(),
    clickId: z.string().meta({ description: 'Click id of the earliest touchpoint, else the identify click id' }).nullable(),
    referrer: z.string().meta({ description: 'Referrer of the earliest touchpoint' }).nullable(),
    landingUrl: z.string().meta({ description: 'URL of the earliest touchpoint' }).nullable(),
    firstSeenAt: ZIso.meta({ description: 'Earliest of createdAt and the first event’s effective time' }),
  })
  .meta({ id: 'Acquisition', description: 'How the customer was acquired (earliest touchpoint)' });

export const ZHealthComponents = z
  .object({
    recency: z.number().meta({ description: 'Recency component R (0–100)' }),
    engagement: z.number().meta({ description: 'Engagement component (0–100)' }),
    monetary: z.number().meta({ description: 'Monetary trend component M (0–100)' }),
  })
  .meta({ id: 'HealthComponents', description: 'The parts of the health score' });

export const ZCustomerSegmentRef = z.object({
  id: z.string().meta({ description: 'Segment id' }),
  name: z.string().meta({ description: 'Segment name' }),
  since: ZIso.meta({ description: 'When the customer entered the segment' }),
});

export const ZCustomer = z
  .object({
    id: z.string().meta({ description: 'Tenure customer id', example: 'cus_01jd8x4k7m2r9p3q5s7t9v1w3y' }),
    externalId: z.string().meta({ description: "The integrator's id", example: 'user-42' }).nullable(),
    email: z.string().meta({ description: 'Email address' }).nullable(),
    name: z.string().meta({ description: 'Full name' }).nullable(),
    company: z.string().meta({ description: 'Company' }).nullable(),
    role: z.string().meta({ description: 'Role' }).nullable(),
    teamSize: z.number().meta({ description: 'Team size' }).nullable(),
    locale: z.string().meta({ description: 'Locale' }).nullable(),
    plan: z.string().meta({ description: 'Plan' }).nullable(),
    clickId: z.string().meta({ description: 'Click id known at identify time' }).nullable(),
    attributes: z.record(z.string(), z.unknown()).meta({ description: 'Custom fields' }),
    lifecycleStage: ZLifecycleStage,
    health: z.number().meta({ description: 'Health score 0–100; null without events' }).nullable(),
    healthComponents: ZHealthComponents.nullable(),
    previousHealth: z.number().meta({ description: 'The last stored health that differs from the current one' }).nullable(),
    engagementScore: z.number().meta({ description: 'Engagement score 0–100' }),
    expansionScore: z.number().meta({ description: 'Expansion score 0–100' }),
    riskLevel: ZRiskLevel.nullable(),
    ltv: z.number().meta({ description: 'Sum of the revenue of all its events, in the workspace currency' }),
    acquisition: ZAcquisition,
    lastActivityAt: ZIso.meta({ description: 'Effective time of the latest event' }).nullable(),
    scoresComputedAt: ZIso.meta({ description: 'When the computed fields were last computed' }).nullable(),
    segments: z.array(ZCustomerSegmentRef).meta({ description: 'Segments the customer is in' }),
    nextAction: z.record(z.string(), z.unknown()).meta({ description: 'Oldest pending intervention (playbooks, later)' }).nullable(),
    createdAt: ZIso,
    updatedAt: ZIso,
  })
  .meta({ id: 'Customer', description: 'A customer of the workspace' });
export type TCustomer = z.infer<typeof ZCustomer>;

export const CUSTOMER_SORT_KEYS = ['createdAt', 'lastActivityAt', 'health', 'ltv', 'name'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];
