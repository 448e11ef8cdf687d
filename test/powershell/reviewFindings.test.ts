// Three review findings of the injection corpus, pinned: certreq's %variable% substitution,
// PowerShell wildcards in -Path values, and an Exchange request draft without SAN names.
import { describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import { certreqInf } from '../../shared/csr/inf.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { validateWindowsPath } from '../../shared/powershell/validate.js';
import { infQuote } from '../../shared/powershell/quote.js';
import { CONTOSO } from '../csr/environment.js';

describe('review findings', () => {
  it('refuses % in an INF value (certreq would substitute %name%)', () => {
    expect(() => infQuote('Contoso %windir% UM', 'friendly name')).toThrow(/%/);
    expect(() => certreqInf({ ...draftFor('exchange-um', CONTOSO), friendlyName: 'UM %USERNAME%' })).toThrow(/%/);
    expect(infQuote('Contoso UM 2026', 'friendly name')).toBe('"Contoso UM 2026"');
  });

  it('refuses [ and ] in a PFX path (wildcards for -Path)', () => {
    expect(() => validateWindowsPath('C:\\Certs\\um[1].pfx', 'PFX path')).toThrow(/\[/);
    expect(validateWindowsPath('C:\\Certs\\um-1.pfx', 'PFX path')).toBe('C:\\Certs\\um-1.pfx');
  });

  it('leaves -DomainName out when an Exchange draft has no SAN names', () => {
    const script = serverSideRequestScript({ ...draftFor('exchange-um', CONTOSO), dnsNames: [] });
    expect(script).toMatch(/New-ExchangeCertificate -GenerateRequest/);
    expect(script).not.toMatch(/-DomainName\s+-/);
    expect(script).not.toMatch(/ {2}-KeySize/);
  });
});
