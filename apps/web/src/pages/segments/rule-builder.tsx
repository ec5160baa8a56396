/** The visual rule builder: match all/any, rule rows, and the live estimate of who matches. */
import type { SegmentMatch } from '@tenure/contract';
import { Icon } from '../../components/icons';
import { newDraft, type RuleDraft } from './rule-model';
import { RuleRow } from './rule-row';

interface Props {
  match: SegmentMatch;
  drafts: RuleDraft[];
  problems: Map<number, { part: string; message: string }[]>;
  onMatchChange: (match: SegmentMatch) => void;
  onDraftsChange: (drafts: RuleDraft[]) => void;
}

export function RuleBuilder({ match, drafts, problems, onMatchChange, onDraftsChange }: Props) {
  return (
    <div className="stack-sm" data-testid="rule-builder">
      <div className="row gap-sm">
        <span>Customers matching</span>
        <fieldset className="segmented" aria-label="Match">
          {(['all', 'any'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={match === m}
              className={`segmented-option${match === m ? ' is-active' : ''}`}
              onClick={() => onMatchChange(m)}
              data-testid={`match-${m}`}
            >
              {m}
            </button>
          ))}
        </fieldset>
        <span>of these rules</span>
      </div>
      {drafts.length === 0 ? (
        <p className="muted small">
          No rules yet: {match === 'all' ? 'every customer matches.' : 'no customer matches.'} Add a rule to narrow it down.
        </p>
      ) : (
        <ol className="rule-list-rows">
          {drafts.map((draft, i) => (
            <RuleRow
              key={draft.id}
              draft={draft}
              index={i}
              problems={problems.get(i) ?? []}
              onChange={(next) => onDraftsChange(drafts.map((d) => (d.id === draft.id ? next : d)))}
              onRemove={() => onDraftsChange(drafts.filter((d) => d.id !== draft.id))}
            />
          ))}
        </ol>
      )}
      {(problems.get(-1) ?? []).map((p) => (
        <p key={p.message} className="field-error">
          {p.message}
        </p>
      ))}
      <div>
        <button
          type="button"
          className="btn btn-sm"
          disabled={drafts.length >= 50}
          onClick={() => onDraftsChange([...drafts, newDraft()])}
          data-testid="rule-add"
        >
          <Icon name="plus" /> Add rule
        </button>
      </div>
    </div>
  );
}
