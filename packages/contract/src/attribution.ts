/**
 * Attribution (ANALYTICS.md "Attribution") across the analytics boundary: the answers' schemas
 * (REST, tRPC, the SPA) and the plain-data questions and unrounded figures an analytics engine
 * exchanges with core. No database type crosses it.
 */
import { z } from 'zod';
import { EXAMPLE_TIME, isoTime, money, ZCustomerId } from './customer';

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] as const;
export type TAttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export const ATTRIBUTION_GROUP_BYS = ['source', 'campaign', 'medium'] as const;
export type TAttributionGroupBy = (typeof ATTRIBUTION_GROUP_BYS)[number];
export const MAX_LOOKBACK_DAYS = 365;
/** The source credited for a conversion without touchpoints in its lookback. */
export const DIRECT_SOURCE = '(direct)';
/** The group of credits whose touchpoint has no value for the grouping field. */
export const NO_VALUE_KEY = '(none)';

/** What each model does, in one sentence (OpenAPI descriptions and the SPA's explanations). */
export const ATTRIBUTION_MODEL_DESCRIPTIONS: Record<TAttributionModel, string> = {
  first_touch: 'All the credit to the earliest touchpoint in the lookback window.',
  last_touch: 'All the credit to the latest touchpoint in the lookback window (the conversion itself when it is one).',
  linear: 'Equal shares: 1/n to each of the n touchpoints in the lookback window.',
  time_decay: 'Shares proportional to 2^(−Δ/7), Δ the days from touchpoint to conversion: a touchpoint a week older gets half the weight.',
  position_based:
    '40 % to the first and 40 % to the last touchpoint, the other 20 % split over those in between (one: all; two: half each).',
};

const text = (description: string) => z.string().nullable().meta({ description });

export const ZTouchpoint = z
  .object({
    eventId: z.string().meta({ description: 'Id of the touchpoint event (`evt_…`)', example: 'evt_01m8p570wwdt9xyyv9p598d7vz' }),
    timestamp: isoTime('When the touchpoint event happened, as sent (windows use its effective time)'),
    source: text('campaign.source, else the referrer host (lower-cased, without www.), else `(click)` for a click id alone'),
    medium: text('campaign.medium, else `referral` when the event has a referrer; null otherwise'),
    campaign: text('campaign.name; null when the event has none'),
    clickId: text('Click id of the event’s context; null when none (or erased)'),
    referrer: text('Referrer of the event’s context; null when none (or erased)'),
    url: text('Page URL of the event’s context; null when none (or erased)'),
  })
  .meta({
    id: 'Touchpoint',
    description: 'An event whose context has a campaign field, a clickId or a referrer',
    example: {
      eventId: 'evt_01m8p570wwdt9xyyv9p598d7vz',
      timestamp: EXAMPLE_TIME,
      source: 'google',
      medium: 'cpc',
      campaign: 'brand-search',
      clickId: 'gclid-7f3a',
      referrer: null,
      url: 'https://shop.example.com/pricing',
    },
  });
export type TTouchpoint = z.infer<typeof ZTouchpoint>;

export const ZAttributionCredit = z
  .object({
    touchpointEventId: z
      .string()
      .nullable()
      .meta({ description: 'The touchpoint credited; null for `(direct)` (no touchpoint in the lookback window)' }),
    source: z.string().nullable().meta({ description: 'The touchpoint’s source; `(direct)` without a touchpoint', example: 'google' }),
    medium: text('The touchpoint’s medium; null without a touchpoint'),
    campaign: text('The touchpoint’s campaign; null without a touchpoint'),
    weight: z.number().meta({
      description:
        'Share of the conversion given to this touchpoint by the model, 6 decimal places (0 for touchpoints the model does not credit)',
      example: 0.5,
    }),
    revenue: money('Credited revenue: weight × the conversion’s revenue, unrounded before this output'),
  })
  .meta({ id: 'AttributionCredit', description: 'One touchpoint’s credit for a conversion' });

export const ZAttributedConversion = z
  .object({
    eventId: z.string().meta({ description: 'Id of the conversion event (revenue > 0)', example: 'evt_01m8p5a1b2c3d4e5f6g7h8j9k0' }),
    timestamp: isoTime('When the conversion happened, as sent'),
    revenue: money('Revenue of the conversion'),
    credits: z.array(ZAttributionCredit).meta({
      description:
        'Every touchpoint of the customer in [t − lookbackDays, t] (t the conversion’s effective time) in time order with its weight; one `(direct)` credit of weight 1 when there is none',
    }),
  })
  .meta({ id: 'AttributedConversion', description: 'A conversion and how the model credits it' });

