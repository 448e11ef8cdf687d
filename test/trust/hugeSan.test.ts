// Issue 18 item 4: a certificate OpenSSL accepts, with 10,000 SAN entries, made `report` exit 2
// with "unexpected failure (Error during parsing of ASN.1 data…)" naming no file, and the app
// showed that raw library error for every file: the chain builder re-parsed each certificate
// with pkijs. Now it reads the decoded model: the certificate is read fully and checked, and
// the file beside it carries on — through check, report and inspect, and in the app's worker.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecoderService } from '../../renderer/worker/service.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';
import { requireBuiltCli, runCli } from '../support/cli.js';
import { makeWorkDir, removeWorkDir } from '../support/openssl.js';

const SANS = 10_000;
let dir: string;
let big: string;
let ok: string;

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('huge-san');
  // `openssl req -x509` with the SAN list in a config section: 10,000 names on one -addext line
  // are longer than the system allows for one argument.
  const names = Array.from({ length: SANS }, (_, i) => `DNS.${i} = host${i}.contoso.com`);
  fs.writeFileSync(path.join(dir, 'san.cnf'), ['[req]', 'distinguished_name = dn', 'x509_extensions = v3', '[dn]', '[v3]', 'subjectAltName = @alt', '[alt]', ...names, ''].join('\n'));
  big = path.join(dir, 'big.pem');
  ok = path.join(dir, 'ok.pem');
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'big.key', '-subj', '/CN=host0.contoso.com', '-days', '30', '-config', 'san.cnf', '-out', big]);
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ok.key', '-subj', '/CN=ok.contoso.com', '-days', '30', '-addext', 'subjectAltName = DNS:ok.contoso.com', '-out', ok]);
  // OpenSSL itself reads all 10,000 names back.
  expect(execFileSync('openssl', ['x509', '-in', big, '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' }).split('DNS:').length - 1).toBe(SANS);
}, 120_000);
afterAll(() => removeWorkDir(dir));

describe('a certificate with 10,000 SAN entries', () => {
  it('check reads it fully and checks the file beside it', async () => {
    const r = await runCli(['check', big, ok, '--role', 'general', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).not.toBe(2);
    const results = (JSON.parse(r.stdout) as { results: { file: string; findings: { ruleId: string; title: string }[] }[] }).results;
    expect(results.map((x) => path.basename(x.file))).toEqual(['big.pem', 'ok.pem']);
    expect(results[0]!.findings.find((f) => f.ruleId === 'general.chain-trust')!.title).toBe('Certificate is self-signed');
  });

  it('report writes the report with both files', async () => {
    const out = path.join(dir, 'report.json');
    const r = await runCli(['report', big, ok, '--role', 'general', '--format', 'json', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).not.toBe(2);
    const report = fs.readFileSync(out, 'utf8');
    expect(report).toContain('host0.contoso.com');
    expect(report).toContain('ok.contoso.com');
  });

  it('inspect lists every SAN entry', async () => {
    const r = await runCli(['inspect', big, '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`host${SANS - 1}.contoso.com`);
    expect(r.stdout.match(/host\d+\.contoso\.com/g)!.length).toBeGreaterThanOrEqual(SANS);
  });

  it('the app checks it and the file beside it, and builds its chain', async () => {
    const s = new DecoderService({ decodeDocument, listDocument, keyStore: new KeyStore(), rules: { evaluate } });
    const ids: string[] = [];
    for (const file of [big, ok]) {
      const o = await s.open(path.basename(file), new Uint8Array(fs.readFileSync(file)));
      if (o.status !== 'opened') throw new Error(`${file} did not open: ${JSON.stringify(o)}`);
      ids.push(o.docId);
    }
    const at = new Date().toISOString();
    for (const id of ids) expect((await s.evaluate(id, 0, 'general', {}, at)).trust!.status).toBe('self-signed');
    const details = await s.details(ids[0]!, 0, {}, at);
    expect(details.document.certificates[0]!.dnsNames).toHaveLength(SANS);
    expect(details.trust!.chain).toHaveLength(1);
  });
});
