/** Labels, units and meanings of the numeric analytics settings (ANALYTICS.md "Settings"), by form section. */
import type { NumberKey } from './settings-draft';

export type SettingGroup = 'lifecycle' | 'health' | 'risk';

export interface SettingFieldSpec {
  key: NumberKey;
  group: SettingGroup;
  label: string;
  unit: string;
  hint: string;
}

export const SETTING_FIELDS: SettingFieldSpec[] = [
  { key: 'newDays', group: 'lifecycle', label: 'New for', unit: 'days', hint: 'Stage new while first seen within this many days' },
  {
    key: 'activeDays',
    group: 'lifecycle',
    label: 'Active window',
    unit: 'days',
    hint: 'Active: an event within this many days (stats and filters; no recompute)',
  },
  { key: 'churnDays', group: 'lifecycle', label: 'Churned after', unit: 'days', hint: 'Churned: no event for this many days' },
  {
    key: 'reactivationGapDays',
    group: 'lifecycle',
    label: 'Reactivation gap',
    unit: 'days',
    hint: 'Reactivated: back in the last 30 days after at least this many days without events',
  },
  {
    key: 'recencyHorizonDays',
    group: 'health',
    label: 'Recency horizon',
    unit: 'days',
    hint: 'Recency falls from 100 to 0 over this many days without events',
  },
  {
    key: 'engagementTarget',
    group: 'health',
    label: 'Engagement target',
    unit: 'events',
    hint: 'Events in 30 days that make engagement 100',
  },
  { key: 'lowRiskMin', group: 'risk', label: 'Low risk from', unit: 'health', hint: 'Health at or above this is low risk' },
  {
    key: 'mediumRiskMin',
    group: 'risk',
    label: 'Medium risk from',
    unit: 'health',
    hint: 'Health at or above this (and below low) is medium risk; below it, high',
  },
];
