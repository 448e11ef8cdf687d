// The status bar: the privacy promise, the edition, what is running, the last notice, and how
// many files are open under which environment.
import type { Platform } from '../platform/platform.js';
import type { WorkbenchState } from '../state/workbench.js';
import { formatCount } from './formatCount.js';

export function StatusBar({ kind, state, environmentName }: { kind: Platform['kind']; state: WorkbenchState; environmentName: string }) {
  return (
    <footer className="statusbar">
      <span className="privacy">
        <span aria-hidden="true">●</span> Nothing leaves this machine
      </span>
      <span className="muted">{kind === 'web' ? 'Web edition' : 'Desktop'}</span>
      <span className="statusbar-spacer" />
      {state.busy ? (
        <span className="busy" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> {state.busy}
        </span>
      ) : null}
      {state.notice ? (
        <span className={`notice notice-${state.notice.tone}`} role={state.notice.tone === 'error' ? 'alert' : 'status'}>
          {state.notice.text}
        </span>
      ) : null}
      <span className="muted">
        {formatCount(state.documents.length)} file{state.documents.length === 1 ? '' : 's'} · env {environmentName}
      </span>
    </footer>
  );
}
