import { REPORT_INTERVALS, REPORT_METRICS, REPORT_RANGES, ZReportAnswer, ZTimeBound } from '@tenure/contract';
import { z } from 'zod';
import { restMeta } from '../../meta';
import { parseBound } from '../customers/cohort-window';

/** An explicit window spans at most this many days (ten years of daily buckets). */
export const MAX_REPORT_DAYS = 3660;
const DAY_MS = 86_400_000;

const point = (date: string, events: number, activeCustomers: number, newCustomers: number, churnedCustomers: number, revenue: number) => ({
  date,
  events,
  activeCustomers,
  newCustomers,
  churnedCustomers,
  revenue,
});

export const getReportMeta = restMeta({
  method: 'GET',
  path: '/reports',
  tag: 'Analytics',
  operationId: 'getReport',
  summary: 'Report: how the business moves',
  description:
    'Events, active, new and churned customers and revenue over a window (`range`: the last 7, 30 or 90 days, i.e. (now − N d, now]; or `start` and `end`: [start, end)), over the previous window of equal length, and as a series with one bucket per UTC day or ISO week (Monday first) touching the window, each counted over its intersection with the window. A customer’s churn moments are e + churnDays for every event e whose next event came more than churnDays later (or never), and firstSeenAt + churnDays for a customer without events, up to now — a later comeback does not erase an earlier churn. Events count by effective time; deleted customers and their events count, so past figures stay put. Served from a snapshot up to 60 s old (`x-cache`, `x-as-of`; `Cache-Control: no-cache` recomputes).',
  permission: 'analytics:read',
  examples: {
    response: {
      example: {
        range: '7d',
        interval: 'day',
        start: '2026-11-28T10:15:00.000Z',
        end: '2026-12-05T10:15:00.000Z',
        previousStart: '2026-11-21T10:15:00.000Z',
        previousEnd: '2026-11-28T10:15:00.000Z',
        currency: 'USD',
        totals: { events: 18342, activeCustomers: 1204, newCustomers: 96, churnedCustomers: 41, revenue: 23410.5 },
        previous: { events: 17110, activeCustomers: 1177, newCustomers: 88, churnedCustomers: 52, revenue: 21980 },
        series: [
          point('2026-11-28', 1210, 402, 6, 3, 1420),
          point('2026-11-29', 2660, 611, 14, 6, 3310.25),
          point('2026-11-30', 2730, 630, 15, 7, 3602),
          point('2026-12-01', 2801, 644, 16, 5, 3550.75),
          point('2026-12-02', 2755, 629, 14, 6, 3317.5),
          point('2026-12-03', 2690, 618, 13, 5, 3290),
          point('2026-12-04', 2620, 605, 12, 6, 3120),
          point('2026-12-05', 876, 301, 6, 3, 800),
        ],
        asOf: '2026-12-05T10:15:00.000Z',
      },
    },
  },
});

export const ZGetReportInput = z
  .object({
    range: z
      .enum(REPORT_RANGES)
      .meta({ description: 'The last 7, 30 or 90 days up to now (default `30d` when start and end are not given); not with start/end' })
      .optional(),
    start: ZTimeBound.meta({
      description: 'Explicit window start, included (a date means its UTC midnight); with end, not with range',
      example: '2026-11-01',
    }).optional(),
    end: ZTimeBound.meta({
      description: 'Explicit window end, excluded (a date means its UTC midnight); with start, not with range',
      example: '2026-12-01',
    }).optional(),
    metrics: z
      .string()
      .meta({ description: `Comma-separated metrics: ${REPORT_METRICS.join(', ')} (default: all)`, example: 'events,revenue' })
      .transform((s) =>
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(REPORT_METRICS)).min(1, 'Name at least one metric'))
      .optional(),
    interval: z.enum(REPORT_INTERVALS).meta({ description: 'Series buckets: UTC `day` or ISO `week` (Monday first)' }).default('day'),
  })
  .superRefine((input, ctx) => {
    if (input.range && (input.start || input.end))
      ctx.addIssue({ code: 'custom', path: ['range'], message: 'Give either range or start and end, not both' });
    else if (!input.start !== !input.end)
      ctx.addIssue({ code: 'custom', path: [input.start ? 'end' : 'start'], message: 'start and end go together' });
    const start = parseBound(input.start);
    const end = parseBound(input.end);
    if (start && end && start >= end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
    else if (start && end && end.getTime() - start.getTime() > MAX_REPORT_DAYS * DAY_MS)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `The window spans at most ${MAX_REPORT_DAYS} days` });
  });
export type TGetReportInput = z.input<typeof ZGetReportInput>;

export const ZGetReportOutput = ZReportAnswer;
export type TGetReportOutput = z.infer<typeof ZGetReportOutput>;
