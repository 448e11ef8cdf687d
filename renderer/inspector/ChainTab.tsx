// The chain the rules judge (shared/trust, built by the worker from this file, the other open
// files and the environment's trusted roots): its headline is the chain finding's title, so the
// tab and the finding cannot disagree. Each certificate, where it came from, and whether its
// signature verified with the next one's key.
import { shortName } from '../../shared/rules/helpers/trust.js';
import { anchorWords, chainHeadline } from '../../shared/trust/describe.js';
import type { ChainLink as TrustLink, TrustResult } from '../../shared/trust/types.js';
import { displayName } from '../lib/document.js';
import { daysLeftLabel, formatDate } from '../lib/validity.js';
import { useServices } from '../components/context.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { Untrusted, Visible } from '../components/Untrusted.js';

/** `trust` is the chain of `cert` as the worker built it; null while it is being built. */
export function ChainTab({ cert, trust }: { cert: CertificateModel; trust: TrustResult | null }) {
  const { now } = useServices();
  if (!trust) {
    return (
      <div className="pad">
        <p className="chain-status" aria-busy="true">
          Building the chain of “<Untrusted text={displayName(cert)} />”…
        </p>
      </div>
    );
  }
  const { title, tone } = chainHeadline(trust);
  return (
    <div className="pad">
      <p className={tone === 'ok' ? 'chain-status ok' : 'chain-status warn'} data-chain-status={trust.status}>
        <strong>
          <Visible text={title} />
        </strong>
        : <Visible text={explanation(trust)} />
      </p>
      <ol className="chain">
        {trust.chain.map((l, i) => (
          <li key={`${l.sha256 ?? l.subject}-${i}`} className="chain-item">
            <div className="chain-head">
              <strong>
                <Untrusted text={shortName(l.subject)} />
              </strong>
              <span className="badge badge-muted">{i === 0 ? (cert.isCA ? 'CA certificate' : 'End entity') : l.selfSigned ? 'Root' : 'Intermediate'}</span>
            </div>
            <div className="muted small">
              Issued by <Untrusted text={shortName(l.issuer)} />
              {l.notBefore && l.notAfter ? ` · ${formatDate(l.notBefore)} → ${formatDate(l.notAfter)} (${daysLeftLabel(l.notBefore, l.notAfter, now())})` : ''}
              {signatureWords(l, i === trust.chain.length - 1)}
            </div>
            <div className="muted small">
              {l.thumbprint ? <code className="mono">{l.thumbprint}</code> : null}
              {' · '}
              <Visible text={sourceWords(l)} />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

function explanation(trust: TrustResult): string {
  const top = trust.chain[trust.chain.length - 1]!;
  const problems = trust.problems.length ? ` ${trust.problems.join(' ')}` : '';
  switch (trust.status) {
    case 'trusted':
      return `the chain ends in ${anchorWords(trust)}.${problems}`;
    case 'incomplete':
      return `the issuer of “${shortName(top.subject)}” (${shortName(top.issuer)}) is neither among the open files nor among your environment's trusted roots. Open the issuing CA certificate alongside it.${problems}`;
    case 'untrusted-root':
      return `the chain ends in the root “${shortName(top.subject)}”, which is neither a public root nor among your environment's trusted internal roots. If it is your internal CA, add it to the environment's trusted internal roots (Environment).${problems}`;
    case 'self-signed':
      return `only machines that hold this certificate among their trusted root certificates trust it.${problems}`;
    case 'invalid-signature':
      return `the certificate was not issued by the CA it names, or the file was altered.${problems}`;
  }
}

function signatureWords(l: TrustLink, last: boolean): string {
  if (l.signatureVerified === true) return last && l.selfSigned ? ' · own signature verified' : ' · signature verified';
  if (l.signatureVerified === false) return ' · signature does not verify';
  return '';
}

function sourceWords(l: TrustLink): string {
  switch (l.source) {
    case 'file':
      return l.fileName ? `from ${l.fileName}` : 'from this file';
    case 'other-file':
      return l.fileName ? `from ${l.fileName} (another open file)` : 'from another open file';
    case 'environment':
      return "from your environment's trusted roots";
    case 'trust-file':
      return 'from a trusted CA certificate';
    case 'public-list':
      return 'a public root (known to CertBench by its key)';
  }
}
