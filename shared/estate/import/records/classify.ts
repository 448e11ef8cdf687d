// Which cmdlet printed a record: by its CliXML type name when there is one, else by the
// property names it carries, helped by the command on the prompt line.
import { hasField, type PsRecord } from '../types.js';

export type RecordKind =
  | 'exchange-certificate'
  | 'auth-config'
  | 'setting-override'
  | 'owa-virtual-directory'
  | 'exchange-server'
  | 'cs-certificate'
  | 'hybrid-configuration';

/** The cmdlet each kind comes from, as the summaries name it. */
export const CMDLET: Record<RecordKind, string> = {
  'exchange-certificate': 'Get-ExchangeCertificate',
  'auth-config': 'Get-AuthConfig',
  'setting-override': 'Get-SettingOverride',
  'owa-virtual-directory': 'Get-OwaVirtualDirectory',
  'exchange-server': 'Get-ExchangeServer',
  'cs-certificate': 'Get-CsCertificate',
  'hybrid-configuration': 'Get-HybridConfiguration',
};

const BY_TYPE: [RegExp, RecordKind][] = [
  [/\.ExchangeCertificate$/, 'exchange-certificate'],
  [/\.X509Certificate2$/, 'exchange-certificate'],
  [/\.AuthConfig$/, 'auth-config'],
  [/\.SettingOverride$/, 'setting-override'],
  [/OwaVirtualDirectory$/, 'owa-virtual-directory'],
  [/\.ExchangeServer$/, 'exchange-server'],
  [/\.HybridConfiguration$/, 'hybrid-configuration'],
];

const CERTIFICATE_HINTS = ['Services', 'ServicesStringForm', 'CertificateDomains', 'RootCAType', 'HasPrivateKey', 'NotAfter', 'IsSelfSigned', 'Identity', 'Subject', 'Status'];

export function classify(record: PsRecord, cmdletHint: string | null): RecordKind | null {
  const first = record.typeNames[0];
  if (first) for (const [re, kind] of BY_TYPE) if (re.test(first)) return kind;
  const has = (n: string) => hasField(record, n);
  if (has('CurrentCertificateThumbprint') || has('NextCertificateThumbprint')) return 'auth-config';
  if (has('ComponentName') && (has('SectionName') || has('Parameters'))) return 'setting-override';
  if ([...record.fields.keys()].some((k) => k.startsWith('instantmessaging'))) return 'owa-virtual-directory';
  if (has('Thumbprint') && (has('Use') || /^Get-CsCertificate$/i.test(cmdletHint ?? ''))) return 'cs-certificate';
  if (has('Thumbprint') && (CERTIFICATE_HINTS.some(has) || /^Get-ExchangeCertificate$/i.test(cmdletHint ?? ''))) return 'exchange-certificate';
  if (has('AdminDisplayVersion') && (has('ServerRole') || has('Edition') || has('Fqdn') || /^Get-ExchangeServer$/i.test(cmdletHint ?? ''))) return 'exchange-server';
  if (has('TlsCertificateName') && has('OnPremisesSmartHost')) return 'hybrid-configuration';
  return null;
}
