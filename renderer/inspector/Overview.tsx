// Overview tab: the answer in the first glance — name, SAN, thumbprint, validity, issuer
// chain, key / signature / private key / PFX badges, then the details rules read.
import type { CertificateModel } from '../../shared/model/certificate.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import { useServices } from '../components/context.js';
import { displayName } from '../lib/document.js';
import { pfxBadge } from '../lib/pfx.js';
import { rowClass } from './highlight.js';
import { Row } from './Row.js';
import { Thumbprint } from './Thumbprint.js';
import { ValidityBar } from './ValidityBar.js';
import { UrlList } from './UrlList.js';
import { Untrusted } from '../components/Untrusted.js';

export function keyText(cert: Pick<CertificateModel, 'keyAlgorithm' | 'keySize' | 'publicKey'>): string {
  if (cert.keyAlgorithm === 'EC') return `EC ${cert.publicKey.curve ?? cert.keySize}`;
  return cert.keySize ? `${cert.keyAlgorithm} ${cert.keySize}` : cert.keyAlgorithm;
}

/** `chain` is the certificate and its issuers as far as the open files go. */
export function Overview({ cert, document, chain, highlight }: { cert: CertificateModel; document: DecodedDocument; chain: CertificateModel[]; highlight: string | null }) {
  const { now } = useServices();
  const pfx = document.container ? pfxBadge(document.container) : null;
  const sans = cert.subjectAltNames;
  const otherSans = [...sans.ip.map((v) => `IP ${v}`), ...sans.email.map((v) => `email ${v}`), ...sans.upn.map((v) => `UPN ${v}`), ...sans.uri.map((v) => `URI ${v}`), ...sans.other];
  return (
    <div className="overview">
      <div className={rowClass('cn-block', highlight, ['commonName', 'subject', 'subjectName'])} data-field="commonName subject">
        <h2 className="cn" data-testid="common-name">
          <Untrusted text={displayName(cert)} />
        </h2>
        <div className="subject-line muted" title="Subject as Windows shows it">
          <Untrusted text={cert.subject || '(empty subject)'} />
          {cert.friendlyName ? <span className="friendly">
              {' '}
              · Friendly name “<Untrusted text={cert.friendlyName} />”
            </span> : null}
        </div>
      </div>

      <div className="badges" aria-label="Key and protection">
        <span className={rowClass('badge', highlight, ['keyAlgorithm', 'keySize', 'publicKey'])}>{keyText(cert)}</span>
        <span className={rowClass('badge', highlight, ['signatureAlgorithm', 'signatureHash'])}>{cert.signatureHash ?? cert.signatureAlgorithm}</span>
        <span className={rowClass(cert.hasPrivateKey ? 'badge badge-ok' : 'badge badge-muted', highlight, ['hasPrivateKey', 'key'])}>
          {cert.hasPrivateKey ? 'Private key ✓' : 'No private key'}
        </span>
        {pfx ? (
          <span className={rowClass(`badge badge-${pfx.tone}`, highlight, ['container'])} title={pfx.hint}>
            {pfx.text}
            {pfx.tone === 'warn' ? ' ⚠' : ''}
          </span>
        ) : null}
        {cert.selfSigned ? <span className={rowClass('badge badge-muted', highlight, ['selfSigned'])}>Self-signed</span> : null}
        {cert.isCA ? <span className={rowClass('badge badge-muted', highlight, ['isCA', 'basicConstraints'])}>CA</span> : null}
        {cert.template?.name || cert.template?.oid ? <span className={rowClass('badge badge-muted', highlight, ['template'])}>Template {cert.template.name ?? cert.template.oid}</span> : null}
      </div>

      <dl className="rows">
        <Row label="Thumbprint" fields={['thumbprint']} highlight={highlight}>
          <Thumbprint value={cert.thumbprint} />
        </Row>
        <Row label="Valid" fields={['notBefore', 'notAfter', 'validity']} highlight={highlight}>
          <ValidityBar notBefore={cert.notBefore} notAfter={cert.notAfter} now={now()} />
        </Row>
        <Row label="SAN" fields={['subjectAltNames', 'dnsNames']} highlight={highlight}>
          {sans.dns.length + otherSans.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            <ul className="chips" aria-label="Subject alternative names" data-testid="san-list">
              {sans.dns.map((name) => (
                <li key={`dns-${name}`} className={`chip${name === cert.commonName ? ' chip-cn' : ''}`} title={name === cert.commonName ? 'Also the CN' : undefined}>
                  <Untrusted text={name} />
                </li>
              ))}
              {otherSans.map((name) => (
                <li key={name} className="chip chip-muted">
                  <Untrusted text={name} />
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Issuer" fields={['issuer', 'issuerName', 'trust', 'chain']} highlight={highlight}>
          <ol className="breadcrumbs" aria-label="Issuer chain">
            {chain.slice(1).map((c) => (
              <li key={c.sha256}>
                <Untrusted text={displayName(c)} />
              </li>
            ))}
            {chain.length === 1 ? <li>{cert.selfSigned ? 'itself (self-signed)' : <Untrusted text={cert.issuerCommonName ?? cert.issuer} />}</li> : null}
            {chain.length > 1 && !chain[chain.length - 1]!.selfSigned ? <li className="muted">
                <Untrusted text={chain[chain.length - 1]!.issuerCommonName ?? chain[chain.length - 1]!.issuer} /> (not loaded)
              </li> : null}
          </ol>
        </Row>
        <Row label="Key usage" fields={['keyUsage']} highlight={highlight}>
          {cert.keyUsage ? cert.keyUsage.usages.join(', ') + (cert.keyUsage.critical ? ' (critical)' : '') : <span className="muted">not restricted</span>}
        </Row>
        <Row label="Enhanced KU" fields={['extendedKeyUsage']} highlight={highlight}>
          {cert.extendedKeyUsage ? cert.extendedKeyUsage.names.join(', ') : <span className="muted">extension absent (any purpose)</span>}
        </Row>
        <Row label="CRL (CDP)" fields={['crlDistributionPoints']} highlight={highlight}>
          <UrlList urls={cert.crlDistributionPoints} empty="none" />
        </Row>
        <Row label="AIA" fields={['authorityInfoAccess']} highlight={highlight}>
          <UrlList urls={[...cert.authorityInfoAccess.caIssuers, ...cert.authorityInfoAccess.ocsp]} empty="none" />
        </Row>
        <Row label="Serial" fields={['serialNumber']} highlight={highlight}>
          <code className="mono">{cert.serialNumber}</code>
        </Row>
        <Row label="SHA-256" fields={['sha256']} highlight={highlight}>
          <code className="mono small wrap">{cert.sha256}</code>
        </Row>
      </dl>
      {document.notes.length > 0 ? (
        <ul className="notes" aria-label="Notes about this file">
          {document.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
