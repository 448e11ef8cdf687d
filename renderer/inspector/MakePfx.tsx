// "Make a PFX" in the inspector: for a key file, complete the request — CertBench finds the issued
// certificate among the open files by public key and adds the chain from the open CA
// certificates; for an AES PFX, re-export it as legacy 3DES for Windows Server 2016 and older.
// The key and the passwords stay in the worker and in these inputs only; the PFX is saved.
import { useState } from 'react';
import type { PfxProfile } from '../../shared/pfx/profiles.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { useServices } from '../components/context.js';
import { Icon } from '../components/Icon.js';

const PROFILE_TEXT: Record<PfxProfile, string> = {
  modern: 'Modern: AES-256, SHA-256 MAC — Windows Server 2019 and later',
  legacy: 'Legacy: 3DES, SHA-1 MAC — Windows Server 2012 R2 and 2016 too',
};

export function MakePfx({
  docId,
  fileName,
  mode,
  needsPassphrase,
}: {
  docId: string;
  fileName: string;
  /** complete: a key file with its issued certificate; reexport: an AES PFX as legacy. */
  mode: 'complete' | 'reexport';
  needsPassphrase: boolean;
}) {
  const { worker, platform, notify } = useServices();
  const [open, setOpen] = useState(false);
  const [profile, setProfile] = useState<PfxProfile>(mode === 'reexport' ? 'legacy' : 'modern');
  const [passphrase, setPassphrase] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  if (!open) {
    return (
      <div className="make-pfx make-pfx-closed">
        <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
          <Icon name="key" size={13} /> {mode === 'complete' ? 'Complete into a PFX…' : 'Re-export as legacy 3DES (Server 2016 and older)…'}
        </button>
      </div>
    );
  }
  const make = async () => {
    setError(null);
    setResult(null);
    if (password !== repeat) {
      setError('The two PFX passwords differ.');
      return;
    }
    setBusy(true);
    try {
      const built = await worker.buildPfx({ keyDocId: docId, ...(needsPassphrase ? { passphrase } : {}), password, profile });
      setPassphrase('');
      setPassword('');
      setRepeat('');
      const saved = await platform.saveFile({ suggestedName: built.fileName, data: built.bytes, mimeType: 'application/x-pkcs12' });
      const chain = built.chainFiles.length > 0 ? ` with the chain ${built.chainFiles.join(' › ')}` : ' without a chain (no issuing CA certificate is open)';
      const text = `${built.fileName}: the certificate ${built.thumbprint} from ${built.certificateFile}${chain}, ${profile === 'legacy' ? 'legacy 3DES' : 'modern AES'}.`;
      setResult(saved ? `Saved ${text}` : `Made, not saved: ${text}`);
      if (saved) notify(`Saved to ${saved.where}`);
    } catch (e) {
      setError(forPeople((e as Error).message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="make-pfx section"
      aria-label="Make a PFX"
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void make();
      }}
    >
      <h3>{mode === 'complete' ? 'Complete into a PFX' : 'Re-export the PFX'}</h3>
      <p className="muted small">
        {mode === 'complete'
          ? `The key in ${fileName} is paired by public key with the issued certificate among the open files; open CA certificates are added as its chain.`
          : `The certificate and key of ${fileName}, with the open chain, in a new PFX. Windows Server 2016 and older cannot import the AES one.`}
      </p>
      {needsPassphrase ? (
        <label className="field">
          <span>Key passphrase</span>
          <input type="password" aria-label="Key passphrase" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
      ) : null}
      <div className="grid-2">
        <label className="field">
          <span>New PFX password</span>
          <input type="password" aria-label="New PFX password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label className="field">
          <span>Repeat the PFX password</span>
          <input type="password" aria-label="Repeat the PFX password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
      </div>
      <fieldset className="pfx-profile">
        <legend>Profile</legend>
        {(['modern', 'legacy'] as const).map((p) => (
          <label key={p} className="check">
            <input type="radio" name={`pfx-profile-${docId}`} value={p} checked={profile === p} onChange={() => setProfile(p)} /> {PROFILE_TEXT[p]}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p className="form-error" role="alert">
          <Icon name="error" size={13} /> {error}
        </p>
      ) : null}
      {result ? (
        <p className="small" data-testid="pfx-result">
          <Icon name="pass" size={13} /> {result}
        </p>
      ) : null}
      <div className="script-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Making the PFX…' : 'Make and save the PFX'}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </form>
  );
}
