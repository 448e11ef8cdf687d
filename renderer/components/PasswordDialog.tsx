// The PFX password prompt: names the file; a wrong password keeps the dialog open and says so.
// The password lives only in this input until it is sent to the worker, and is then cleared.
import { useEffect, useRef, useState } from 'react';
import type { PasswordPrompt } from '../state/workbench.js';
import { Icon } from './Icon.js';

export function PasswordDialog({
  prompt,
  busy,
  position = { index: 1, total: 1 },
  onSubmit,
  onCancel,
  onStop,
}: {
  prompt: PasswordPrompt;
  busy: boolean;
  /** This file's place among the files waiting for a password ("2 of 5"). */
  position?: { index: number; total: number };
  /** `forRemaining`: try the password on every file still waiting, this one first. */
  onSubmit(password: string, forRemaining: boolean): void;
  onCancel(): void;
  /** Stop the decryption running now (a file with a high iteration count can take seconds). */
  onStop?(): void;
}) {
  const [password, setPassword] = useState('');
  const [forRemaining, setForRemaining] = useState(false);
  const remaining = position.total - position.index;
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setPassword('');
    inputRef.current?.focus();
  }, [prompt.pendingId, prompt.wrongPassword, prompt.message]);
  const titleId = `pw-title-${prompt.pendingId}`;
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            if (busy) onStop?.();
            else onCancel();
          }
        }}
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          const value = password;
          setPassword('');
          onSubmit(value, forRemaining && remaining > 0);
        }}
      >
        <h2 id={titleId}>
          <Icon name="lock" /> Password for {prompt.fileName}
          {position.total > 1 ? (
            <span className="muted small" data-testid="password-position">
              {' '}
              ({position.index} of {position.total})
            </span>
          ) : null}
        </h2>
        <p className="muted">The password opens the PFX on this machine only. It is not stored.</p>
        <label className="field">
          <span>Password</span>
          <input
            ref={inputRef}
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={prompt.wrongPassword}
            aria-describedby={prompt.wrongPassword ? `${titleId}-error` : undefined}
            disabled={busy}
          />
        </label>
        {remaining > 0 ? (
          <label className="check">
            <input type="checkbox" checked={forRemaining} onChange={(e) => setForRemaining(e.target.checked)} disabled={busy} />
            <span>
              Use this password for the remaining {remaining} file{remaining === 1 ? '' : 's'}
            </span>
          </label>
        ) : null}
        {!busy && !prompt.wrongPassword && prompt.message.startsWith('Stopped opening ') ? (
          <p className="muted" role="status">
            {prompt.message}
          </p>
        ) : null}
        {prompt.wrongPassword ? (
          <p className="form-error" id={`${titleId}-error`} role="alert">
            <Icon name="error" size={13} /> {prompt.message}
          </p>
        ) : null}
        <div className="modal-actions">
          {busy && onStop ? (
            <button type="button" className="btn" onClick={onStop} title="Stop decrypting; the file waits for its password again" data-testid="password-stop">
              Stop
            </button>
          ) : (
            <button type="button" className="btn" onClick={onCancel} title="The file is listed as not opened (no password)">
              {position.total > 1 ? 'Skip this file' : 'Cancel'}
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </div>
  );
}
