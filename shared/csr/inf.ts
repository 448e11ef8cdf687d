// A certreq INF that makes the key on the server itself, in the legacy CSP Exchange and Lync
// need (WIN-01), under the machine's key set (WIN-02: without MachineKeySet the key lands in
// the admin's profile).
import { infQuote } from '../powershell/quote.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { assertDraftFieldsSafe } from '../powershell/draftSafety.js';
import { validateDraft, type RequestDraft } from './draft.js';
import { requestBaseName } from './fileNames.js';
import { keySpec } from './keys.js';
import { subjectDn } from './subjectFields.js';
import { OID_CLIENT_AUTH, OID_SERVER_AUTH } from './roles.js';

const EKU_LABELS: Record<string, string> = {
  [OID_SERVER_AUTH]: 'Server Authentication',
  [OID_CLIENT_AUTH]: 'Client Authentication',
};

export function certreqInf(input: RequestDraft): string {
  assertDraftFieldsSafe(input);
  const draft = validateDraft(input);
  if (!draft.key.startsWith('rsa')) {
    throw new UnsafeValueError('unsupported', '--key', 'A certreq INF for Exchange or Lync uses the legacy RSA SChannel CSP (WIN-01); choose an RSA key.');
  }
  const base = requestBaseName(draft);
  const lines = [
    `; certreq INF for the ${draft.role} certificate "${draft.commonName}", written by CertBench.`,
    '; Sources: WIN-02 (certreq INF, S33), WIN-01 (legacy CSP, KeySpec 1).',
    '; On the server, in an elevated prompt:',
    `;   certreq -new -machine ${base}.inf ${base}.csr`,
    `;   certreq -submit ${base}.csr ${base}.cer      (or send ${base}.csr to your CA)`,
    `;   certreq -accept -machine ${base}.cer`,
    ...draft.notes.map((n) => `; ${n}`),
    '',
    '[Version]',
    'Signature = "$Windows NT$"',
    '',
    '[NewRequest]',
    `Subject = ${infQuote(subjectDn(draft.commonName, draft.subjectFields), 'subject')}`,
    `KeyLength = ${keySpec(draft.key).bits}`,
    'KeySpec = 1',
    'KeyUsage = 0xa0',
    `Exportable = ${draft.exportable ? 'TRUE' : 'FALSE'}`,
    'MachineKeySet = TRUE',
    'ProviderName = "Microsoft RSA SChannel Cryptographic Provider"',
    'ProviderType = 12',
    'RequestType = PKCS10',
    'HashAlgorithm = sha256',
    `FriendlyName = ${infQuote(draft.friendlyName, 'friendly name')}`,
  ];
  if (draft.template) {
    // certreq -submit asks an enterprise CA for this template (the template's name, not its display name).
    lines.push('', '[RequestAttributes]', `CertificateTemplate = ${infQuote(draft.template, 'template')}`);
  }
  if (draft.ekus.length > 0) {
    lines.push('', '[EnhancedKeyUsageExtension]');
    for (const oid of draft.ekus) {
      if (EKU_LABELS[oid]) lines.push(`; ${EKU_LABELS[oid]}`);
      lines.push(`OID = ${oid}`);
    }
  }
  if (draft.dnsNames.length > 0) {
    lines.push('', '[Extensions]', '; Subject Alternative Name', '2.5.29.17 = "{text}"');
    for (const name of draft.dnsNames) lines.push(`_continue_ = ${infQuote(`dns=${name}&`, 'SAN entry')}`);
  }
  return lines.join('\r\n') + '\r\n';
}
