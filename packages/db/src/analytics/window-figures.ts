/**
 * Each customer's events and revenue in two windows (W and P: a report and the one before it, or
 * calibration's last 30 days and the 30 before), from its per-customer rollup row alone, in one
 * pass (one row per customer, three derived-table levels so every position and read is computed
 * once), without reading the windows' events:
 *
 * - days wholly inside a window: differences of the running sums at the positions of the range
 *   in the active-day array (two binary searches, `width_bucket`);
 * - the days a window boundary cuts (edge days): when the customer's first and last event of that
 *   day lie on the same side of every boundary, all of the day's events share that side (windows
 *   are intervals), so the day's count and revenue go to the window its first event is in; only a
 *   customer whose day straddles a boundary reads that day's events (one index range of
 *   events_env_customer_eff_idx). Reading whole edge days from raw events instead would cost one
 *   random heap page per event wherever events are not stored in time order.
 *
 * `windowFigures(...)` is a `from` item over the rows of a query `base` (customer_id and the
 * rollup's day arrays, plus any `extra` columns carried along) with columns: customer_id, the
 * extra columns, the arrays, w_lo/w_hi (positions of W's whole days), nw, revw, np, revp (events
 * and revenue in W and P), and per edge day k: edge_day_k (the day), nw_k, revw_k and lastw_k
 * (its events, revenue and latest event time in W).
 */
import { type RawBuilder, sql } from 'kysely';
import { type DayRange, edgeDays, inWindow, interiorDays } from './report-days';
import type { ReportWindow } from './report-types';

const ts = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;
const raw = (name: string) => sql.raw(name);

/** 'W', 'P' or null for a timestamptz. */
export function windowOf(expr: RawBuilder<unknown>, w: ReportWindow, p: ReportWindow) {
  return sql`case when ${inWindow(expr, w)} then 'W' when ${inWindow(expr, p)} then 'P' end`;
}

/** Positions of a day range in `b.active_days`: lo > hi when the customer has no day in it (or the range is empty). */
function positions(r: DayRange, as: string) {
  if (r.lo > r.hi) return sql`1 as ${raw(`${as}_lo`)}, 0 as ${raw(`${as}_hi`)}`;
  return sql`width_bucket(${r.lo - 1}::int, b.active_days) + 1 as ${raw(`${as}_lo`)}, width_bucket(${r.hi}::int, b.active_days) as ${raw(`${as}_hi`)}`;
}

/** Σ of a running sum over the positions lo..hi of level-1 row `l` (0 when empty). */
function runningSum(column: 'day_events' | 'day_revenue', as: string) {
  const col = raw(`l.${column}`);
  return sql`coalesce(${col}[${raw(`l.${as}_hi`)}], 0) - coalesce(${col}[${raw(`l.${as}_lo`)} - 1], 0)`;
}

export interface WindowFiguresSpec {
  envId: string;
  w: ReportWindow;
  p: ReportWindow;
  /** A query of rollup rows: customer_id, active_days, day_events, day_revenue, day_first, day_last and `extra`. */
  base: RawBuilder<unknown>;
  extra: string[];
}

/** The edge days of the windows (in ascending order): column suffix k is the index in this list. */
export function windowEdgeDays(w: ReportWindow, p: ReportWindow): number[] {
  return edgeDays([w, p]);
}

