/**
 * The analytics settings form's state: inputs as typed (strings), checked with the contract's
 * `ZAnalyticsSettings`, the schema the server validates the merged settings with, so the form
 * shows the same messages the server would answer with, under the same fields.
 */
import { type TAnalyticsSettings, type TAnalyticsSettingsPatch, ZAnalyticsSettings } from '@tenure/contract';

export const NUMBER_KEYS = [
  'activeDays',
  'churnDays',
  'newDays',
  'reactivationGapDays',
  'recencyHorizonDays',
  'engagementTarget',
  'lowRiskMin',
  'mediumRiskMin',
] as const;
export type NumberKey = (typeof NUMBER_KEYS)[number];

export const WEIGHT_KEYS = ['recency', 'engagement', 'monetary'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];

export interface SettingsDraft {
  numbers: Record<NumberKey, string>;
  weights: Record<WeightKey, string>;
  allowPublishableRevenue: boolean;
}

/** Messages by field path as the schema names it: `churnDays`, `weights`, `weights.recency`. */
export type FieldErrors = Record<string, string>;

export function toDraft(s: TAnalyticsSettings): SettingsDraft {
  return {
    numbers: Object.fromEntries(NUMBER_KEYS.map((k) => [k, String(s[k])])) as Record<NumberKey, string>,
    weights: Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(s.weights[k])])) as Record<WeightKey, string>,
    allowPublishableRevenue: s.allowPublishableRevenue,
  };
}

/** A typed number, or null for an empty or non-numeric field. */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** The live sum of the weights, or null while one of them is not a number. */
export function weightSum(d: SettingsDraft): number | null {
  const values = WEIGHT_KEYS.map((k) => numberOf(d.weights[k]));
  return values.some((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0);
}

/** The first message per path; `[]` paths belong to the whole form. */
export function issuesToErrors(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[issue.path || 'form'] ??= issue.message;
  return errors;
}

export function parseDraft(d: SettingsDraft): { ok: true; settings: TAnalyticsSettings } | { ok: false; errors: FieldErrors } {
  const missing: FieldErrors = {};
  const numbers: Record<string, number> = {};
  const weights: Record<string, number> = {};
  for (const k of NUMBER_KEYS) {
    const n = numberOf(d.numbers[k]);
    if (n === null) missing[k] = 'Enter a number';
    else numbers[k] = n;
  }
  for (const k of WEIGHT_KEYS) {
    const n = numberOf(d.weights[k]);
    if (n === null) missing[`weights.${k}`] = 'Enter a number';
    else weights[k] = n;
  }
  // An empty field would take the schema's default: refuse it here instead of saving a value nobody typed.
  if (Object.keys(missing).length > 0) return { ok: false, errors: missing };
  const parsed = ZAnalyticsSettings.safeParse({ ...numbers, weights, allowPublishableRevenue: d.allowPublishableRevenue });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: issuesToErrors(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))),
  };
}

/** Only what changed, so the audit log and the server's recompute decision see the real change. */
export function settingsPatch(before: TAnalyticsSettings, after: TAnalyticsSettings): TAnalyticsSettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof TAnalyticsSettings)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return patch as TAnalyticsSettingsPatch;
}
