// One Get-ExchangeCertificate object (Format-List, a table row, a CliXML object or a certutil
// block) → a snapshot certificate. Services: Format-List's `IMAP, POP, IIS, SMTP` / `None`,
// the table's letters (`IP.WS..`), or unknown (null) — never guessed.
import { EXCHANGE_SERVICES, type ExchangeService, type SnapshotExchangeCertificate } from '../../snapshot.js';
import { listCertificate } from '../../../x509/certificate.js';
import { fromBase64 } from '../../../encoding/base64.js';
import { readThumbprint } from '../thumbprintValue.js';
import { list, text, type PsRecord } from '../types.js';
import { bool, chooseServer, type ReadContext, type ServerName } from './context.js';

const LETTERS: Record<string, ExchangeService> = { I: 'IMAP', P: 'POP', U: 'UM', W: 'IIS', S: 'SMTP', F: 'Federation', C: 'UMCallRouter' };

export interface ReadCertificate {
  certificate: SnapshotExchangeCertificate;
  server: ServerName | null;
  masked: boolean;
  truncatedSubject: boolean;
}

export function readExchangeCertificate(record: PsRecord, ctx: ReadContext): ReadCertificate {
  const thumb = readThumbprint(text(record, 'Thumbprint'));
  let thumbprint = thumb.kind === 'value' ? thumb.thumbprint : null;
  const cert: SnapshotExchangeCertificate = { server: '', thumbprint, services: readServices(record, ctx) };
  const raw = text(record, 'RawData');
  if (raw && !raw.startsWith('{')) {
    // CliXML: the DER itself. Its own thumbprint, names and dates beat any printed ones.
    const der = fromBase64(raw);
    try {
      if (!der) throw new Error('not Base64');
      const listing = listCertificate(der);
      cert.der = raw.replace(/\s+/g, '');
      if (thumbprint && thumbprint !== listing.thumbprint) ctx.note('warn', `${ctx.source}: a certificate printed as ${thumbprint} has RawData with thumbprint ${listing.thumbprint}; the RawData is used.`);
      thumbprint = cert.thumbprint = listing.thumbprint;
      cert.subject = listing.subject;
      cert.notBefore = listing.notBefore;
      cert.notAfter = listing.notAfter;
      cert.dnsNames = listing.dnsNames;
      cert.isSelfSigned = listing.selfSigned;
    } catch {
      ctx.note('warn', `${ctx.source}: a certificate's RawData is damaged; only its printed fields were kept.`);
    }
  }
  setText(cert, 'status', text(record, 'Status'));
  setText(cert, 'rootCAType', text(record, 'RootCAType'));
  setText(cert, 'friendlyName', text(record, 'FriendlyName'));
  setText(cert, 'keyProvider', text(record, 'Provider'));
  if (!cert.subject) setText(cert, 'subject', text(record, 'Subject'));
  setText(cert, 'issuer', text(record, 'Issuer'));
  const hasKey = bool(text(record, 'HasPrivateKey'));
  if (hasKey !== undefined) cert.hasPrivateKey = hasKey;
  const exportable = bool(text(record, 'PrivateKeyExportable'));
  if (exportable !== undefined) cert.privateKeyExportable = exportable;
  const selfSigned = bool(text(record, 'IsSelfSigned'));
  if (selfSigned !== undefined && cert.isSelfSigned === undefined) cert.isSelfSigned = selfSigned;
  const size = /^\d{3,5}$/.exec(text(record, 'PublicKeySize'));
  if (size) cert.publicKeySize = Number(size[0]);
  if (!cert.dnsNames) {
    const domains = list(record, 'CertificateDomains');
    const names = domains.length ? domains : list(record, 'DnsNameList');
    if (names.length) cert.dnsNames = names;
  }
  if (!cert.notBefore && !cert.notAfter) {
    const nb = ctx.book.add(text(record, 'NotBefore'), 'NotBefore', thumbprint, (iso) => (iso ? (cert.notBefore = iso) : delete cert.notBefore));
    const na = ctx.book.add(text(record, 'NotAfter'), 'NotAfter', thumbprint, (iso) => (iso ? (cert.notAfter = iso) : delete cert.notAfter));
    ctx.book.pair(nb, na);
  }
  return {
    certificate: cert,
    server: chooseServer(ownServer(record), ctx),
    masked: thumb.kind === 'masked',
    truncatedSubject: /(\.\.\.|…)$/.test(cert.subject ?? ''),
  };
}

/** `SERVER\THUMBPRINT` (Identity) or the CliXML PSComputerName. */
function ownServer(record: PsRecord): ServerName | null {
  const identity = /^([A-Za-z0-9][A-Za-z0-9.-]*)\\[0-9A-Fa-f*xX]+$/.exec(text(record, 'Identity'));
  if (identity) return { name: identity[1]!, from: 'Identity' };
  const computer = text(record, 'PSComputerName');
  if (computer) return { name: computer, from: 'PSComputerName' };
  return null;
}

function readServices(record: PsRecord, ctx: ReadContext): ExchangeService[] | null {
  const printed = text(record, 'Services');
  if (printed) {
    if (/^none$/i.test(printed)) return [];
    const out: ExchangeService[] = [];
    for (const name of printed.split(/\s*,\s*/)) {
      const service = EXCHANGE_SERVICES.find((s) => s.toLowerCase() === name.toLowerCase());
      if (service) out.push(service);
      else ctx.note('warn', `${ctx.source}: "${name}" in Services is not an Exchange service name; it was ignored.`);
    }
    return out;
  }
  const letters = text(record, 'ServicesStringForm');
  if (letters) {
    const out: ExchangeService[] = [];
    for (const ch of letters.toUpperCase()) if (LETTERS[ch]) out.push(LETTERS[ch]!);
    return EXCHANGE_SERVICES.filter((s) => out.includes(s));
  }
  return null;
}

function setText<K extends 'status' | 'rootCAType' | 'friendlyName' | 'keyProvider' | 'subject' | 'issuer'>(cert: SnapshotExchangeCertificate, key: K, value: string): void {
  if (value !== '') cert[key] = value;
}
