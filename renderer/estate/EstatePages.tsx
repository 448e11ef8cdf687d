// A server's page (its certificates, what each is bound to, verdicts and findings) and a
// certificate's page (every server that holds it, everything that points at it, the open file
// with the same thumbprint).
import type { EstateAudit, EstateFinding } from '../../shared/estate/auditTypes.js';
import type { Snapshot } from '../../shared/estate/snapshot.js';
import { spacedThumbprint } from '../../shared/model/thumbprint.js';
import { CopyButton } from '../components/CopyButton.js';
import { VerdictBadge } from '../components/StatusBadge.js';
import { Untrusted, Visible } from '../components/Untrusted.js';
import type { OpenDocument } from '../state/workbench.js';
import { CertificateFindings, EstateFindingList } from './EstateFindings.js';
import { daysLeftWords } from '../../shared/dates/daysLeft.js';
import { certificateKey, commonNameOf, daysLeft, holdersOf, pointersTo, referencesOf, serviceLetters, usesOf } from './estateIndex.js';

function dateOnly(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : 'unknown';
}

function Days({ notAfter, at }: { notAfter: string | null | undefined; at: Date }) {
  const days = daysLeft(notAfter, at);
  if (days === null) return <span className="muted">expiry unknown</span>;
  return (
    <span className={`estate-days${days < 0 ? ' is-expired' : days <= 30 ? ' is-soon' : ''}`}>
      {dateOnly(notAfter)} · {daysLeftWords(days)}
    </span>
  );
}

function Bindings({ bindings }: { bindings: EstateAudit['servers'][number]['certificates'][number]['bindings'] }) {
  const letters = serviceLetters(bindings);
  const uses = usesOf(bindings);
  const refs = referencesOf(bindings);
  return (
    <span className="estate-bindings">
      {letters ? (
        <span className="mono estate-letters" title={bindings.filter((b) => b.kind === 'service').map((b) => b.name).join(', ')}>
          {letters}
        </span>
      ) : null}
      {[...uses, ...refs].map((name) => (
        <span key={name} className="chip chip-muted">
          <Untrusted text={name} />
        </span>
      ))}
      {!letters && uses.length === 0 && refs.length === 0 ? <span className="muted">not bound</span> : null}
    </span>
  );
}

function findingsNaming(findings: readonly EstateFinding[], test: (f: EstateFinding) => boolean) {
  return findings.map((finding, index) => ({ finding, index })).filter(({ finding }) => test(finding));
}

export interface ServerPageProps {
  audit: EstateAudit;
  fqdn: string;
  at: Date;
  onCertificate(key: string): void;
  onFinding(index: number): void;
  onOpenUrl(url: string): void;
}

