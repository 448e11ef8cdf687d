// A PKCS#10 request (what certreq / New-ExchangeCertificate wrote): checked like a draft.
import type { RequestModel } from '../../shared/model/request.js';
import { keyText } from './Overview.js';
import { rowClass } from './highlight.js';
import { Row } from './Row.js';
import { Untrusted } from '../components/Untrusted.js';

export function RequestOverview({ request, highlight }: { request: RequestModel; highlight: string | null }) {
  return (
    <div className="overview">
      <div className={rowClass('cn-block', highlight, ['commonName', 'subject'])}>
        <h2 className="cn" data-testid="common-name">
          <Untrusted text={request.commonName ?? '(no CN)'} />
        </h2>
        <div className="subject-line muted">
          <Untrusted text={request.subject || '(empty subject)'} />
        </div>
      </div>
      <div className="badges">
        <span className="badge badge-muted">Certificate request</span>
        <span className={rowClass('badge', highlight, ['keyAlgorithm', 'keySize'])}>{keyText(request)}</span>
        <span className={rowClass('badge', highlight, ['signatureAlgorithm'])}>{request.signatureHash ?? request.signatureAlgorithm}</span>
        {request.signatureValid === false ? <span className="badge badge-warn">Signature does not verify ⚠</span> : null}
        {request.signatureValid === true ? <span className="badge badge-ok">Signature verifies ✓</span> : null}
      </div>
      <dl className="rows">
        <Row label="SAN" fields={['subjectAltNames', 'dnsNames']} highlight={highlight}>
          {request.dnsNames.length === 0 ? (
            <span className="muted">none requested</span>
          ) : (
            <ul className="chips" data-testid="san-list">
              {request.dnsNames.map((name) => (
                <li key={name} className="chip">
                  <Untrusted text={name} />
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row label="Enhanced KU" fields={['extendedKeyUsage']} highlight={highlight}>
          {request.extendedKeyUsage ? request.extendedKeyUsage.names.join(', ') : <span className="muted">not requested</span>}
        </Row>
        <Row label="Key usage" fields={['keyUsage']} highlight={highlight}>
          {request.keyUsage ? request.keyUsage.usages.join(', ') : <span className="muted">not requested</span>}
        </Row>
        <Row label="Provider" fields={['cryptographicProvider']} highlight={highlight}>
          {request.cryptographicProvider ?? <span className="muted">not named</span>}
        </Row>
        <Row label="Template" fields={['template']} highlight={highlight}>
          {request.template?.name ?? request.template?.oid ?? <span className="muted">none</span>}
        </Row>
        <Row label="SHA-256" fields={['sha256']} highlight={highlight}>
          <code className="mono small wrap">{request.sha256}</code>
        </Row>
      </dl>
    </div>
  );
}
