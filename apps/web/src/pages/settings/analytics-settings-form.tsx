/**
 * Every analytics setting of the environment, grouped by what it drives. Read-only for roles
 * without `settings:write`; saving sends only the changed settings and shows the recompute.
 */
import { ANALYTICS_DEFAULTS, type TAnalyticsSettings } from '@tenure/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { errorIssues } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { RecomputeStatusPanel } from './recompute-status';
import { SETTING_FIELDS, type SettingGroup } from './setting-fields';
import { SettingField } from './setting-field';
import { type FieldErrors, issuesToErrors, parseDraft, type SettingsDraft, settingsPatch, toDraft } from './settings-draft';
import { useRecomputeStatus } from './use-recompute-status';
import { WeightsFieldset } from './weights-fieldset';

export function AnalyticsSettingsForm({ saved, canEdit }: { saved: TAnalyticsSettings; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(saved));
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    ...trpc.analytics.updateSettings.mutationOptions(),
    onSuccess: ({ settings }) => {
      queryClient.setQueryData(trpc.analytics.getSettings.queryKey(), { settings });
      setDraft(toDraft(settings));
    },
    onError: (error) => setErrors(issuesToErrors(errorIssues(error))),
  });
  const status = useRecomputeStatus(save);

  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(saved));
  // Editing again starts a new change: the last save's messages no longer describe the form.
  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setErrors({});
    if (!save.isIdle) save.reset();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    save.mutate(settingsPatch(saved, parsed.settings));
  };

  const group = (g: SettingGroup): ReactNode =>
    SETTING_FIELDS.filter((f) => f.group === g).map((f) => (
      <SettingField
        key={f.key}
        id={f.key}
        label={f.label}
        unit={f.unit}
        hint={f.hint}
        value={draft.numbers[f.key]}
        error={errors[f.key]}
        onChange={(value) => edit({ ...draft, numbers: { ...draft.numbers, [f.key]: value } })}
      />
    ));

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="analytics-settings-form">
      {/* A disabled fieldset makes every input read-only for roles that cannot save. */}
      <fieldset className="settings-fieldset" disabled={!canEdit || save.isPending}>
        <SettingsSection title="Lifecycle stages" description="When a customer counts as new, active, reactivated or churned.">
          <div className="settings-grid">{group('lifecycle')}</div>
        </SettingsSection>
        <SettingsSection title="Health score" description="Health is the weighted sum of recency, engagement and the monetary trend.">
          <div className="settings-grid">{group('health')}</div>
          <WeightsFieldset
            draft={draft}
            errors={errors}
            onChange={(key, value) => edit({ ...draft, weights: { ...draft.weights, [key]: value } })}
          />
        </SettingsSection>
        <SettingsSection title="Risk levels" description="Bands of health: low risk, medium risk, and high risk below both.">
          <div className="settings-grid">{group('risk')}</div>
        </SettingsSection>
        <SettingsSection title="Ingestion" description="What browser and app keys may send.">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.allowPublishableRevenue}
              onChange={(e) => edit({ ...draft, allowPublishableRevenue: e.target.checked })}
              data-testid="setting-allowPublishableRevenue"
            />
            <span>
              Publishable keys may send revenue with events
              <span className="field-hint">Off by default: anyone can read a publishable key from a web page and report purchases.</span>
            </span>
          </label>
        </SettingsSection>
      </fieldset>
      {errors.form && <span className="field-error">{errors.form}</span>}
      {save.error && <ErrorAlert error={save.error} title="Could not save the settings" />}
      <RecomputeStatusPanel status={status} />
      {canEdit && (
        <div className="settings-actions">
          <button type="submit" className="btn btn-primary" disabled={!dirty || save.isPending} data-testid="settings-save">
            {save.isPending ? 'Saving…' : 'Save settings'}
          </button>
          <button type="button" className="btn" disabled={!dirty || save.isPending} onClick={() => edit(toDraft(saved))}>
            Discard changes
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={save.isPending}
            onClick={() => edit(toDraft({ ...ANALYTICS_DEFAULTS, weights: { ...ANALYTICS_DEFAULTS.weights } }))}
            title="Fill in the defaults; nothing is saved until you save"
          >
            Use defaults
          </button>
        </div>
      )}
    </form>
  );
}

function SettingsSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section className="settings-section">
      <div className="settings-section-head">
        <h3>{title}</h3>
        <p className="muted small">{description}</p>
      </div>
      <div className="stack">{children}</div>
    </section>
  );
}
