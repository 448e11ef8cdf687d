// Estate findings (cross-server) as cards: status icon and word, what was found, the fix first,
// then the detail; a card opens the finding's page. The same card, in full, is that page.
import type { EstateFinding } from '../../shared/estate/auditTypes.js';
import type { Finding } from '../../shared/rules/engine/types.js';
import { CitationText } from '../components/CitationText.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Untrusted, Visible } from '../components/Untrusted.js';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';

const ACTIONABLE = new Set(['error', 'fatal', 'warn']);

/** Errors, warnings and notes as cards; what passed (or did not apply) folded away below them. */
export function EstateFindingList({ findings, onOpen }: { findings: readonly EstateFinding[]; onOpen(index: number): void }) {
  if (findings.length === 0) return <p className="muted">No estate-wide findings.</p>;
  const indexed = findings.map((finding, index) => ({ finding, index }));
  const open = indexed.filter(({ finding }) => finding.status !== 'pass' && finding.status !== 'not_applicable');
  const quiet = indexed.filter(({ finding }) => finding.status === 'pass' || finding.status === 'not_applicable');
  return (
    <>
      {open.length > 0 ? <FindingCards items={open} onOpen={onOpen} label="Estate findings to act on" /> : <p className="muted">Nothing to fix across the servers.</p>}
      {quiet.length > 0 ? (
        <details className="finding-group estate-passed">
          <summary>
            Passed <span className="count">{quiet.length}</span>
          </summary>
          <FindingCards items={quiet} onOpen={onOpen} label="Estate checks that passed" />
        </details>
      ) : null}
    </>
  );
}

function FindingCards({ items, onOpen, label }: { items: { finding: EstateFinding; index: number }[]; onOpen(index: number): void; label: string }) {
  return (
    <ul className="finding-list estate-findings" aria-label={label}>
      {items.map(({ finding, index: i }) => (
        <li key={`${finding.ruleId}-${i}`} className={`finding finding-${finding.status}`} data-testid="estate-finding" data-rule={finding.ruleId} data-status={finding.status}>
          <button type="button" className="estate-finding-open" onClick={() => onOpen(i)} aria-label={`Open finding: ${showInvisible(finding.title)}`}>
            <span className="finding-head">
              <StatusBadge status={finding.status} />
              <span className="finding-title">
                <Visible text={finding.title} />
              </span>
            </span>
            {finding.fix && ACTIONABLE.has(finding.status) ? (
              <span className="finding-fix estate-line">
                <strong>Fix: </strong>
                {finding.fix}
              </span>
            ) : null}
            {finding.servers.length > 0 ? <span className="muted small estate-line">
                <Visible text={finding.servers.join(', ')} />
              </span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}

export interface FindingPageProps {
  finding: EstateFinding;
  onServer(fqdn: string): void;
  onCertificate(thumbprint: string): void;
  onOpenUrl(url: string): void;
}

export function EstateFindingPage({ finding, onServer, onCertificate, onOpenUrl }: FindingPageProps) {
  const actionable = ACTIONABLE.has(finding.status);
  return (
    <article className={`finding finding-${finding.status} estate-finding-page`} aria-label={`Finding: ${showInvisible(finding.title)}`} data-testid="estate-finding-page">
      <div className="finding-head">
        <StatusBadge status={finding.status} />
        <h3 className="finding-title">
          <Visible text={finding.title} />
        </h3>
      </div>
      {finding.fix && actionable ? (
        <p className="finding-fix">
          <strong>Fix: </strong>
          {finding.fix}
        </p>
      ) : null}
      <p className="finding-detail">
        <Visible text={finding.detail} />
      </p>
      {finding.whatBreaks && actionable ? (
        <p className="finding-breaks">
          <strong>What breaks: </strong>
          {finding.whatBreaks}
        </p>
      ) : null}
      {finding.servers.length > 0 ? (
        <p className="estate-links">
          <strong>Servers: </strong>
          {finding.servers.map((s) => (
            <button key={s} type="button" className="chip estate-chip" onClick={() => onServer(s)}>
              <Untrusted text={s} />
            </button>
          ))}
        </p>
      ) : null}
      {finding.thumbprints.length > 0 ? (
        <p className="estate-links">
          <strong>Certificates: </strong>
          {finding.thumbprints.map((t) => (
            <button key={t} type="button" className="chip estate-chip mono" onClick={() => onCertificate(t)}>
              {t}
            </button>
          ))}
        </p>
      ) : null}
      <p className="finding-source muted small">
        {finding.ruleId} · <CitationText citation={finding.citation} onOpenUrl={onOpenUrl} />
      </p>
    </article>
  );
}

/** A certificate's own findings on one server (the rules of the roles its bindings imply). */
export function CertificateFindings({ findings, onOpenUrl }: { findings: readonly Finding[]; onOpenUrl(url: string): void }) {
  // The worker sends only what needs attention (passes and N/A stay there, see estateService).
  const shown = findings.filter((f) => f.status !== 'not_applicable' && f.status !== 'pass');
  return (
    <div className="estate-cert-findings">
      {shown.length === 0 ? <p className="muted small">Nothing to fix: every check for its roles passed.</p> : null}
      <ul className="finding-list">
        {shown.map((finding, i) => (
          <li key={`${finding.ruleId}-${i}`} className={`finding finding-${finding.status}`} data-testid="estate-cert-finding">
            <div className="finding-head">
              <StatusBadge status={finding.status} />
              <span className="finding-title">
                <Visible text={finding.title} />
              </span>
            </div>
            {finding.fix && ACTIONABLE.has(finding.status) ? (
              <p className="finding-fix">
                <strong>Fix: </strong>
                {finding.fix}
              </p>
            ) : null}
            <p className="finding-detail">
        <Visible text={finding.detail} />
      </p>
            {finding.whatBreaks && ACTIONABLE.has(finding.status) ? (
              <p className="finding-breaks">
                <strong>What breaks: </strong>
                {finding.whatBreaks}
              </p>
            ) : null}
            <p className="finding-source muted small">
              {finding.ruleId} · <CitationText citation={finding.citation} onOpenUrl={onOpenUrl} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
