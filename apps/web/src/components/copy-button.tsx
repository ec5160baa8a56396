import { useEffect, useState } from 'react';
import { Icon } from './icons';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs a secure context; the text stays selectable by hand.
      setState('failed');
    }
  };

  return (
    <button type="button" className="btn btn-sm" onClick={copy}>
      <Icon name={state === 'copied' ? 'check' : 'copy'} />
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select it' : label}
    </button>
  );
}

/** A one-time secret (a key, an invite link) in a box with its copy button. */
export function SecretBox({ secret, testId }: { secret: string; testId: string }) {
  return (
    <div className="secret-box">
      <code className="secret" data-testid={testId}>
        {secret}
      </code>
      <CopyButton text={secret} />
    </div>
  );
}
