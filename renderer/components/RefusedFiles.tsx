// Files that did not open, as one collapsible section under the documents: a folder with 65
// broken files shows one line ("Did not open (65)"), not 65 red cards that push the open files
// out of view. Opened, it lists every file with its reason; "Dismiss all" clears them.
import type { FailedFile } from '../state/workbench.js';
import { Icon } from './Icon.js';
import '../styles/workbench.css';
import { Visible } from './Untrusted.js';

/** Up to this many refused files the section starts open: a few reasons are worth seeing at once. */
const OPEN_UP_TO = 3;

const formatCount = (n: number) => n.toLocaleString('en-US');

export function RefusedFiles({ failures, onDismiss }: { failures: readonly FailedFile[]; onDismiss(key: string): void }) {
  if (failures.length === 0) return null;
  return (
    <details className="refused" data-testid="refused-files" open={failures.length <= OPEN_UP_TO}>
      <summary>
        <Icon name="error" size={13} /> Did not open <span className="count">{formatCount(failures.length)}</span>
      </summary>
      <ul className="refused-list" aria-label="Files that did not open">
        {failures.map((failure) => (
          <li key={failure.key} className="failure refused-item">
            {/* The message names the file (one sentence per file, from the core). */}
            <span className="refused-text">
              <Visible text={failure.message} />
            </span>
            <button type="button" className="icon-btn" aria-label={`Dismiss the message about ${failure.fileName}`} onClick={() => onDismiss(failure.key)}>
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-small refused-dismiss" onClick={() => failures.forEach((f) => onDismiss(f.key))}>
        Dismiss all
      </button>
    </details>
  );
}
