// Getting the PFX onto the server: Import-ExchangeCertificate (WIN-04) or Import-CsCertificate
// (WIN-05). When no thumbprint was given, it is read from the imported certificate, so later
// steps never run with an empty value (the seed's `@("", …)` mistake).
import type { Script } from './script.js';
import type { ResolvedOptions } from './options.js';
import { profileForWindows } from '../pfx/profiles.js';

function pfxProfileComment(script: Script, o: ResolvedOptions): void {
  const os = o.serverEntry?.os;
  if (o.pfxPathAssumed) script.warning('no PFX path given; copy the PFX to the path below or edit $pfxPath.');
  if (os) {
    const profile = profileForWindows(os);
    script.comment(
      `The server runs Windows Server ${os}: make the PFX in the ${profile === 'legacy' ? 'legacy (3DES)' : 'modern (AES)'} profile (PFX-01, PFX-02${profile === 'legacy' ? '; AES PFX files fail there with "requires either a different password"' : ''}).`,
    );
  } else {
    script.comment('Windows Server 2016 and older (2008 R2, 2012, 2012 R2) need a legacy-profile (3DES) PFX; AES needs Server 2019 or later (PFX-01).');
  }
}

function thumbprintCheck(script: Script, o: ResolvedOptions, importedExpr: string): void {
  if (o.thumbprint) {
    script.code(`if (${importedExpr} -ne $thumbprint) { throw 'The PFX holds a different certificate than the thumbprint given to CertBench.' }`);
  } else {
    script.code(`$thumbprint = ${importedExpr}`);
  }
}

/** Import-ExchangeCertificate with the file's bytes (WIN-04; UNC sources reported as disabled [UNC]). */
export function exchangeImport(script: Script, o: ResolvedOptions, options: { exportable: boolean }): void {
  script.section('Import the PFX (WIN-04, S34)');
  pfxProfileComment(script, o);
  script.comment('-FileData with the bytes of the file: recent CUs are reported to refuse UNC sources (WIN-04, unconfirmed).');
  script.code(
    "$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'",
    `$imported = Import-ExchangeCertificate -Server $server -FileData ([IO.File]::ReadAllBytes($pfxPath)) -Password $pfxPassword${options.exportable ? ' -PrivateKeyExportable $true' : ''}`,
  );
  thumbprintCheck(script, o, '$imported.Thumbprint');
  script.comment('Verify: the certificate is on the server with its private key.');
  script.code('Get-ExchangeCertificate -Server $server -Thumbprint $thumbprint | Format-List Thumbprint,Subject,CertificateDomains,NotAfter,HasPrivateKey,Services');
}

/**
 * Import-CsCertificate into the local store, or into the Central Management Store with the
 * documented CMS parameter set (`-Identity Global -Type OAuthTokenIssuer -Path -Password`, which
 * has no -PrivateKeyExportable) (WIN-05, S35). Written for Windows PowerShell 3.0 (Lync 2013 and
 * SfB 2015 may run it): New-Object rather than `::new()`, and the PFX read through .NET rather
 * than Get-PfxData, which only Windows Server 2012's PKI module has.
 */
export function lyncImport(script: Script, o: ResolvedOptions, options: { exportable: boolean; global?: string }): void {
  script.section('Import the PFX (WIN-05, S35)');
  pfxProfileComment(script, o);
  script.code(
    "$pfxPassword = Read-Host -AsSecureString -Prompt 'Password of the PFX'",
    '# Import-CsCertificate takes the password as plain text; it stays in this session only.',
    "$pfxPlainPassword = (New-Object System.Net.NetworkCredential('', $pfxPassword)).Password",
    '$pfxCertificates = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2Collection',
    '$pfxCertificates.Import($pfxPath, $pfxPlainPassword, [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::DefaultKeySet)',
    "$pfxCertificate = @($pfxCertificates | Where-Object { $_.HasPrivateKey })[0]",
    "if (-not $pfxCertificate) { throw 'The PFX holds no certificate with its private key.' }",
  );
  thumbprintCheck(script, o, '$pfxCertificate.Thumbprint');
  if (options.global) {
    script.code(`Import-CsCertificate -Identity Global -Type ${options.global} -Path $pfxPath -Password $pfxPlainPassword`);
    script.comment('Verify: the Central Management Store holds it for the whole deployment.');
    script.code(`Get-CsCertificate -Type ${options.global} | Format-List Identity,Use,Thumbprint,Subject,NotAfter,EffectiveDate`);
    return;
  }
  script.code(`Import-CsCertificate -Path $pfxPath -Password $pfxPlainPassword${options.exportable ? ' -PrivateKeyExportable $true' : ''}`);
  script.comment('Verify: the certificate is in LocalMachine\\My with its private key.');
  script.code("Get-ChildItem -Path ('Cert:\\LocalMachine\\My\\' + $thumbprint) | Format-List Thumbprint,Subject,NotAfter,HasPrivateKey");
}
