/**
 * Health at a glance: the number colored by its risk level on a 0–100 band cut at the
 * environment's risk thresholds, its change from the previous health, and the three parts it is
 * the weighted sum of (ANALYTICS.md: health = round(w_r·R + w_e·E + w_m·M)).
 */
import type { TAnalyticsSettings, TCustomer } from '@tenure/contract';
import { healthTone, RISK_HEALTH_TONE, RiskBadge } from '../../components/customer-badges';
import { formatDecimal } from '../../lib/format';

const PARTS = [
  { key: 'recency', label: 'Recency', meaning: 'Falls from 100 to 0 as days pass without events' },
  { key: 'engagement', label: 'Engagement', meaning: 'Events in the last 30 days against the engagement target' },
  { key: 'monetary', label: 'Monetary trend', meaning: 'Revenue of the last 30 days against the 30 before; 50 when equal' },
] as const;

type Components = NonNullable<TCustomer['healthComponents']>;
type Weights = TAnalyticsSettings['weights'];

export function CustomerHealthPanel({ customer: c, settings }: { customer: TCustomer; settings: TAnalyticsSettings | undefined }) {
  if (c.health === null || !c.healthComponents) {
    return (
      <div className="health-panel" data-testid="customer-health">
        <div className="health-headline">
          <span className="health-big muted">—</span>
          <div className="stack-xs">
            <span className="stat-label">Health · Risk —</span>
            <span className="muted small" data-testid="customer-health-empty">
              {c.lastActivityAt
                ? 'Not computed yet: scores are computed shortly after events arrive.'
                : 'No events yet: health and risk need at least one event.'}
            </span>
          </div>
        </div>
      </div>
    );
  }
  const tone = (c.riskLevel && RISK_HEALTH_TONE[c.riskLevel]) || 'fair';
  const delta = c.previousHealth === null ? null : Math.round(c.health - c.previousHealth);
  const components = c.healthComponents;
  return (
    <div className="health-panel" data-testid="customer-health">
      <div className="health-headline">
        <span className={`health-big health-${tone}`} data-testid="customer-health-value">
          {Math.round(c.health)}
        </span>
        <div className="stack-xs">
          <span className="stat-label">Health score, of 100</span>
          <span className="row gap-sm">
            <RiskBadge risk={c.riskLevel} suffix=" risk" />
            {delta !== null && delta !== 0 && (
              <span className={`delta ${delta > 0 ? 'delta-up' : 'delta-down'}`} data-testid="customer-health-delta">
                {delta > 0 ? '▲' : '▼'} {Math.abs(delta)} from {Math.round(c.previousHealth ?? 0)}
              </span>
            )}
          </span>
        </div>
      </div>
      {settings && <HealthBand health={c.health} settings={settings} />}
      <HealthBreakdown health={c.health} components={components} weights={settings?.weights} />
    </div>
  );
}

/** Each part, its bar, and what it adds to health: value × weight (weights of the current settings). */
function HealthBreakdown({ health, components, weights }: { health: number; components: Components; weights: Weights | undefined }) {
  return (
    <div className="health-breakdown" data-testid="customer-health-components">
      {PARTS.map((part) => {
        const value = components[part.key];
        const weight = weights?.[part.key];
        return (
          <div className="health-part" key={part.key} title={part.meaning}>
            <span className="health-part-label">{part.label}</span>
            <span className="score-bar-track" aria-hidden="true">
              <span className={`score-bar-fill health-${healthTone(value)}`} style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
            </span>
            <span className="health-part-value num">{formatDecimal(value, 2)}</span>
            <span className="health-part-weight num muted">{weight === undefined ? '' : `× ${formatDecimal(weight, 4)}`}</span>
            <span className="health-part-points num">{weight === undefined ? '' : `= ${formatDecimal(weight * value, 1)}`}</span>
          </div>
        );
      })}
      {weights && (
        <div className="health-part health-part-total">
          <span className="health-part-divider" />
          <span className="health-part-label">Health, rounded</span>
          <span className="health-part-points num">= {Math.round(health)}</span>
        </div>
      )}
    </div>
  );
}

/** 0–100 with the high / medium / low risk zones of this environment and a marker at the health. */
function HealthBand({ health, settings: s }: { health: number; settings: TAnalyticsSettings }) {
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  return (
    <div className="health-band" aria-hidden="true">
      <div className="health-band-track">
        <span className="health-band-zone health-band-high" style={{ width: `${clamp(s.mediumRiskMin)}%` }} />
        <span className="health-band-zone health-band-medium" style={{ width: `${clamp(s.lowRiskMin) - clamp(s.mediumRiskMin)}%` }} />
        <span className="health-band-zone health-band-low" style={{ width: `${100 - clamp(s.lowRiskMin)}%` }} />
        <span className="health-band-marker" style={{ left: `${clamp(health)}%` }} />
      </div>
      <div className="health-band-scale">
        <span>0</span>
        <span style={{ left: `${clamp(s.mediumRiskMin)}%` }}>{s.mediumRiskMin}</span>
        <span style={{ left: `${clamp(s.lowRiskMin)}%` }}>{s.lowRiskMin}</span>
        <span>100</span>
      </div>
    </div>
  );
}
