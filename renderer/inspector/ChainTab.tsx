// The chain as far as the loaded files allow: each certificate, where it came from and
// whether the chain ends in a root that is present. Public-root trust is judged by the rules.
import { displayName } from '../lib/document.js';
import { daysLeftLabel, formatDate } from '../lib/validity.js';
import { useServices } from '../components/context.js';
import type { ChainLink } from '../worker/protocol.js';

/** `links` is the chain the worker built through the open files, the certificate first. */
export function ChainTab({ links }: { links: ChainLink[] }) {
  const { now } = useServices();
  const chain = links.map((l) => l.cert);
  const top = chain[chain.length - 1]!;
  const complete = top.selfSigned;
  return (
    <div className="pad">
      <p className={complete ? 'chain-status ok' : 'chain-status warn'}>
        {complete
          ? `The chain ends in the root “${displayName(top)}”, which is among the loaded files. Whether that root is trusted is a question for the role rules and your environment's trusted roots.`
          : `The chain stops at “${displayName(top)}”: its issuer “${top.issuerCommonName ?? top.issuer}” is not among the loaded files. Open the issuing CA and root (a .p7b or .cer) to complete it.`}
      </p>
      <ol className="chain">
        {links.map(({ cert: c, fileName: from }, i) => {
          const role = i === 0 ? (c.isCA ? 'CA certificate' : 'End entity') : c.selfSigned ? 'Root' : 'Intermediate';
          return (
            <li key={c.sha256} className="chain-item">
              <div className="chain-head">
                <strong>{displayName(c)}</strong>
                <span className="badge badge-muted">{role}</span>
              </div>
              <div className="muted small">
                Issued by {c.issuerCommonName ?? c.issuer} · {formatDate(c.notBefore)} → {formatDate(c.notAfter)} ({daysLeftLabel(c.notBefore, c.notAfter, now())})
              </div>
              <div className="muted small">
                <code className="mono">{c.thumbprint}</code>
                {from ? ` · from ${from}` : ''}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
