// The certreq INF (WIN-02) and the server-side request scripts (WIN-03, WIN-05).
import { describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import { certreqInf } from '../../shared/csr/inf.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { CONTOSO } from './environment.js';

describe('certreq INF', () => {
  it('is exactly the WIN-02 layout for a UM request (CRLF, legacy CSP, SAN continuation lines)', () => {
    const inf = certreqInf(draftFor('exchange-um', CONTOSO));
    expect(inf.endsWith('\r\n')).toBe(true);
    const body = inf.replace(/\r\n/g, '\n').split('\n').filter((l) => !l.startsWith(';'));
    expect(body.join('\n')).toBe(
      [
        '',
        '[Version]',
        'Signature = "$Windows NT$"',
        '',
        '[NewRequest]',
        'Subject = "CN=ex1.contoso.com"',
        'KeyLength = 2048',
        'KeySpec = 1',
        'KeyUsage = 0xa0',
        'Exportable = FALSE',
        'MachineKeySet = TRUE',
        'ProviderName = "Microsoft RSA SChannel Cryptographic Provider"',
        'ProviderType = 12',
        'RequestType = PKCS10',
        'HashAlgorithm = sha256',
        'FriendlyName = "ex1.contoso.com exchange-um"',
        '',
        '[EnhancedKeyUsageExtension]',
        'OID = 1.3.6.1.5.5.7.3.1',
        'OID = 1.3.6.1.5.5.7.3.2',
        '',
        '[Extensions]',
        '2.5.29.17 = "{text}"',
        '_continue_ = "dns=ex1.contoso.com&"',
        '',
      ].join('\n'),
    );
    expect(inf).toContain(';   certreq -new -machine exchange-um-ex1.contoso.com.inf exchange-um-ex1.contoso.com.csr');
    expect(inf).toContain(';   certreq -submit exchange-um-ex1.contoso.com.csr exchange-um-ex1.contoso.com.cer');
    expect(inf).toContain(';   certreq -accept -machine exchange-um-ex1.contoso.com.cer');
  });

  it('has no [Extensions] for the Exchange auth certificate (no SAN, OA-EX-01) and marks it exportable', () => {
    const inf = certreqInf(draftFor('exchange-auth', CONTOSO));
    expect(inf).toContain('Subject = "CN=Microsoft Exchange Server Auth Certificate"');
    expect(inf).toContain('Exportable = TRUE');
    expect(inf).not.toContain('[Extensions]');
  });

  it('refuses an EC draft and a friendly name that would break the INF', () => {
    expect(() => certreqInf({ ...draftFor('edge-internal', CONTOSO), key: 'p256' })).toThrow(/RSA/);
    expect(() => certreqInf({ ...draftFor('edge-internal', CONTOSO), friendlyName: 'a"\r\nKeySpec = 2' })).toThrow(/control character/);
    expect(() => certreqInf({ ...draftFor('edge-internal', CONTOSO), friendlyName: 'a" b' })).toThrow(/double quote/);
  });
});

describe('server-side request script', () => {
  it('uses New-ExchangeCertificate -GenerateRequest for Exchange roles (WIN-03)', () => {
    const s = serverSideRequestScript(draftFor('owa-im', CONTOSO));
    expect(s).toContain("$requestFile = 'C:\\CertBench\\owa-im-owa.contoso.com.req'");
    expect(s).toContain("New-ExchangeCertificate -GenerateRequest -RequestFile $requestFile -FriendlyName 'owa.contoso.com owa-im' -SubjectName 'CN=owa.contoso.com' -DomainName 'owa.contoso.com' -KeySize 2048");
    expect(s.split('\n').filter((l) => l.startsWith('New-ExchangeCertificate')).join('')).not.toContain('-Services');
  });

  it('uses Request-CsCertificate -New -Type OAuthTokenIssuer -Output for SfB OAuth (WIN-05)', () => {
    const s = serverSideRequestScript(draftFor('sfb-oauth', CONTOSO), { folder: '\\\\fs01\\certs' });
    expect(s).toContain("$requestFile = '\\\\fs01\\certs\\sfb-oauth-contoso.com.req'");
    expect(s).toContain('Request-CsCertificate -New -Type OAuthTokenIssuer -Output $requestFile');
    expect(s).toContain('-PrivateKeyExportable $true');
    // The OAuthTokenIssuer belongs to no computer: a domain name is never passed as -ComputerFqdn.
    expect(s).not.toContain('-ComputerFqdn');
  });

  it('refuses a hostile folder', () => {
    expect(() => serverSideRequestScript(draftFor('sfb-oauth', CONTOSO), { folder: "C:\\x'; calc; '" })).toThrow(/request folder/);
  });
});
