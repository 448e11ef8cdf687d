// Limits that keep one hostile file from freezing or spoofing the app: absurd PBKDF2 / MAC
// iteration counts are refused at once, and a file name's control characters never reach a
// message raw.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';
import { requireBuiltCli, runCli } from '../support/cli.js';
import { makeWorkDir, openssl, removeWorkDir } from '../support/openssl.js';

let dir: string;
let pfx600k: Buffer;

beforeAll(() => {
  dir = makeWorkDir('hostile-limits');
  const key = path.join(dir, 'k.pem');
  const cert = path.join(dir, 'c.pem');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=ex1.contoso.com', '-days', '30']);
  const out = path.join(dir, 'p.pfx');
  openssl(['pkcs12', '-export', '-in', cert, '-inkey', key, '-out', out, '-passout', 'pass:pw', '-iter', '600000']);
  pfx600k = fs.readFileSync(out);
});

afterAll(() => removeWorkDir(dir));

/** Replace every INTEGER 600000 (02 03 09 27 C0) with 8,388,607 (02 03 7F FF FF). */
function withIterations(bytes: Buffer): Uint8Array {
  const out = Buffer.from(bytes);
  const from = Buffer.from([0x02, 0x03, 0x09, 0x27, 0xc0]);
  let count = 0;
  for (let i = out.indexOf(from); i >= 0; i = out.indexOf(from, i + 1)) {
    out.set([0x02, 0x03, 0x7f, 0xff, 0xff], i);
    count++;
  }
  expect(count).toBeGreaterThanOrEqual(3); // MAC + certificate bag + key bag
  return new Uint8Array(out);
}

describe('hostile limits', () => {
  it('refuses an 8-million-iteration PFX at once instead of hanging', async () => {
    const started = performance.now();
    const error = await decodeDocument(withIterations(pfx600k), { fileName: 'slow.pfx', password: 'pw' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('unsupported');
    expect((error as InputError).message).toMatch(/^slow\.pfx uses 8,388,607 .*iterations/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('still opens the same PFX with its real 600,000 iterations', async () => {
    const doc = await decodeDocument(new Uint8Array(pfx600k), { fileName: 'ok.pfx', password: 'pw' });
    expect(doc.container?.macIterations).toBe(600000);
    expect(doc.hasPrivateKey).toBe(true);
  });

  it('never puts a file name\'s control characters into a message', async () => {
    const hostile = 'evil\n\u001b[31mRED\u202Egpj.cer';
    const error = (await decodeDocument(new Uint8Array([1, 2, 3]), { fileName: hostile }).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(error.message).toContain('evil\\u{A}\\u{1B}[31mRED\\u{202E}gpj.cer');
  });

  it('the CLI prints one escaped stderr line for such a name', async () => {
    requireBuiltCli();
    const name = path.join(dir, 'bad\n\u001b[2Jname.cer');
    fs.writeFileSync(name, 'not a certificate');
    const r = await runCli(['inspect', name]);
    expect(r.code).toBe(2);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f]/);
    expect(r.stderr).toContain('bad\\u{A}\\u{1B}[2Jname.cer');
  });
});
