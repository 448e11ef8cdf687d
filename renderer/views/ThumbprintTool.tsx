// Paste anything that looks like a thumbprint (MMC dialog with its hidden U+200E, certutil's
// spaced pairs, OpenSSL's colons, lower case) → the clean 40-hex value and which of the
// loaded certificates it is. Paste whole lines (a Get-ExchangeCertificate table, certutil's
// "Cert Hash(sha1)", a Format-List) → every thumbprint inside them, each linked to its file.
import { useEffect, useState } from 'react';
import { findThumbprints } from '../../shared/model/findThumbprints.js';
import { cleanThumbprint, spacedThumbprint } from '../../shared/model/thumbprint.js';
import { CopyButton } from '../components/CopyButton.js';
import '../styles/estate.css';
import { Icon } from '../components/Icon.js';
import { Untrusted } from '../components/Untrusted.js';
import { useServices } from '../components/context.js';
import type { OpenDocument } from '../state/workbench.js';

export function ThumbprintTool({ documents, onSelect }: { documents: OpenDocument[]; onSelect(docId: string, certIndex: number): void }) {
  const { worker } = useServices();
  const [input, setInput] = useState('');
  const cleaned = cleanThumbprint(input);
  // A SHA-256 fingerprint is looked up in the worker, which holds the full models; the list
  // knows SHA-1 thumbprints only.
  const sha256 = cleaned.unexpected.length === 0 && cleaned.value.length === 64 ? cleaned.value : null;
  const [sha256Found, setSha256Found] = useState<{ value: string; hits: { docId: string; certIndex: number }[] } | null>(null);
  useEffect(() => {
    if (!sha256) return;
    let cancelled = false;
    worker.findSha256(sha256).then(
      (hits) => !cancelled && setSha256Found({ value: sha256, hits }),
      () => !cancelled && setSha256Found({ value: sha256, hits: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [sha256, worker, documents.length]);
  const sha256Hits = sha256 && sha256Found?.value === sha256 ? sha256Found.hits : [];
  const matches = cleaned.value
    ? documents.flatMap((doc) =>
        doc.summary.certificates
          .map((cert, index) => ({ doc, cert, index }))
          .filter(({ cert, index }) => cert.thumbprint === cleaned.value || sha256Hits.some((h) => h.docId === doc.docId && h.certIndex === index)),
      )
    : [];
  const length = cleaned.value.length;
  // Not one clean value: look for thumbprints inside the lines (the core finds them).
  const found = !cleaned.valid && length !== 64 && input.trim() ? findThumbprints(input) : [];
  const lines = input.split(/\r?\n/);
  const holders = (thumbprint: string) =>
    documents.flatMap((doc) => doc.summary.certificates.map((cert, index) => ({ doc, cert, index })).filter(({ cert }) => cert.thumbprint === thumbprint));
  if (found.length > 0) {
    return (
      <section className="tool-view" aria-label="Thumbprint tool">
        <h2>Thumbprint tool</h2>
        <p className="muted">
          Paste a thumbprint — or whole lines from Get-ExchangeCertificate, certutil or a script: CertBench finds every thumbprint inside them.
        </p>
        <label className="field">
          <span>Pasted value</span>
          <textarea rows={4} spellCheck={false} className="mono" value={input} onChange={(e) => setInput(e.target.value)} aria-label="Pasted thumbprint" />
        </label>
        <p aria-live="polite">
          Found {found.length} thumbprint{found.length === 1 ? '' : 's'} in the pasted text.
        </p>
        <ul className="thumb-found" data-testid="found-thumbprints">
          {found.map((f, i) => {
            const hits = holders(f.thumbprint);
            const line = (lines[f.line - 1] ?? '').trim();
            return (
              <li key={`${f.thumbprint}-${i}`} className="thumb-found-item" data-testid="found-thumbprint">
                <div className="thumb-clean">
                  <code className="mono thumb-value" title={spacedThumbprint(f.thumbprint)}>
                    {f.thumbprint}
                  </code>
                  <CopyButton text={f.thumbprint} what={`thumbprint on line ${f.line}`} />
                  <span className="muted small">line {f.line}{f.hadInvisible ? ' · invisible characters removed' : ''}</span>
                </div>
                {line ? <div className="muted small mono thumb-line" title={line}>{line.length > 120 ? `${line.slice(0, 120)}…` : line}</div> : null}
                {hits.length > 0 ? (
                  <div className="thumb-matches" data-testid="thumbprint-match">
                    {hits.map(({ doc, cert, index }) => (
                      <button key={`${doc.docId}-${index}`} type="button" className="match" onClick={() => onSelect(doc.docId, index)}>
                        <Icon name="pass" size={13} /> It is{' '}
                        <strong>
                          <Untrusted text={cert.name} />
                        </strong>{' '}
                        in <Untrusted text={doc.fileName} />
                      </button>
                    ))}
                  </div>
                ) : (
                  <p className="muted small">Not among the {documents.length} loaded file{documents.length === 1 ? '' : 's'}.</p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
  return (
    <section className="tool-view" aria-label="Thumbprint tool">
      <h2>Thumbprint tool</h2>
      <p className="muted">
        Paste a thumbprint from the certificate dialog, certutil, OpenSSL or a script. CertBench removes spaces, colons and invisible characters
        and gives the 40 upper-case hex characters Exchange and Lync expect.
      </p>
      <label className="field">
        <span>Pasted value</span>
        <textarea
          rows={2}
          spellCheck={false}
          className="mono"
          value={input}
          onChange={(e) => setInput(e.target.value)}
          placeholder="‎1a 31 b7 fe … or 1A:31:B7:…"
          aria-label="Pasted thumbprint"
        />
      </label>
      {input.trim() ? (
        <div className="thumb-result" aria-live="polite">
          <div className="thumb-clean">
            <code className="mono thumb-value" data-testid="clean-thumbprint" title={spacedThumbprint(cleaned.value)}>
              {cleaned.value || '(nothing left)'}
            </code>
            {cleaned.value ? <CopyButton text={cleaned.value} what="clean thumbprint" /> : null}
          </div>
          <ul className="checks">
            <li className={cleaned.valid ? 'ok' : 'bad'}>
              <Icon name={cleaned.valid ? 'pass' : 'error'} size={13} />
              {cleaned.valid
                ? 'A valid SHA-1 thumbprint: 40 hex characters.'
                : cleaned.unexpected.length > 0
                  ? `Not a thumbprint: it contains ${cleaned.unexpected.map((c) => `“${c}”`).join(', ')}.`
                  : length === 64
                    ? 'This is a SHA-256 fingerprint (64 hex). Exchange and Lync use the SHA-1 thumbprint (40 hex).'
                    : `Not a thumbprint: ${length} hex characters instead of 40.`}
            </li>
            {cleaned.invisibleRemoved.length > 0 ? (
              <li className="warn">
                <Icon name="warn" size={13} />
                Removed invisible characters: {[...new Set(cleaned.invisibleRemoved)].join(', ')} — the Windows certificate dialog adds U+200E when
                you copy; pasted into a cmdlet it makes the lookup fail.
              </li>
            ) : null}
          </ul>
          {cleaned.value ? (
            matches.length > 0 ? (
              <div className="thumb-matches" data-testid="thumbprint-match">
                {matches.map(({ doc, cert, index }) => (
                  <button key={`${doc.docId}-${index}`} type="button" className="match" onClick={() => onSelect(doc.docId, index)}>
                    <Icon name="pass" size={13} /> It is{' '}
                        <strong>
                          <Untrusted text={cert.name} />
                        </strong>{' '}
                        in <Untrusted text={doc.fileName} />
                  </button>
                ))}
              </div>
            ) : (
              <p className="muted">None of the {documents.length} loaded file{documents.length === 1 ? '' : 's'} holds a certificate with this thumbprint.</p>
            )
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
