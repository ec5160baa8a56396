/**
 * The UTC-day arithmetic of reports: which days lie wholly inside a window (answered by the
 * rollups' per-day running sums) and which touch it only partly (answered by the raw events of
 * those days, with the window's exact predicate). Days are counted from 1970-01-01.
 */
import { sql } from 'kysely';
import type { ReportWindow } from './report-types';

export const DAY_MS = 86_400_000;

export interface DayRange {
  lo: number;
  hi: number;
}

/** Days D with [D, D + 1) inside the window (lo > hi when none). */
export function interiorDays(w: ReportWindow): DayRange {
  const a = w.start.getTime();
  const b = w.end.getTime();
  // (a, b]: D·day > a; [a, b): D·day ≥ a. Both: (D + 1)·day ≤ b.
  const lo = w.includeEnd ? Math.floor(a / DAY_MS) + 1 : Math.ceil(a / DAY_MS);
  return { lo, hi: Math.floor(b / DAY_MS) - 1 };
}

/** Days whose intersection with the window is not empty. */
export function touchingDays(w: ReportWindow): DayRange {
  const a = w.start.getTime();
  const b = w.end.getTime();
  return { lo: Math.floor(a / DAY_MS), hi: w.includeEnd ? Math.floor(b / DAY_MS) : Math.ceil(b / DAY_MS) - 1 };
}

/** The touching days of the windows that are not interior to them: read from raw events. */
export function edgeDays(windows: ReportWindow[]): number[] {
  const out = new Set<number>();
  for (const w of windows) {
    const t = touchingDays(w);
    const i = interiorDays(w);
    for (let d = t.lo; d <= t.hi; d++) if (d < i.lo || d > i.hi) out.add(d);
  }
  return [...out].sort((x, y) => x - y);
}

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** `expr` (a timestamptz) inside the window, with its own open and closed ends. */
export function inWindow(expr: ReturnType<typeof sql.ref> | ReturnType<typeof sql>, w: ReportWindow) {
  const a = ts(w.start.getTime());
  const b = ts(w.end.getTime());
  return w.includeEnd ? sql`(${expr} > ${a} and ${expr} <= ${b})` : sql`(${expr} >= ${a} and ${expr} < ${b})`;
}

/** `expr` on one of the given UTC days (index ranges of an effective-time index). */
export function onDays(expr: ReturnType<typeof sql.ref>, days: number[]) {
  if (days.length === 0) return sql`false`;
  return sql`(${sql.join(
    days.map((d) => sql`(${expr} >= ${ts(d * DAY_MS)} and ${expr} < ${ts((d + 1) * DAY_MS)})`),
    sql` or `,
  )})`;
}

/** The first day of the bucket a day falls in: itself, or its ISO week's Monday (1970-01-05 was one). */
export function bucketOf(day: ReturnType<typeof sql.ref> | ReturnType<typeof sql>, interval: 'day' | 'week') {
  if (interval === 'day') return sql`${day}`;
  return sql`(${day} - ((${day} + 3) % 7 + 7) % 7)`;
}

/** The UTC day of a timestamptz, as an integer. */
export function dayOf(expr: ReturnType<typeof sql.ref> | ReturnType<typeof sql>) {
  return sql`floor(extract(epoch from ${expr}) / 86400)::int`;
}
