// Issue 15: the extensions CertBench opens lived in four lists (the CLI's folder scan, the
// desktop Open dialog, the web picker, the installer) and the 32 MiB refusal in four versions.
// Now one list and one sentence in the core (shared/files/accepted.ts); here every shell is asked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_EXTENSIONS as CLI_EXTENSIONS, readInput } from '../../cli/inputFiles.js';
import { CERTIFICATE_FILE_FILTERS, MAX_FILE_BYTES as MAIN_MAX } from '../../main/handlers/deps.js';
import { readFiles } from '../../main/handlers/readFiles.js';
import { readOneByOne } from '../../renderer/platform/readChosenFiles.js';
import { ACCEPTED_EXTENSIONS } from '../../renderer/platform/web.js';
import { CERTIFICATE_EXTENSIONS, ESTATE_EXTENSIONS, isCertificateFileName, MAX_FILE_BYTES, REVOCATION_EXTENSIONS, tooLargeMessage } from '../../shared/files/accepted.js';
import { decodeDocument } from '../../shared/x509/decode.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certbench-accepted-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('one list of the files CertBench opens', () => {
  it('the CLI folder scan, the desktop Open dialog and the web picker offer the core list', () => {
    expect([...CLI_EXTENSIONS].sort()).toEqual(CERTIFICATE_EXTENSIONS.map((e) => `.${e}`).sort());
    // Revocation lists (.crl, issue 16.16) open in the app, beside the certificates; the CLI's folder scan keeps to certificates.
    expect(CERTIFICATE_FILE_FILTERS[0]!.extensions).toEqual([...CERTIFICATE_EXTENSIONS, ...REVOCATION_EXTENSIONS]);
    expect(CERTIFICATE_FILE_FILTERS[1]!.extensions).toEqual([...ESTATE_EXTENSIONS]);
    expect(ACCEPTED_EXTENSIONS).toEqual([...CERTIFICATE_EXTENSIONS, ...REVOCATION_EXTENSIONS, ...ESTATE_EXTENSIONS].map((e) => `.${e}`));
    expect(ACCEPTED_EXTENSIONS).toContain('.crl');
    expect(isCertificateFileName('contoso.crl')).toBe(false);
    for (const name of ['um.PFX', 'edge.p12', 'chain.p7b', 'ex1.cert', 'req.csr']) expect(isCertificateFileName(name), name).toBe(true);
    for (const name of ['notes.txt', 'pfx', 'archive.zip']) expect(isCertificateFileName(name), name).toBe(false);
  });
});

describe('one sentence for a file over 32 MiB', () => {
  const sentence = tooLargeMessage('disk.iso');

  it('is the same in the CLI, the desktop reader, the web reader and the decoder', async () => {
    expect(MAIN_MAX).toBe(MAX_FILE_BYTES);
    expect(sentence).toBe('disk.iso is larger than 32 MiB; open the certificate file itself, not an archive or disk image.');

    const file = path.join(dir, 'disk.iso');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_FILE_BYTES + 1); // sparse: nothing is really written
    const cli = (() => {
      try {
        readInput('disk.iso', dir);
        return 'read';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    const desktop = (await readFiles([file], { fs: { stat: (p) => fs.promises.stat(p), readFile: (p) => fs.promises.readFile(p) } })).failures[0]?.message;
    const big = new Blob([new Uint8Array(MAX_FILE_BYTES + 1)]);
    const web = (await readOneByOne([{ name: 'disk.iso', blob: big }]))[0];
    const decoder = await decodeDocument(new Uint8Array(MAX_FILE_BYTES + 1), { fileName: 'disk.iso' }).then(
      () => 'decoded',
      (e: Error) => e.message,
    );
    expect({ cli, desktop, web, decoder }).toEqual({ cli: sentence, desktop: sentence, web: { message: sentence }, decoder: sentence });
  });
});
