/** The full key, shown exactly once after creation. */
import { Alert } from '../../components/alert';
import { SecretBox } from '../../components/copy-button';
import { Dialog } from '../../components/dialog';

export function KeyCreatedDialog({ secret, name, onClose }: { secret: string | null; name: string; onClose: () => void }) {
  return (
    <Dialog
      open={secret !== null}
      onClose={onClose}
      title="Your new API key"
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          I have saved the key
        </button>
      }
    >
      {secret && (
        <div className="stack">
          <Alert tone="warning" title="Copy it now: it will not be shown again">
            Tenure only stores a hash of the key. If you lose it, revoke it and create a new one.
          </Alert>
          {name && <div className="muted small">{name}</div>}
          <SecretBox secret={secret} testId="api-key-secret" />
          <p className="muted small">
            Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
        </div>
      )}
    </Dialog>
  );
}
