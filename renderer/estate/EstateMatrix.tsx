// The servers × certificates matrix: one row per server, one column per certificate (by
// thumbprint). A cell shows what the server binds the certificate to — Exchange's Services
// letters (IPUWSFC, `.` for none), the Get-CsCertificate uses, the settings that name it, in the
// estate report's short tags — and the verdict as icon and
// word, never colour alone. Wide estates scroll inside the matrix; the server column stays.
import type { EstateAudit } from '../../shared/estate/auditTypes.js';
import type { Verdict } from '../../shared/rules/engine/status.js';
import { showInvisible } from '../../shared/encoding/invisibleCharacters.js';
import { Untrusted, Visible } from '../components/Untrusted.js';
import { bindingTags, cellKey, commonNameOf, daysLeft, referencesOf, serviceLetters, usesOf, type EstateIndex } from './estateIndex.js';

export interface EstateMatrixProps {
  audit: EstateAudit;
  index: EstateIndex;
  at: Date;
  onServer(fqdn: string): void;
  onCertificate(key: string): void;
}

function bindingText(letters: string | null, uses: string[], references: string[]): string {
  const parts = [letters, ...uses, ...references].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ') : 'not bound';
}

/**
 * The verdict as a mark and a word without an SVG: a 50-server matrix has a thousand of them,
 * and each icon costs the window as much as the rest of its cell.
 */
function CellVerdict({ verdict }: { verdict: Verdict }) {
  return (
    <span className={`verdict verdict-${verdict} verdict-compact`} data-verdict={verdict}>
      <span aria-hidden="true">{VERDICT_MARK[verdict]}</span> {verdict.toUpperCase()}
    </span>
  );
}

const VERDICT_MARK: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕' };

/** Column widths in CSS pixels (server names, one certificate, the own-certificates list). */
const SERVER_COLUMN = 140;
const CERT_COLUMN = 104;
const OWN_COLUMN = 260;

export function EstateMatrix({ audit, index, at, onServer, onCertificate }: EstateMatrixProps) {
  if (audit.servers.length === 0) return <p className="muted">No servers in the estate yet.</p>;
  const hasOwn = index.own.size > 0;
  return (
    <div className="estate-matrix-wrap" role="region" aria-label="Matrix of servers and certificates" tabIndex={0}>
      {/* Fixed layout with known column widths: the browser sizes a 50 × 20 table without measuring every cell. */}
      <table
        className="estate-matrix"
        data-testid="estate-matrix"
        style={{ width: SERVER_COLUMN + index.columns.length * CERT_COLUMN + (hasOwn ? OWN_COLUMN : 0) }}
      >
        <colgroup>
          <col style={{ width: SERVER_COLUMN }} />
          {index.columns.map((column) => (
            <col key={column.key} style={{ width: CERT_COLUMN }} />
          ))}
          {hasOwn ? <col style={{ width: OWN_COLUMN }} /> : null}
        </colgroup>
        <caption className="estate-sr">Servers (rows) and the certificates they hold (columns), with what each is bound to and its verdict</caption>
        <thead>
          <tr>
            <th scope="col" className="estate-corner">
              Server
            </th>
            {index.columns.map((column) => {
              const days = daysLeft(column.notAfter, at);
              return (
                <th key={column.key} scope="col" className="estate-col">
                  <button type="button" className="estate-link estate-col-name" onClick={() => onCertificate(column.key)} title={column.subject ? showInvisible(column.subject) : undefined}>
                    {column.commonName ? <Untrusted text={column.commonName} /> : 'Unknown subject'}
                  </button>
                  <span className="mono estate-thumb" title={column.thumbprint ?? 'The source masked this thumbprint'}>
                    {column.thumbprint ? `${column.thumbprint.slice(0, 8)}…` : 'masked'}
                  </span>
                  {days !== null ? <span className={`estate-days${days < 0 ? ' is-expired' : days <= 30 ? ' is-soon' : ''}`}>{days < 0 ? `expired ${-days} d ago` : `${days} d left`}</span> : null}
                </th>
              );
            })}
            {hasOwn ? (
              <th scope="col" className="estate-col estate-own-col">
                Only on this server
                <span className="estate-thumb">each server&apos;s own certificates</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {audit.servers.map((server) => (
            <tr key={server.fqdn} data-testid="estate-row">
              <th scope="row" className="estate-server">
                <button type="button" className="estate-link" onClick={() => onServer(server.fqdn)} title={showInvisible(server.fqdn)}>
                  <Untrusted text={server.name || server.fqdn} />
                </button>
                <span className="muted estate-server-kind">
                  {server.product === 'exchange' ? `Exchange${server.version ? ` ${server.version}` : ''}` : server.roles[0] ?? 'Skype'}
                  {server.product !== 'exchange' && server.pool ? (
                    <>
                      {' · '}
                      <Untrusted text={server.pool} />
                    </>
                  ) : null}
                </span>
              </th>
              {index.columns.map((column) => {
                const cert = index.cells.get(cellKey(server.fqdn, column.key));
                if (!cert) {
                  return (
                    <td key={column.key} className="estate-cell estate-cell-empty">
                      <span aria-label="not on this server">—</span>
                    </td>
                  );
                }
                const letters = serviceLetters(cert.bindings);
                const uses = usesOf(cert.bindings);
                const refs = referencesOf(cert.bindings);
                // Short tags as the estate report prints them: IP.WS.., OAuth, AccessEdge, Auth (current)…
                const tags = bindingTags(cert.bindings);
                const others = letters ? tags.slice(1) : tags;
                const label = showInvisible(`${server.name || server.fqdn} × ${column.commonName || column.key}: ${bindingText(letters, uses, refs)} — ${cert.verdict.toUpperCase()}`);
                return (
                  <td key={column.key} className={`estate-cell estate-cell-${cert.verdict}`}>
                    <button type="button" className="estate-cell-btn" onClick={() => onCertificate(column.key)} aria-label={label}>
                      {letters ? <span className="mono estate-letters">{letters}</span> : null}
                      {others.length > 0 ? (
                        <span className="estate-uses">
                          <Visible text={others.join(', ')} />
                        </span>
                      ) : null}
                      {tags.length === 0 ? <span className="muted estate-uses">not bound</span> : null}
                      <CellVerdict verdict={cert.verdict} />
                    </button>
                  </td>
                );
              })}
              {hasOwn ? (
                <td className="estate-cell estate-own">
                  {(index.own.get(server.fqdn) ?? []).map(({ key, result }) => {
                    const tags = bindingTags(result.bindings);
                    const name = commonNameOf(result.subject) || (result.thumbprint ? `${result.thumbprint.slice(0, 8)}…` : 'masked thumbprint');
                    const label = showInvisible(`${server.name || server.fqdn}: ${name}${tags.length > 0 ? ` (${tags.join(', ')})` : ''} — ${result.verdict.toUpperCase()}`);
                    return (
                      <button key={key} type="button" className={`estate-own-btn estate-cell-${result.verdict}`} onClick={() => onCertificate(key)} aria-label={label}>
                        <CellVerdict verdict={result.verdict} /> <Untrusted text={name} />
                        {tags.length > 0 ? <span className="mono estate-own-tags"> {tags.join(' ')}</span> : null}
                      </button>
                    );
                  })}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
