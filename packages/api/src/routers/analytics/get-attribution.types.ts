import { ATTRIBUTION_GROUP_BYS, ZAttributionAnswer, ZTimeBound } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';
import { checkWindow } from '../customers/cohort-window';
import { attributionModelShape, modelDescription } from './attribution-params';

export const getAttributionMeta = restMeta({
  method: 'GET',
  path: '/attribution',
  tag: 'Analytics',
  operationId: 'getAttribution',
  summary: 'Attribution by source, campaign or medium',
  description: `Which campaigns earned the revenue: every conversion (an event with revenue > 0) with effective time in the window gives its revenue to the touchpoints of its customer in the lookback window before it, as the model says, and the credits are summed by the touchpoint's source, campaign or medium — \`(none)\` when the touchpoint has none, \`(direct)\` for conversions without a touchpoint. \`conversions\` are fractional (Σ weights). Models: ${modelDescription}. Events of deleted customers count. Served from a snapshot up to 60 s old (\`x-cache\`, \`x-as-of\`; \`Cache-Control: no-cache\` recomputes).`,
  permission: 'analytics:read',
  examples: {
    response: {
      example: {
        model: 'time_decay',
        groupBy: 'source',
        lookbackDays: 30,
        start: '2026-11-05T10:15:00.000Z',
        end: '2026-12-05T10:15:00.000Z',
        currency: 'USD',
        rows: [
          { key: 'google', conversions: 41.6182, revenue: 5123.4 },
          { key: 'newsletter', conversions: 12.3818, revenue: 1410.15 },
          { key: '(direct)', conversions: 9, revenue: 801 },
        ],
        asOf: '2026-12-05T10:15:00.000Z',
      },
    },
  },
});

export const ZGetAttributionInput = z
  .object({
    ...attributionModelShape,
    groupBy: z
      .enum(ATTRIBUTION_GROUP_BYS)
      .meta({ description: 'Sum the credits by the touchpoint’s `source`, `campaign` or `medium`' })
      .default('source'),
    start: ZTimeBound.meta({
      description: 'Conversions with effective time on or after this (a date means its UTC midnight); default: 30 days before end',
      example: '2026-11-01',
    }).optional(),
    end: ZTimeBound.meta({
      description: 'Conversions before this (a date means its UTC midnight); default: now. Without start and end: the last 30 days',
      example: '2026-12-01',
    }).optional(),
  })
  .superRefine(checkWindow);
export type TGetAttributionInput = z.input<typeof ZGetAttributionInput>;

export const ZGetAttributionOutput = ZAttributionAnswer;
export type TGetAttributionOutput = z.infer<typeof ZGetAttributionOutput>;
