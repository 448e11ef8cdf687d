// The request designer's Generate step: the key passphrase (checked as it is typed by the one
// rule for new secrets, the message under the field), then the worker runs the core's
// generateRequestFiles and the files are shown to copy or save under the names the CLI uses.
import { useState } from 'react';
import type { RequestDraft } from '../../shared/csr/draft.js';
import { requestPassphraseProblem } from '../../shared/csr/requestFiles.js';
import { forPeople } from '../../shared/words/forPeople.js';
import { CopyButton } from '../components/CopyButton.js';
import { useServices } from '../components/context.js';
import type { GeneratedRequest } from '../worker/requestService.js';

export function GenerateSection({ draft }: { draft: RequestDraft | null }) {
  const { worker, platform, notify } = useServices();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [generating, setGenerating] = useState(false);
  const [generated, setGenerated] = useState<GeneratedRequest | null>(null);
  const [generateError, setGenerateError] = useState<string | null>(null);
  // Said once something is typed: an empty field is not yet a mistake.
  const weak = passphrase === '' ? null : requestPassphraseProblem(passphrase);
  const differ = confirm !== '' && confirm !== passphrase;

  const save = async (file: GeneratedRequest['files'][number]) => {
    const saved = await platform.saveFile({ suggestedName: file.name, data: file.kind === 'script' ? file.text.replace(/\r?\n/g, '\r\n') : file.text, mimeType: 'text/plain' });
    return saved?.where ?? null;
  };

  const generate = async () => {
    setGenerateError(null);
    if (passphrase !== confirm) {
      setGenerateError('The two passphrases differ.');
      return;
    }
    if (!draft) return;
    setGenerating(true);
    try {
      setGenerated(await worker.generateRequest(draft, passphrase));
      setPassphrase('');
      setConfirm('');
    } catch (error) {
      setGenerateError((error as Error).message);
    } finally {
      setGenerating(false);
    }
  };

  return (
    <fieldset className="section">
      <legend>Generate</legend>
      <p className="muted small">
        CertBench makes the key here and saves it only encrypted (PKCS#8, AES-256, PBKDF2). The INF and the script make the key on the server instead — use
        one or the other.
      </p>
      <div className="grid-2">
        <label className="field">
          <span>Passphrase for the private key</span>
          <input
            type="password"
            aria-label="Key passphrase"
            aria-invalid={weak ? true : undefined}
            aria-describedby={weak ? 'key-passphrase-problem' : undefined}
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          {weak ? (
            <span id="key-passphrase-problem" className="form-error field-problem" data-testid="passphrase-problem">
              {weak}
            </span>
          ) : null}
        </label>
        <label className="field">
          <span>Repeat the passphrase</span>
          <input type="password" aria-label="Repeat the key passphrase" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          {differ ? <span className="form-error field-problem">The two passphrases differ.</span> : null}
        </label>
      </div>
      {generateError ? (
        <p className="form-error" role="alert">
          {forPeople(generateError)}
        </p>
      ) : null}
      <button type="button" className="btn btn-primary" disabled={!draft || generating} onClick={() => void generate()}>
        {generating ? 'Generating…' : 'Generate CSR, key, INF and script'}
      </button>
      {generated ? (
        <div className="outputs" data-testid="request-outputs">
          <div className="script-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={async () => {
                const where: string[] = [];
                for (const file of generated.files) {
                  const w = await save(file);
                  if (w) where.push(w);
                }
                if (where.length) notify(`Saved ${where.length} file${where.length === 1 ? '' : 's'}: ${where.join(', ')}`);
              }}
            >
              Save all {generated.files.length} files
            </button>
          </div>
          {generated.files.map((file) => (
            <div key={file.name} className="output-card">
              <div className="output-head">
                <strong className="mono">{file.name}</strong>
                <span className="view-actions">
                  <CopyButton text={file.text} what={file.name} />
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={async () => {
                      const w = await save(file);
                      if (w) notify(`Saved to ${w}`);
                    }}
                  >
                    Save
                  </button>
                </span>
              </div>
              <pre className="mono">{file.text}</pre>
            </div>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
