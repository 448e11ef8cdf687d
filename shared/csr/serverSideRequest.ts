// The server-side alternative to a CertBench-made key: the product's own cmdlet makes the key
// on the server (New-ExchangeCertificate -GenerateRequest, WIN-03; Request-CsCertificate -New,
// WIN-05). Every value is validated and single-quoted.
import { psQuote } from '../powershell/quote.js';
import { validateWindowsPath } from '../powershell/validate.js';
import { assertDraftFieldsSafe } from '../powershell/draftSafety.js';
import { validateDraft, type RequestDraft } from './draft.js';
import { requestBaseName } from './fileNames.js';
import { keySpec } from './keys.js';
import { subjectDn } from './subjectFields.js';
import { OID_CLIENT_AUTH } from './roles.js';

export interface ServerSideOptions {
  /** Folder on the server for the request file. Default C:\CertBench. */
  folder?: string;
}

export function serverSideRequestScript(input: RequestDraft, options: ServerSideOptions = {}): string {
  assertDraftFieldsSafe(input);
  const draft = validateDraft(input);
  const folder = validateWindowsPath(options.folder ?? 'C:\\CertBench', 'request folder').replace(/\\+$/, '');
  const requestFile = validateWindowsPath(`${folder}\\${requestBaseName(draft)}.req`, 'request file');
  const bits = draft.key.startsWith('rsa') ? keySpec(draft.key).bits : 2048;
  const out: string[] = [
    `# Server-side request for the ${draft.role} certificate "${draft.commonName}" (CertBench).`,
    '# The key is made on the server itself, in the legacy CSP Exchange and Lync need (WIN-01).',
    ...draft.notes.map((n) => `# ${n}`),
    '',
  ];

  if (draft.role === 'exchange-auth') {
    out.push(
      '# OA-EX-01 (S24, S25): the Auth certificate is self-signed by Exchange: fixed subject, no SAN, 2048-bit exportable key.',
      '# OA-EX-04: if Exchange asks to overwrite the default SMTP certificate, answer No.',
      `$authCert = New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName ${psQuote(`cn=${draft.commonName}`)} -FriendlyName ${psQuote(draft.friendlyName)} -DomainName @()`,
      '$authCert | Format-List Thumbprint,Subject,NotAfter',
      '# Next: CertBench Commands for the Exchange Auth role writes the Set-AuthConfig sequence (OA-EX-04).',
    );
  } else if (draft.product === 'exchange') {
    const server = draft.server ? ` -Server ${psQuote(draft.server)}` : '';
    if (draft.role === 'owa-im') {
      // -Server is an Exchange server (draftFor never puts the pool name there, issue 16); the
      // certificate then has to reach every server used for OWA, which the IM settings name.
      if (!draft.server) {
        out.push(`# Run this on the Exchange server OWA runs on: ${draft.commonName} is the pool name in the subject, not the server (IM-06).`);
      }
      out.push(
        '# IM-04: Exchange 2016/2019 name ONE IM thumbprint for every server used for Outlook on the web, so the same certificate must be on each:',
        draft.exportable
          ? '# complete the request here, then move the certificate with its key (Export-ExchangeCertificate / Import-ExchangeCertificate) to the other servers.'
          : '# this key is not exportable, so with more than one such server choose an exportable key, or make one request per server and give each its own override (-Server).',
      );
    }
    out.push(
      '# WIN-03 (S4): New-ExchangeCertificate -GenerateRequest; the CN is added to the SAN automatically; -Services cannot be combined with it.',
      '# Recent Exchange 2016/2019 CUs may accept only a UNC path for -RequestFile (reported, not documented).',
      `$requestFile = ${psQuote(requestFile)}`,
      `New-Item -ItemType Directory -Force -Path ${psQuote(folder)} | Out-Null`,
      `New-ExchangeCertificate -GenerateRequest${server} -RequestFile $requestFile -FriendlyName ${psQuote(draft.friendlyName)} -SubjectName ${psQuote(subjectDn(draft.commonName, draft.subjectFields))}${draft.dnsNames.length ? ` -DomainName ${draft.dnsNames.map((n) => psQuote(n)).join(',')}` : ''} -KeySize ${bits}${draft.exportable ? ' -PrivateKeyExportable $true' : ''}`,
      '# Verify: the pending request is listed with Status PendingRequest.',
      'Get-ExchangeCertificate | Where-Object { $_.Status -eq \'PendingRequest\' } | Format-List FriendlyName,Subject,CertificateDomains,Status',
      '# After the CA issued it: Import-ExchangeCertificate -FileData ([IO.File]::ReadAllBytes(\'<issued .cer>\')) completes the pending request.',
    );
  } else {
    const types = draft.lyncTypes ?? [];
    const parts = [
      'Request-CsCertificate -New',
      `-Type ${types.join(',')}`,
      '-Output $requestFile',
      `-FriendlyName ${psQuote(draft.friendlyName)}`,
      `-KeySize ${bits}`,
      `-PrivateKeyExportable ${draft.exportable ? '$true' : '$false'}`,
    ];
    // -ComputerFqdn names the computer a certificate is for. The Edge external certificate and the
    // OAuthTokenIssuer (a deployment-wide certificate whose subject is often the SIP domain, OA-LY-03)
    // belong to no computer: no -ComputerFqdn, their names go in -DomainName.
    const forComputer = draft.role !== 'edge-external' && draft.role !== 'sfb-oauth';
    if (forComputer) parts.push(`-ComputerFqdn ${psQuote(draft.commonName)}`);
    const f = draft.subjectFields ?? {};
    if (f.organization) parts.push(`-Organization ${psQuote(f.organization)}`);
    if (f.organizationalUnit) parts.push(`-OU ${psQuote(f.organizationalUnit)}`);
    if (f.locality) parts.push(`-City ${psQuote(f.locality)}`);
    if (f.state) parts.push(`-State ${psQuote(f.state)}`);
    if (f.country) parts.push(`-Country ${psQuote(f.country)}`);
    if (draft.template) parts.push(`-Template ${psQuote(draft.template)}`);
    const extra = draft.dnsNames.filter((n) => n !== draft.commonName || !forComputer);
    if (extra.length > 0) parts.push(`-DomainName ${psQuote(extra.join(','))}`);
    if (draft.ekus.includes(OID_CLIENT_AUTH)) parts.push('-ClientEKU $true');
    out.push(
      '# WIN-05 (S20): Request-CsCertificate -New writes the request with -Output; the key stays on this server.',
      ...(draft.role === 'edge-external'
        ? ['# EDGE-03: the SAN needs the Access Edge FQDN, the Web Conferencing Edge FQDN and sip.<domain> for every SIP domain.',
           draft.ekus.includes(OID_CLIENT_AUTH)
             ? '# EDGE-08: -ClientEKU $true adds Client Authentication (needed by some federation partners; public CAs are dropping it).'
             : '# EDGE-08: Server Authentication only; add -ClientEKU $true only if a federation partner needs Client Authentication (public CAs are dropping it).']
        : []),
      `$requestFile = ${psQuote(requestFile)}`,
      `New-Item -ItemType Directory -Force -Path ${psQuote(folder)} | Out-Null`,
      parts.join(' '),
      '# Verify: the request names the expected subject and SAN.',
      "certutil -dump $requestFile | Select-String -Pattern 'CN=|DNS Name='",
      '# After the CA issued it: Import-CsCertificate -Path \'<issued .cer>\' completes the request; then assign it (CertBench Commands for the role).',
    );
  }
  return out.join('\n') + '\n';
}
