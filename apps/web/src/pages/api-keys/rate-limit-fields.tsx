/**
 * The two per-second limits of REST.md's rate classes (reads and writes, ingestion) as text
 * inputs, for a key's form and the environment's: an empty field means the default, which the
 * placeholder shows when the server said what it is.
 */
import { TextField } from '../../components/form';
import { formatNumber } from '../../lib/format';

export interface RateLimitTexts {
  rateLimit: string;
  ingestRateLimit: string;
}

type Limits = { rateLimit: number | null; ingestRateLimit: number | null };

const FIELDS = [
  { key: 'rateLimit', label: 'Reads and writes' },
  { key: 'ingestRateLimit', label: 'Ingestion' },
] as const;

export const rateLimitTexts = (limits: Limits): RateLimitTexts => ({
  rateLimit: limits.rateLimit === null ? '' : String(limits.rateLimit),
  ingestRateLimit: limits.ingestRateLimit === null ? '' : String(limits.ingestRateLimit),
});

/** The limits the texts say (empty: null, the default), for the contract's schema to check. */
export const parseRateLimits = (texts: RateLimitTexts): Limits => {
  const parse = (text: string) => (text.trim() === '' ? null : Number(text));
  return { rateLimit: parse(texts.rateLimit), ingestRateLimit: parse(texts.ingestRateLimit) };
};

interface Props {
  values: RateLimitTexts;
  onChange: (values: RateLimitTexts) => void;
  /** The defaults that apply to empty fields (null: not known). */
  defaults: { rateLimit: number; ingestRateLimit: number } | null;
  /** Messages per field, shown once the form was submitted. */
  errors: Partial<Record<keyof RateLimitTexts, string>>;
  /** Test ids `<prefix>-rateLimit` and `<prefix>-ingestRateLimit`. */
  testId?: string;
}

export function RateLimitFields({ values, onChange, defaults, errors, testId }: Props) {
  return (
    <div className="form-grid">
      {FIELDS.map(({ key, label }) => (
        <TextField
          key={key}
          label={label}
          inputMode="numeric"
          placeholder={defaults ? `default (${formatNumber(defaults[key])})` : 'default'}
          value={values[key]}
          onChange={(e) => onChange({ ...values, [key]: e.target.value })}
          error={errors[key]}
          testId={testId && `${testId}-${key}`}
        />
      ))}
    </div>
  );
}
