/** The acquisition window shared by the cohort routes: `start`/`end` on firstSeenAt, `[start, end)`. */
import { ZTimeBound } from '@tenure/contract';
import type { z } from 'zod';

export const cohortWindowShape = {
  start: ZTimeBound.meta({
    description: 'Only customers first seen on or after this (a date means its UTC midnight); default: all time',
    example: '2026-01-01',
  }).optional(),
  end: ZTimeBound.meta({
    description: 'Only customers first seen before this (a date means its UTC midnight); default: no end',
    example: '2026-07-01',
  }).optional(),
};

/** `YYYY-MM-DD` is that day's UTC midnight (REST.md). */
export function parseBound(value: string | undefined): Date | null {
  if (!value) return null;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** `start` must come before `end` when both are given. */
export function checkWindow(input: { start?: string; end?: string }, ctx: z.RefinementCtx): void {
  const start = parseBound(input.start);
  const end = parseBound(input.end);
  if (start && end && start >= end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start' });
}
