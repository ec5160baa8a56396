/**
 * Chart colors of lifecycle stages and risk levels: the mid tones of the badge palette
 * (styles/base.css), so a bar or slice matches the badge the customers table shows for it.
 */
import type { LIFECYCLE_STAGES, RISK_LEVELS } from '@tenure/contract';

export const STAGE_COLORS: Record<(typeof LIFECYCLE_STAGES)[number], string> = {
  new: '#2e90fa',
  active: '#17b26a',
  reactivated: '#7a5af8',
  at_risk: '#f79009',
  dormant: '#98a2b3',
  churned: '#f04438',
};

/** `none`: customers without events, who have no health and so no risk level. */
export const RISK_COLORS: Record<(typeof RISK_LEVELS)[number] | 'none', string> = {
  low: '#17b26a',
  medium: '#f79009',
  high: '#f04438',
  none: '#d0d5dd',
};
