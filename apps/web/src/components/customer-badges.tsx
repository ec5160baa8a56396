/** How computed customer fields look everywhere: lifecycle stage, risk level and health. */
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

export function RiskBadge({ risk }: { risk: string | null }) {
  if (!risk) return <span className="muted">—</span>;
  return <Badge tone={RISK_TONES[risk] ?? 'neutral'}>{humanize(risk)}</Badge>;
}

export function healthTone(health: number): 'good' | 'fair' | 'poor' {
  if (health >= 70) return 'good';
  if (health >= 40) return 'fair';
  return 'poor';
}

/** A score 0–100 with a colored dot; `null` (no events yet) is a dash. */
export function HealthScore({ health, title }: { health: number | null; title?: string }) {
  if (health === null)
    return (
      <span className="muted" title="No events yet">
        —
      </span>
    );
  return (
    <span className={`health health-${healthTone(health)}`} title={title}>
      <span className="health-dot" />
      {Math.round(health)}
    </span>
  );
}

/** A horizontal 0–100 bar for score components; the number beside the label is what screen readers get. */
export function ScoreBar({ value, label }: { value: number | null; label: string }) {
  const width = value === null ? 0 : Math.max(0, Math.min(100, value));
  return (
    <div className="score-bar">
      <div className="score-bar-label">
        <span>{label}</span>
        <strong>{value === null ? '—' : Math.round(value)}</strong>
      </div>
      <div className="score-bar-track" aria-hidden="true">
        <div className={`score-bar-fill health-${healthTone(width)}`} style={{ width: `${width}%` }} />
      </div>
    </div>
  );
}
