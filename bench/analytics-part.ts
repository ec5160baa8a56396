/** What each part of `npm run bench -- analytics` (stats, reports) is handed, and the rows it prints. */
import type pg from 'pg';

/** p50 of the size's runs of `fn` (the API's count, or the baseline's with `kind` 'baseline'), and its last answer. */
export type Timed = <T>(fn: () => Promise<T>, kind?: 'api' | 'baseline') => Promise<{ p50: number; runs: number[]; last: T }>;
export type Row = Record<string, string | number>;

export interface AnalyticsPart {
  /** GET of an `/api/v1` path with the benchmark's key and `Cache-Control: no-cache`: the parsed answer. */
  http: (path: string) => Promise<any>;
  pool: pg.Pool;
  envId: string;
  /** The size's label (100k, 1M, 5M). */
  size: string;
  timed: Timed;
}

export const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A row of the table: the API's and the plain SQL's p50 side by side, their ratio and QUALITY.md's target. */
export function ratioRow(size: string, query: string, api: number, raw: number, target: number): Row {
  return { size, query, api: ms(api), 'raw SQL': ms(raw), ratio: (api / raw).toFixed(2), target: `≤ ${target}× and ≤ 300 ms` };
}
