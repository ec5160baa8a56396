/** How computed customer fields look everywhere: lifecycle stage, risk level and health. */
import type { ReactNode } from 'react';
import { humanize } from '../lib/format';
import { Badge, type BadgeTone } from './badge';

const STAGE_TONES: Record<string, BadgeTone> = {
  new: 'blue',
  active: 'green',
  reactivated: 'violet',
  dormant: 'gray',
  at_risk: 'amber',
  churned: 'red',
};

export function LifecycleBadge({ stage }: { stage: string }) {
  return <Badge tone={STAGE_TONES[stage] ?? 'neutral'}>{humanize(stage)}</Badge>;
}

const RISK_TONES: Record<string, BadgeTone> = { low: 'green', medium: 'amber', high: 'red' };

/** `suffix`: " risk" where the badge stands alone ("Low risk"); tables say it in the column header. */
export function RiskBadge({ risk, suffix = '' }: { risk: string | null; suffix?: string }) {
  if (!risk) return <span className="muted">—</span>;
  return (
    <Badge tone={RISK_TONES[risk] ?? 'neutral'}>
      {humanize(risk)}
      {suffix}
    </Badge>
  );
}

/** A 0–100 quality tone with fixed cut-offs, for score parts that have no risk band of their own. */
export function healthTone(health: number): 'good' | 'fair' | 'poor' {
  if (health >= 70) return 'good';
  if (health >= 40) return 'fair';
  return 'poor';
}

/** Health is colored by the stored risk level, which follows the environment's own thresholds. */
export const RISK_HEALTH_TONE: Record<string, 'good' | 'fair' | 'poor'> = { low: 'good', medium: 'fair', high: 'poor' };

/** A health score 0–100 with a dot colored by its risk level; `null` (no events yet) is a dash. */
export function HealthScore({ health, risk, title }: { health: number | null; risk: string | null; title?: string }) {
  if (health === null)
    return (
      <span className="muted" title="No events yet">
        —
      </span>
    );
  const tone = (risk && RISK_HEALTH_TONE[risk]) || healthTone(health);
  return (
    <span className={`health health-${tone}`} title={title ?? (risk ? `${humanize(risk)} risk` : undefined)}>
      <span className="health-dot" />
      {Math.round(health)}
    </span>
  );
}

/** A horizontal 0–100 bar for scores; the number beside the label is what screen readers get. `hint` is a second line. */
export function ScoreBar({ value, label, hint }: { value: number | null; label: string; hint?: ReactNode }) {
  const width = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div className="score-bar">
      <div className="score-bar-label">
        <span>{label}</span>
        <strong className="num">{value === null ? '—' : Math.round(value)}</strong>
      </div>
      <div className="score-bar-track" aria-hidden="true">
        <div className={`score-bar-fill health-${healthTone(width)}`} style={{ width: `${width}%` }} />
      </div>
      {hint && <div className="score-bar-hint">{hint}</div>}
    </div>
  );
}
