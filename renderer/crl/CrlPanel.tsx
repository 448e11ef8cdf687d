// The inspector for a certificate revocation list (issue 16.16): who issued it, when it was made
// and when the next one is due, how many serials it revokes, which open certificates are on it,
// and whether an open CA certificate signed it. The worker reads it (crlService.ts); the list is
// asked again when files open or close, since both answers depend on the open certificates.
import { useEffect, useState } from 'react';
import { useServices } from '../components/context.js';
import { Untrusted } from '../components/Untrusted.js';
import { Row } from '../inspector/Row.js';
import type { CrlDetails } from './crlService.js';

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');

function dueText(nextUpdate: string | null, now: Date): { text: string; tone: 'ok' | 'warn' | 'error' } {
  if (!nextUpdate) return { text: 'no next update given', tone: 'warn' };
  const days = Math.floor((Date.parse(nextUpdate) - now.getTime()) / 86_400_000);
  if (days < 0) return { text: `overdue by ${-days} day${days === -1 ? '' : 's'}: clients that check revocation refuse certificates of this CA until a newer CRL is published`, tone: 'error' };
  return { text: `due in ${days} day${days === 1 ? '' : 's'}`, tone: days <= 2 ? 'warn' : 'ok' };
}

const SIGNATURE_TEXT: Record<CrlDetails['signature']['status'], string> = {
  valid: 'Signed by the CA certificate in',
  invalid: 'Does NOT verify against the CA certificate in',
  unchecked: 'Cannot be checked here (signature algorithm) against',
  'no-ca': 'Not checked: open the issuing CA certificate to check it',
};

export function CrlPanel({ docId, revision }: { docId: string; /** Changes when files open or close (the inspector's model is asked again): the answers depend on them. */ revision: unknown }) {
  const { worker, now } = useServices();
  const [details, setDetails] = useState<{ docId: string; value: CrlDetails } | { docId: string; error: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    worker.crlDetails(docId).then(
      (value) => !cancelled && setDetails({ docId, value }),
      (error: Error) => !cancelled && setDetails({ docId, error: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [docId, revision, worker]);
  if (!details || details.docId !== docId) return <p className="muted pad">Reading the revocation list…</p>;
  if ('error' in details) return <p className="form-error pad">{details.error}</p>;
  const crl = details.value;
  const due = dueText(crl.nextUpdate, now());
  const signatureTone = crl.signature.status === 'valid' ? 'ok' : crl.signature.status === 'invalid' ? 'warn' : 'muted';
  return (
    <div className="overview crl-panel" data-testid="crl-panel">
      <div className="cn-block">
        <h2 className="cn">Certificate revocation list</h2>
        <div className="subject-line muted">
          Issued by <Untrusted text={crl.issuer} />
        </div>
      </div>
      <div className="badges">
        <span className="badge badge-muted" data-testid="crl-count">
          {crl.revokedCount.toLocaleString('en-US')} revoked serial{crl.revokedCount === 1 ? '' : 's'}
        </span>
        <span className={`badge badge-${signatureTone}`} data-testid="crl-signature" data-status={crl.signature.status}>
          {crl.signature.status === 'valid' ? 'Signature verifies ✓' : crl.signature.status === 'invalid' ? 'Signature does not verify ✖' : 'Signature not checked'}
        </span>
      </div>
      <dl className="rows">
        <Row label="This update" fields={[]} highlight={null}>
          {when(crl.thisUpdate)}
        </Row>
        <Row label="Next update" fields={[]} highlight={null}>
          <span data-testid="crl-next-update" data-tone={due.tone}>
            {crl.nextUpdate ? when(crl.nextUpdate) : '—'} <span className={due.tone === 'ok' ? 'muted' : `crl-${due.tone}`}>({due.text})</span>
          </span>
        </Row>
        <Row label="Signature" fields={[]} highlight={null}>
          {SIGNATURE_TEXT[crl.signature.status]}
          {crl.signature.caFileName ? (
            <>
              {' '}
              <Untrusted text={crl.signature.caFileName} />
            </>
          ) : null}
          .
        </Row>
        <Row label="Open certificates" fields={[]} highlight={null}>
          {crl.revoked.length === 0 ? (
            <span data-testid="crl-revoked-none">
              None of the open certificates from this issuer is on the list ({crl.notRevoked.toLocaleString('en-US')} checked).
            </span>
          ) : (
            <ul className="plain crl-revoked" data-testid="crl-revoked">
              {crl.revoked.map((r) => (
                <li key={`${r.fileName}-${r.serialNumber}`}>
                  <strong className="crl-error">Revoked:</strong> <Untrusted text={r.name} /> in <Untrusted text={r.fileName} /> <span className="muted mono small">serial {r.serialNumber}</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
    </div>
  );
}