export const ZCustomerAttribution = z
  .object({
    customerId: ZCustomerId,
    model: z.enum(ATTRIBUTION_MODELS).meta({ description: 'The attribution model applied' }),
    lookbackDays: z.number().int().meta({ description: 'Days before each conversion in which touchpoints count', example: 30 }),
    firstTouch: ZTouchpoint.nullable().meta({ description: 'The customer’s earliest touchpoint; null when it has none' }),
    lastTouch: ZTouchpoint.nullable().meta({ description: 'The customer’s latest touchpoint; null when it has none' }),
    touchpoints: z.array(ZTouchpoint).meta({ description: 'All of the customer’s touchpoints, in (effective time, id) order' }),
    conversions: z.array(ZAttributedConversion).meta({ description: 'All of the customer’s conversions, in (effective time, id) order' }),
    asOf: isoTime('When the answer was computed; a cached answer is up to 60 s old'),
  })
  .meta({
    id: 'CustomerAttribution',
    description: 'A customer’s touchpoints and the credits of its conversions (ANALYTICS.md "Attribution")',
  });
export type TCustomerAttribution = z.infer<typeof ZCustomerAttribution>;

export const ZAttributionRow = z
  .object({
    key: z.string().meta({
      description: 'The touchpoints’ source, campaign or medium; `(none)` when the touchpoint has none, `(direct)` for no touchpoint',
      example: 'google',
    }),
    conversions: z.number().meta({ description: 'Σ weights: fractional conversions, 4 decimal places', example: 12.3333 }),
    revenue: money('Σ credited revenue'),
  })
  .meta({ id: 'AttributionRow', description: 'Credits summed for one source, campaign or medium' });

export const ZAttributionAnswer = z
  .object({
    model: z.enum(ATTRIBUTION_MODELS).meta({ description: 'The attribution model applied' }),
    groupBy: z.enum(ATTRIBUTION_GROUP_BYS).meta({ description: 'What the credits are summed by' }),
    lookbackDays: z.number().int().meta({ description: 'Days before each conversion in which touchpoints count', example: 30 }),
    start: isoTime('Start of the conversions’ window: included when given, excluded for the default (the last 30 days)'),
    end: isoTime('End of the window: excluded when given, included for the default (now)'),
    currency: z.string().meta({ description: 'ISO 4217 code of the money amounts (the workspace currency)', example: 'USD' }),
    rows: z.array(ZAttributionRow).meta({ description: 'By revenue descending, then key' }),
    asOf: isoTime('When the answer was computed; a cached answer is up to 60 s old'),
  })
  .meta({
    id: 'Attribution',
    description: 'Attributed conversions and revenue by source, campaign or medium (ANALYTICS.md "Attribution")',
  });
export type TAttributionAnswer = z.infer<typeof ZAttributionAnswer>;

// ── The engine's side: questions and unrounded figures ────────────────────────────────────────

export interface TCustomerAttributionQuery {
  envId: string;
  customerId: string;
  model: TAttributionModel;
  lookbackDays: number;
}

export interface TTouchpointRow {
  eventId: string;
  timestamp: Date;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  clickId: string | null;
  referrer: string | null;
  url: string | null;
}

/** A credit as the engine computes it: weight and credited revenue (minor units) as exact decimal text, unrounded. */
export interface TCreditFigure {
  touchpointEventId: string | null;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  weight: string;
  revenueMinor: string;
}

export interface TConversionFigure {
  eventId: string;
  timestamp: Date;
  revenueMinor: number;
  credits: TCreditFigure[];
}

export interface TCustomerAttributionFigures {
  touchpoints: TTouchpointRow[];
  conversions: TConversionFigure[];
}

export interface TAttributionQuery {
  envId: string;
  model: TAttributionModel;
  lookbackDays: number;
  groupBy: TAttributionGroupBy;
  /** Conversions with effective time in [start, end), or (start, end] when `includeEnd` (the last 30 days). */
  start: Date;
  end: Date;
  includeEnd: boolean;
}

/** Σ weights and Σ credited revenue (minor units) of one key, as exact decimal text, unrounded. */
export interface TAttributionFigure {
  key: string;
  conversions: string;
  revenueMinor: string;
}
