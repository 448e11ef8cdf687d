// One-click copy with a short "Copied" acknowledgement that screen readers hear too.
import { useEffect, useState } from 'react';
import { useServices } from './context.js';
import { Icon } from './Icon.js';

export function CopyButton({ text, label = 'Copy', what }: { text: string; label?: string; what?: string }) {
  const { platform, notify } = useServices();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1600);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="btn btn-small"
      aria-label={what ? `Copy ${what}` : label}
      onClick={async () => {
        try {
          await platform.copyText(text);
          setCopied(true);
        } catch (error) {
          notify((error as Error).message, 'error');
        }
      }}
    >
      <Icon name={copied ? 'pass' : 'copy'} size={14} />
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}
