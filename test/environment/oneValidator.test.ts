// Issue 15: the app and the CLI read an environment file with the same validator and give the
// same answer. Each case was measured to differ before (the app's own sanitizeEnvironment kept a
// misspelt key as an empty environment, kept "2020" and a PowerShell command as an FQDN, and
// refused a UTF-8 BOM); here every way in — the app's Import JSON, the app's saved book and the
// CLI's --env — is run on the same text and must agree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvironmentOption } from '../../cli/checkInputs.js';
import type { Environment } from '../../shared/environment/types.js';
import { loadBook, parseEnvironmentJson, STORAGE_KEY, usableEnvironment } from '../../renderer/state/environments.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-env-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Answer = { ok: true; environment: Environment } | { ok: false; message: string };

function cli(text: string): Answer {
  const file = path.join(dir, 'contoso.json');
  fs.writeFileSync(file, text);
  try {
    return { ok: true, environment: readEnvironmentOption('contoso.json', { cwd: dir }) };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

function appImport(text: string): Answer {
  try {
    return { ok: true, environment: parseEnvironmentJson(text, 'contoso.json') };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** The saved book keeps what the validator accepts; a refused field never reaches a check. */
function appStorage(text: string): Environment {
  const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as Environment;
  const stored = JSON.stringify({ active: 'Contoso', environments: [{ ...parsed, name: 'Contoso' }] });
  const book = loadBook({ getItem: (k) => (k === STORAGE_KEY ? stored : null) });
  const { name: _name, ...rest } = book.environments.find((e) => e.name === 'Contoso') ?? {};
  return rest;
}

const cases: { what: string; text: string; accepted: boolean; message?: RegExp }[] = [
  { what: 'a misspelt key', text: '{"exchangeServer": [{"fqdn": "ex1.contoso.com"}]}', accepted: false, message: /exchangeServer is not a known field/ },
  { what: 'an Exchange version that does not exist', text: '{"exchangeServers": [{"fqdn": "ex1.contoso.com", "version": "2020"}]}', accepted: false, message: /version must be one of 2010, 2010SP1, 2013, 2016, 2019, SE \(got "2020"\)/ },
  { what: 'a PowerShell command as an FQDN', text: '{"exchangeServers": [{"fqdn": "ex1 ; Remove-Item C:\\\\ -Recurse"}]}', accepted: false, message: /fqdn must be a host name/ },
  { what: 'a name with a space', text: '{"sipDomains": ["ex1 contoso"]}', accepted: false, message: /sipDomains\[0\] must be a host name/ },
  { what: 'a UTF-8 byte order mark', text: '\uFEFF{"sipDomains": ["contoso.com"]}', accepted: true },
  { what: 'versions as people write them', text: '{"exchangeServers": [{"fqdn": "ex1.contoso.com", "version": "15.1"}], "sfbPools": [{"fqdn": "pool.contoso.com", "version": "2015"}]}', accepted: true },
];

describe('one validator for every way an environment comes in', () => {
  for (const c of cases) {
    it(`${c.what}: the app's import and the CLI's --env give the same answer`, () => {
      const a = appImport(c.text);
      const b = cli(c.text);
      expect(a.ok).toBe(c.accepted);
      expect(b.ok).toBe(c.accepted);
      if (!a.ok && !b.ok) {
        // The same sentence, naming the file: the CLI's and the app's words are the core's.
        expect(a.message).toMatch(c.message!);
        expect(b.message).toBe(a.message);
        expect(a.message.startsWith('contoso.json')).toBe(true);
      }
      if (a.ok && b.ok) expect(a.environment).toEqual(b.environment);
    });
  }

  it('the saved book keeps only what the validator accepts', () => {
    expect(appStorage('{"exchangeServers": [{"fqdn": "ex1.contoso.com", "version": "2020"}]}')).toEqual({ exchangeServers: [{ fqdn: 'ex1.contoso.com' }] });
    expect(appStorage('{"exchangeServers": [{"fqdn": "ex1 ; Remove-Item C:\\\\ -Recurse"}], "sipDomains": ["contoso.com"]}')).toEqual({ exchangeServers: [], sipDomains: ['contoso.com'] });
    expect(appStorage('{"exchangeServers": [{"fqdn": "ex1.contoso.com", "version": "Exchange 2019"}]}')).toEqual({ exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2019' }] });
  });

  it('never keeps a key, a password or an unknown field, whichever way in', () => {
    const text = JSON.stringify({ exchangeServers: [{ fqdn: 'ex1.contoso.com', password: 'x' }], owaIm: { certificateThumbprint: '\u200e1a 31', privateKey: 'nope' }, secret: 'nope', trustedRoots: ['-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----'] });
    expect(appImport(text)).toEqual(cli(text));
    expect(appImport(text).ok).toBe(false);
    // The thumbprint is kept exactly as pasted: the OWA IM rule reports the invisible mark.
    expect(appStorage(text)).toEqual({ exchangeServers: [{ fqdn: 'ex1.contoso.com' }], owaIm: { certificateThumbprint: '\u200e1a 31' }, trustedRoots: [] });
  });

  it('what the checks use from an editor draft is what the CLI would read from the same JSON', () => {
    const draft: Environment = { name: 'Contoso', exchangeServers: [{ fqdn: 'ex1 contoso' }, { fqdn: 'ex2.contoso.com', version: '15.2' as never }], sipDomains: ['contoso.com'] };
    const usable = usableEnvironment(draft);
    expect(usable).toEqual({ name: 'Contoso', exchangeServers: [{ fqdn: 'ex2.contoso.com', version: '2019' }], sipDomains: ['contoso.com'] });
    expect(cli(JSON.stringify(draft)).ok).toBe(false);
    expect(cli(JSON.stringify(usable))).toEqual({ ok: true, environment: usable });
  });

  it('stores versions in their canonical form whichever way in', () => {
    const text = '{"exchangeServers": [{"fqdn": "ex1.contoso.com", "version": "15.1"}], "sfbPools": [{"fqdn": "pool.contoso.com", "version": "2015"}]}';
    const expected = { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' }], sfbPools: [{ fqdn: 'pool.contoso.com', version: 'SfB2015' }] };
    expect(appImport(text)).toEqual({ ok: true, environment: expected });
    expect(cli(text)).toEqual({ ok: true, environment: expected });
    expect(appStorage(text)).toEqual(expected);
  });
});
