// Import + audit in one step (issue 13's "done when"): a pasted Get-ExchangeCertificate | fl
// from two servers plus a pasted Get-AuthConfig → the Auth certificate is missing on one.
import { describe, expect, it } from 'vitest';
import { auditEstate } from '../../../shared/estate/audit.js';
import { importServerOutput } from '../../../shared/estate/import/index.js';
import { sample } from './support.js';

describe('import then audit', () => {
  it('finds the AuthConfig certificate missing on EX2', async () => {
    const { snapshot } = importServerOutput(
      [
        { name: 'ex1.txt', text: sample('ex1-fl-en-GB.txt') },
        { name: 'ex2.txt', text: sample('ex2-fl-identity-en-US.txt') },
        { name: 'authconfig.txt', text: sample('authconfig.txt') },
      ],
      { locale: 'en-GB' },
    );
    const audit = await auditEstate(snapshot, { at: new Date('2026-12-01T10:00:00Z') });
    const missing = audit.estateFindings.filter((f) => f.ruleId === 'estate.auth-certificate-on-every-server' && f.status === 'error');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.title).toBe('Auth certificate missing on EX2');
    expect(missing[0]!.servers).toEqual(['EX2']);
    expect(missing[0]!.thumbprints).toEqual(['A1B2C3D4E5F60718293A4B5C6D7E8F9012345678']);
  });

  it('no finding when both servers hold it (the test can fail)', async () => {
    const ex2WithAuth = sample('ex2-fl-identity-en-US.txt').replace(/5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F80/g, 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678');
    const { snapshot } = importServerOutput([
      { name: 'ex1.txt', text: sample('ex1-fl-en-GB.txt') },
      { name: 'ex2.txt', text: ex2WithAuth },
      { name: 'authconfig.txt', text: sample('authconfig.txt') },
    ]);
    const audit = await auditEstate(snapshot, { at: new Date('2026-12-01T10:00:00Z') });
    const rule = audit.estateFindings.filter((f) => f.ruleId === 'estate.auth-certificate-on-every-server');
    expect(rule.map((f) => f.status)).toEqual(['pass']);
  });
});

describe('certbench audit on pasted output', () => {
  it('fl from two servers plus Get-AuthConfig: Auth certificate missing on EX2 (exit 1), what was understood on stderr', async () => {
    const { main } = await import('../../../cli/certbench.js');
    const { fakeIo } = await import('../../commands/fakeIo.js');
    const { SAMPLES } = await import('./support.js');
    const io = fakeIo(SAMPLES);
    const code = await main(['audit', 'ex1-fl-en-GB.txt', 'ex2-fl-identity-en-US.txt', 'authconfig.txt', '--locale', 'en-GB', '--at', '2026-12-01T10:00:00Z', '--json'], io);
    expect(code).toBe(1);
    const audit = JSON.parse(io.stdout);
    const missing = audit.estateFindings.filter((f: { ruleId: string; status: string }) => f.ruleId === 'estate.auth-certificate-on-every-server' && f.status === 'error');
    expect(missing.map((f: { title: string }) => f.title)).toEqual(['Auth certificate missing on EX2']);
    expect(io.stderr).toMatch(/^ex1-fl-en-GB\.txt: Get-ExchangeCertificate on EX1 \(server from the prompt line\): 3 certificates/m);
    expect(io.stderr).toMatch(/^authconfig\.txt: Get-AuthConfig: current A1B2C3D4…/m);
  });

  it('an unrecognised text file is one line naming it (exit 2), the rest still audited', async () => {
    const { mkdtempSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { main } = await import('../../../cli/certbench.js');
    const { fakeIo } = await import('../../commands/fakeIo.js');
    const { SAMPLES } = await import('./support.js');
    const dir = mkdtempSync(join(tmpdir(), 'certbench-audit-'));
    writeFileSync(join(dir, 'note.txt'), 'nothing to see here\n');
    copyFileSync(join(SAMPLES, 'table-7-en.txt'), join(dir, 'table.txt'));
    const io = fakeIo(dir);
    const code = await main(['audit', 'note.txt', 'table.txt', '--at', '2026-12-01T10:00:00Z'], io);
    expect(code).toBe(2);
    expect(io.stderr.split('\n').filter((l) => l.startsWith('note.txt'))).toHaveLength(1);
    expect(io.stdout).toMatch(/ex1\.fabrikam\.example/);
  });
});

describe('certbench audit reads all pasted files as one estate', () => {
  it("one file's Get-ExchangeServer gives the FQDNs another file's certificates are listed under", async () => {
    const { main } = await import('../../../cli/certbench.js');
    const { fakeIo } = await import('../../commands/fakeIo.js');
    const { SAMPLES } = await import('./support.js');
    const io = fakeIo(SAMPLES);
    await main(['audit', 'exchangeserver.txt', 'ex1-fl-en-GB.txt', 'ex2-fl-identity-en-US.txt', 'authconfig.txt', '--at', '2026-12-01T10:00:00Z', '--json'], io);
    const audit = JSON.parse(io.stdout);
    expect(audit.servers.map((s: { fqdn: string; certificates: unknown[] }) => [s.fqdn, s.certificates.length])).toEqual([
      ['ex1.fabrikam.example', 3],
      ['ex2.fabrikam.example', 2],
      ['ex2010.fabrikam.example', 0],
    ]);
    const missing = audit.estateFindings.find((f: { ruleId: string; status: string }) => f.ruleId === 'estate.auth-certificate-on-every-server' && f.status === 'error');
    expect(missing.servers).toEqual(['ex2.fabrikam.example']);
  });
});
