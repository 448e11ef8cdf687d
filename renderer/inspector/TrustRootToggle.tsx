// "Trust this root for checks in this session": the app's way to vouch for a private root the
// user opened beside the leaf (what the CLI's trusted-CA file option does). The mark lives in the workbench state
// (trustedDocIds); the worker then builds every chain with that file's certificates as trust
// anchors, so the chain finding, the verdicts and the Chain tab all change together. Nothing is
// saved: the environment's trusted roots are where a root is kept for good.
import { shortName } from '../../shared/rules/helpers/trust.js';
import type { TrustResult } from '../../shared/trust/types.js';
import { Untrusted } from '../components/Untrusted.js';
import type { ChainLink } from '../worker/protocol.js';

export interface TrustMarks {
  /** Open files trusted for checks in this session. */
  trusted: readonly string[];
  onTrust(docId: string, trusted: boolean): void;
}

/** The label of the control, also named by the chain finding's fix in the app. */
export const TRUST_ROOT_LABEL = 'Trust this root for checks in this session';

/**
 * The open file holding the root that ends this chain, when the user could vouch for it: a
 * self-signed CA certificate from an open file, and the chain not trusted otherwise (or trusted
 * only through this mark).
 */
export function markableRoot(links: readonly ChainLink[], trust: TrustResult | null, trusted: readonly string[]): ChainLink | null {
  if (!trust || links.length !== trust.chain.length) return null;
  const top = links[links.length - 1]!;
  if (!top.docId || !top.cert.isCA || !trust.chain[trust.chain.length - 1]!.selfSigned) return null;
  if (trusted.includes(top.docId)) return top;
  return trust.status === 'untrusted-root' || trust.status === 'self-signed' ? top : null;
}

export function TrustRootToggle({ links, trust, marks }: { links: readonly ChainLink[]; trust: TrustResult | null; marks: TrustMarks }) {
  const root = markableRoot(links, trust, marks.trusted);
  if (!root?.docId) return null;
  const docId = root.docId;
  const checked = marks.trusted.includes(docId);
  return (
    <div className="pad trust-root" data-trust-root={checked ? 'trusted' : 'not-trusted'}>
      <label>
        <input type="checkbox" checked={checked} onChange={(e) => marks.onTrust(docId, e.target.checked)} />
        <span>{TRUST_ROOT_LABEL}</span>
      </label>
      <p className="muted small">
        {checked ? 'Checks in this window treat ' : 'If it is your internal CA, checks in this window can treat '}“<Untrusted text={shortName(root.cert.subject)} />” (
        <Untrusted text={root.fileName} />) as a trusted root, as the servers that hold it do. Nothing is saved: to keep it, add it to the environment's trusted
        internal roots (Environment).
      </p>
    </div>
  );
}