export function ServerPage({ audit, fqdn, at, onCertificate, onFinding, onOpenUrl }: ServerPageProps) {
  const server = audit.servers.find((s) => s.fqdn === fqdn);
  if (!server)
    return (
      <p className="muted">
        <Untrusted text={fqdn} /> is not in the estate any more.
      </p>
    );
  const lower = fqdn.toLowerCase();
  const named = findingsNaming(audit.estateFindings, (f) => f.servers.some((s) => s.toLowerCase() === lower || s.toLowerCase() === server.name.toLowerCase()));
  return (
    <section className="estate-page" aria-label={`Server ${server.name || server.fqdn}`} data-testid="estate-server-page">
      <h3>
        <Untrusted text={server.name || server.fqdn} />{' '}
        <span className="muted estate-sub">
          <Untrusted text={server.fqdn} />
        </span>
      </h3>
      <p className="muted">
        {server.product === 'exchange' ? 'Exchange' : 'Skype for Business / Lync'}
        {server.version ? ` ${server.version}` : ''}
        {server.roles.length > 0 ? ` · ${server.roles.join(', ')}` : ''}
        {server.pool ? (
          <>
            {' · pool '}
            <Untrusted text={server.pool} />
          </>
        ) : null} · {server.certificates.length} certificate{server.certificates.length === 1 ? '' : 's'}
      </p>
      {named.length > 0 ? (
        <>
          <h4>Estate findings on this server</h4>
          <EstateFindingList findings={named.map((n) => n.finding)} onOpen={(i) => onFinding(named[i]!.index)} />
        </>
      ) : null}
      <h4>Certificates</h4>
      <ul className="estate-cards">
        {server.certificates.map((cert, i) => (
          <li key={certificateKey(server, cert, i)} className="estate-card">
            <div className="estate-card-head">
              <VerdictBadge verdict={cert.verdict} />
              <button type="button" className="estate-link estate-card-title" onClick={() => onCertificate(certificateKey(server, cert, i))}>
                {commonNameOf(cert.subject) ? <Untrusted text={commonNameOf(cert.subject)} /> : 'Unknown subject'}
              </button>
              <Bindings bindings={cert.bindings} />
            </div>
            <p className="small">
              <span className="mono">{cert.thumbprint ?? 'thumbprint masked in the source'}</span> · <Days notAfter={cert.notAfter} at={at} /> · roles {cert.roles.join(', ')}
              {cert.hasDer ? '' : ' · checked from the text only (no certificate bytes)'}
            </p>
            <CertificateFindings findings={cert.findings} onOpenUrl={onOpenUrl} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export interface CertificatePageProps {
  audit: EstateAudit;
  snapshot: Snapshot | null;
  certKey: string;
  at: Date;
  documents: readonly OpenDocument[];
  onServer(fqdn: string): void;
  onFinding(index: number): void;
  onSelectDocument(docId: string, certIndex: number): void;
  onOpenUrl(url: string): void;
}

export function CertificatePage({ audit, snapshot, certKey, at, documents, onServer, onFinding, onSelectDocument, onOpenUrl }: CertificatePageProps) {
  const masked = certKey.startsWith('masked:');
  const thumbprint = masked ? null : certKey;
  const holders = thumbprint
    ? holdersOf(audit, thumbprint)
    : audit.servers.flatMap((server) => server.certificates.flatMap((result, i) => (certificateKey(server, result, i) === certKey ? [{ server, result }] : [])));
  const first = holders[0]?.result;
  const pointers = thumbprint ? pointersTo(thumbprint, snapshot, audit) : [];
  const named = thumbprint ? findingsNaming(audit.estateFindings, (f) => f.thumbprints.includes(thumbprint)) : [];
  const openFiles = thumbprint
    ? documents.flatMap((doc) => doc.summary.certificates.flatMap((c, certIndex) => (c.thumbprint === thumbprint ? [{ doc, certIndex }] : [])))
    : [];
  return (
    <section className="estate-page" aria-label={`Certificate ${commonNameOf(first?.subject) || certKey}`} data-testid="estate-certificate-page">
      <h3>{commonNameOf(first?.subject) ? <Untrusted text={commonNameOf(first?.subject)} /> : thumbprint ? 'Certificate' : 'Certificate with a masked thumbprint'}</h3>
      {first?.subject ? (
        <p className="muted small">
          <Untrusted text={first.subject} />
        </p>
      ) : null}
      <p className="estate-thumb-line">
        {thumbprint ? (
          <>
            <code className="mono" title={spacedThumbprint(thumbprint)}>
              {thumbprint}
            </code>{' '}
            <CopyButton text={thumbprint} what="thumbprint" />
          </>
        ) : (
          <span className="muted">The source masked this thumbprint, so it is matched to nothing.</span>
        )}{' '}
        · <Days notAfter={first?.notAfter} at={at} />
      </p>
      {openFiles.length > 0 ? (
        <p>
          {openFiles.map(({ doc, certIndex }) => (
            <button key={`${doc.docId}-${certIndex}`} type="button" className="btn btn-small" onClick={() => onSelectDocument(doc.docId, certIndex)}>
              Show <Untrusted text={doc.fileName} /> in the inspector
            </button>
          ))}
        </p>
      ) : thumbprint && first && !first.hasDer ? (
        <p className="muted small">Only the text of the server output is known for this certificate: open its .cer or .pfx to check the certificate itself.</p>
      ) : null}
      {named.length > 0 ? (
        <>
          <h4>Estate findings about this certificate</h4>
          <EstateFindingList findings={named.map((n) => n.finding)} onOpen={(i) => onFinding(named[i]!.index)} />
        </>
      ) : null}
      <h4>What points at it</h4>
      {pointers.length > 0 ? (
        <table className="estate-table" data-testid="estate-pointers">
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Where</th>
            </tr>
          </thead>
          <tbody>
            {pointers.map((p) => (
              <tr key={`${p.what}\n${p.where}`}>
                <td>
                  <Visible text={p.what} />
                </td>
                <td>
                  <Visible text={p.where} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No setting in the estate names this thumbprint.</p>
      )}
      <h4>Servers that hold it ({holders.length})</h4>
      <ul className="estate-cards">
        {holders.map(({ server, result }) => (
          <li key={server.fqdn} className="estate-card">
            <div className="estate-card-head">
              <VerdictBadge verdict={result.verdict} />
              <button type="button" className="estate-link estate-card-title" onClick={() => onServer(server.fqdn)}>
                <Untrusted text={server.name || server.fqdn} />
              </button>
              <Bindings bindings={result.bindings} />
            </div>
            <p className="small muted">roles checked: {result.roles.join(', ')}</p>
            <CertificateFindings findings={result.findings} onOpenUrl={onOpenUrl} />
          </li>
        ))}
      </ul>
    </section>
  );
}
