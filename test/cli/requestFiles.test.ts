// Issue 15: `certbench request` wrote `<base>.request.ps1` and took any passphrase; the app's
// request designer offered `<base>-request.ps1` and asked for 8 characters. Both now take their
// files from the core's generateRequestFiles: the same names, the same INF and script for the
// same draft, and the same passphrase rule. The CSR and key differ only by the fresh key pair;
// OpenSSL reads both CSRs and opens both keys with the passphrase.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from '../../cli/commands/request.js';
import { draftFor } from '../../shared/csr/draft.js';
import { requestFileNames } from '../../shared/csr/fileNames.js';
import { RequestService, type RequestEngine } from '../../renderer/worker/requestService.js';
import { fakeIo } from '../commands/fakeIo.js';
import { makeWorkDir, opensslText, removeWorkDir } from '../support/openssl.js';

const dir = makeWorkDir('request-files');
afterAll(() => removeWorkDir(dir));
const PASS = 'Request-Key-Passphrase-1';
const env = { exchangeServers: [{ fqdn: 'ex1.contoso.com', version: '2016' as const, roles: ['Mailbox', 'UM'] }] };
// The app's worker service; the checks it also offers are not used here.
const app = new RequestService({} as RequestEngine);

describe('one generateRequestFiles for the CLI and the app', () => {
  it('the same four names and the same INF and script for the same draft', async () => {
    fs.writeFileSync(path.join(dir, 'env.json'), JSON.stringify(env));
    const io = fakeIo(dir, { KEY_PASS: PASS });
    expect(await request(['--role', 'exchange-um', '--env', 'env.json', '--out', 'cli', '--passphrase-env', 'KEY_PASS'], io)).toBe(0);
    const cliNames = fs.readdirSync(path.join(dir, 'cli')).sort();

    const draft = draftFor('exchange-um', env);
    const made = await app.generate(draft, PASS);
    const appNames = made.files.map((f) => f.name).sort();
    expect(appNames).toEqual(cliNames);
    expect(appNames).toEqual(Object.values(requestFileNames(draft)).sort());
    expect(appNames).toContain('exchange-um-ex1.contoso.com.request.ps1');

    const cliText = (name: string) => fs.readFileSync(path.join(dir, 'cli', name), 'utf8');
    const appText = (kind: string) => made.files.find((f) => f.kind === kind)!.text;
    expect(appText('inf')).toBe(cliText('exchange-um-ex1.contoso.com.inf'));
    expect(appText('script')).toBe(cliText('exchange-um-ex1.contoso.com.request.ps1'));

    // Both CSRs say the same subject; both keys open with the passphrase and match their CSR.
    fs.mkdirSync(path.join(dir, 'app'));
    for (const f of made.files) fs.writeFileSync(path.join(dir, 'app', f.name), f.text);
    for (const where of ['cli', 'app']) {
      const csr = path.join(dir, where, 'exchange-um-ex1.contoso.com.csr');
      const key = path.join(dir, where, 'exchange-um-ex1.contoso.com.key.pem');
      expect(opensslText(['req', '-in', csr, '-noout', '-subject'])).toMatch(/CN\s*=\s*ex1\.contoso\.com/);
      const fromKey = opensslText(['pkey', '-in', key, '-passin', `pass:${PASS}`, '-pubout']);
      const fromCsr = opensslText(['req', '-in', csr, '-noout', '-pubkey']);
      expect(fromKey).toBe(fromCsr);
    }
  });

  it('the same passphrase rule, in the same sentence', async () => {
    const draft = draftFor('exchange-um', env);
    for (const weak of ['Ab1!x', 'password', 'zzzzzzzzzz']) {
      const cliError = await request(['--role', 'exchange-um', '--env', 'env.json', '--out', 'weak', '--passphrase-env', 'KEY_PASS'], fakeIo(dir, { KEY_PASS: weak })).catch((e: Error) => e.message);
      const appError = await app.generate(draft, weak).catch((e: Error) => e.message);
      const sentence = /The passphrase [^.]*\./.exec(String(cliError))?.[0];
      expect(sentence, weak).toBeDefined();
      expect(String(appError).startsWith(sentence!)).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'weak'))).toBe(false);
  });
});
