// The thumbprint exactly as Exchange and Lync want it: 40 upper-case hex, no spaces, one-click
// copy; the spaced form Windows shows appears on hover for comparing with the MMC dialog.
import { spacedThumbprint } from '../../shared/model/thumbprint.js';
import { CopyButton } from '../components/CopyButton.js';

export function Thumbprint({ value }: { value: string }) {
  return (
    <span className="thumbprint">
      <code className="mono thumb-value" title={spacedThumbprint(value)} data-testid="thumbprint" data-copy={value} tabIndex={0}>
        {value}
      </code>
      <CopyButton text={value} what="thumbprint" />
    </span>
  );
}