export function windowFigures(spec: WindowFiguresSpec) {
  const { envId, w, p } = spec;
  const days = windowEdgeDays(w, p);
  const ks = days.map((_, k) => k);
  const extraBase = spec.extra.map((c) => sql`, ${raw(`b.${c}`)}`);
  const extra2 = spec.extra.map((c) => sql`, ${raw(`m.${c}`)}`);
  const bounds = [...new Set([w.start, w.end, p.start, p.end].map((d) => d.getTime()))];
  const eff = sql.ref('e.effective_at');
  const each = (f: (k: number) => RawBuilder<unknown>) => sql.join(ks.map(f), sql``);
  const col = (name: string, k: number) => raw(`${name}_${k}`);

  // Level 1: positions of both windows' whole days and of each edge day.
  const level1 = sql`
    select b.customer_id, b.active_days, b.day_events, b.day_revenue, b.day_first, b.day_last ${sql.join(extraBase, sql``)},
      ${positions(interiorDays(w), 'w')}, ${positions(interiorDays(p), 'p')}
      ${each((k) => sql`, array_position(b.active_days, ${days[k]}::int) as ${col('e', k)}`)}
    from (${spec.base}) b
    offset 0`;

  // Level 2: each edge day's figures, and the raw read of the one that straddles a boundary.
  const level2 = sql`
    select l.* ,
      ${runningSum('day_events', 'w')} as w_n, ${runningSum('day_revenue', 'w')} as w_rev,
      ${runningSum('day_events', 'p')} as p_n, ${runningSum('day_revenue', 'p')} as p_rev
      ${each((k) => {
        const e = raw(`l.e_${k}`);
        const first = sql`l.day_first[${e}]`;
        const last = sql`l.day_last[${e}]`;
        const straddles = sql.join(
          bounds.map((b) => sql`(${first} <= ${ts(b)} and ${ts(b)} <= ${last})`),
          sql` or `,
        );
        const dayEvents = sql`from events e where e.environment_id = ${envId} and e.customer_id = l.customer_id
          and e.effective_at >= ${first} and e.effective_at <= ${last}`;
        return sql`,
          ${first} as ${col('first', k)}, ${last} as ${col('last', k)},
          l.day_events[${e}] - coalesce(l.day_events[${e} - 1], 0) as ${col('n', k)},
          l.day_revenue[${e}] - coalesce(l.day_revenue[${e} - 1], 0) as ${col('rev', k)},
          -- Only a day that straddles a boundary is read from its events (a CASE evaluates lazily).
          case when ${e} is not null and (${straddles}) then (
            select array[count(*) filter (where ${inWindow(eff, w)}), coalesce(sum(e.revenue_minor) filter (where ${inWindow(eff, w)}), 0),
              count(*) filter (where ${inWindow(eff, p)}), coalesce(sum(e.revenue_minor) filter (where ${inWindow(eff, p)}), 0),
              extract(epoch from max(e.effective_at) filter (where ${inWindow(eff, w)})) * 1000000]::bigint[]
            ${dayEvents}
          ) end as ${col('raw', k)}`;
      })}
    from (${level1}) l
    offset 0`;

  // Level 3: each edge day's part of W and P; the windows' totals.
  const side = (k: number) => windowOf(sql`m.${col('first', k)}`, w, p);
  const part = (k: number, i: number, win: 'W' | 'P', value: 'n' | 'rev') =>
    sql`case when m.${col('e', k)} is null then 0 when m.${col('raw', k)} is not null then m.${col('raw', k)}[${i}]
      when ${side(k)} = ${win} then m.${col(value, k)} else 0 end`;
  const sum = (f: (k: number) => RawBuilder<unknown>) => (ks.length ? sql` + ${sql.join(ks.map(f), sql` + `)}` : sql``);
  return sql`(
    select m.customer_id ${sql.join(extra2, sql``)}, m.active_days, m.day_events, m.day_revenue, m.day_first, m.day_last, m.w_lo, m.w_hi,
      m.w_n ${sum((k) => part(k, 1, 'W', 'n'))} as nw, m.w_rev ${sum((k) => part(k, 2, 'W', 'rev'))} as revw,
      m.p_n ${sum((k) => part(k, 3, 'P', 'n'))} as np, m.p_rev ${sum((k) => part(k, 4, 'P', 'rev'))} as revp
      ${each(
        (k) => sql`, ${days[k]}::int as ${col('edge_day', k)}, ${part(k, 1, 'W', 'n')} as ${col('nw', k)},
          ${part(k, 2, 'W', 'rev')} as ${col('revw', k)},
          case when m.${col('e', k)} is null then null
            when m.${col('raw', k)} is not null then to_timestamp(m.${col('raw', k)}[5]::float8 / 1000000)
            when ${side(k)} = 'W' then m.${col('last', k)} end as ${col('lastw', k)}`,
      )}
    from (${level2}) m
    -- Not flattened into the caller: each figure is computed once per customer, not once per row the caller makes of it.
    offset 0
  )`;
}
