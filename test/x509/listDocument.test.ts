// The lean listing used when a folder opens must agree with the full decoder on every file:
// the same files open, the same ones are refused with the same sentence, and the listed fields
// equal those of the full model. Checked on the whole zlint and .NET corpus and on mutations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listingOf } from '../../shared/model/listing.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

type Outcome = { ok: true; listing: unknown } | { ok: false; code: string; message: string };

async function full(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  try {
    return { ok: true, listing: listingOf(await decodeDocument(bytes, { fileName })) };
  } catch (e) {
    return { ok: false, code: (e as { code: string }).code, message: (e as Error).message };
  }
}

async function listed(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  try {
    return { ok: true, listing: (await listDocument(bytes, { fileName })).listing };
  } catch (e) {
    return { ok: false, code: (e as { code: string }).code, message: (e as Error).message };
  }
}

function corpusPaths(sub: string): string[] {
  const dir = corpusDir(sub);
  return corpusFiles(sub).map((f) => join(dir, f));
}

describe('listDocument agrees with decodeDocument', () => {
  it('on every zlint and .NET corpus file (no passwords given)', async () => {
    const files = [...corpusPaths('zlint'), ...corpusPaths('dotnet')];
    expect(files.length).toBeGreaterThan(1000);
    let opened = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const a = await full(bytes.slice(), file);
      const b = await listed(bytes.slice(), file);
      expect(b, file).toEqual(a);
      if (a.ok) opened++;
    }
    expect(opened).toBeGreaterThan(1000);
  });

  it('decodes a file the same when its bytes are a view into a larger buffer (a batch read as one)', async () => {
    // The web edition reads a batch as one Blob and hands each file on as a view of that buffer.
    const files = [...corpusPaths('zlint').slice(0, 150), ...corpusPaths('dotnet').slice(0, 150)];
    const contents = files.map((f) => new Uint8Array(readFileSync(f)));
    const packed = new Uint8Array(contents.reduce((n, c) => n + c.length + 3, 0));
    let offset = 0;
    const views = contents.map((c) => {
      offset += 3; // so no view starts at 0 or at a word boundary
      packed.set(c, offset);
      const view = packed.subarray(offset, offset + c.length);
      offset += c.length;
      return view;
    });
    for (let i = 0; i < files.length; i++) {
      expect(await listed(views[i]!, files[i]!), files[i]).toEqual(await listed(contents[i]!.slice(), files[i]!));
      expect(await full(views[i]!, files[i]!), files[i]).toEqual(await full(contents[i]!.slice(), files[i]!));
    }
  });

  it('returns the full model for files that need it (a PFX), and no model for certificates alone', async () => {
    const dir = corpusDir('dotnet');
    const pfx = new Uint8Array(readFileSync(join(dir, 'System.Net.TestData__TestData__contoso.com.pfx')));
    const withKey = await listDocument(pfx, { fileName: 'contoso.com.pfx', password: 'testcertificate' });
    expect(withKey.document?.kind).toBe('pkcs12');
    expect(withKey.listing.hasPrivateKey).toBe(true);
    const cer = new Uint8Array(readFileSync(join(dir, 'System.Security.Cryptography.X509Certificates.TestData__TestData__microsoft.cer')));
    const plain = await listDocument(cer, { fileName: 'microsoft.cer' });
    expect(plain.document).toBeUndefined();
    expect(plain.listing.certificates[0]!.thumbprint).toMatch(/^[0-9A-F]{40}$/);
  });

  it('on mutated certificates and chains', async () => {
    const dir = corpusDir('dotnet');
    const seeds = [
      readFileSync(join(dir, 'System.Security.Cryptography.X509Certificates.TestData__TestData__microsoft.cer')),
      readFileSync(join(dir, 'System.Security.Cryptography.X509Certificates.TestData__TestData__certchain.p7b')),
    ].map((b) => new Uint8Array(b));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.nat(), fc.nat(7), fc.constantFrom('flip', 'truncate', 'length'), async (seed, at, bit, kind) => {
        const bytes = seed.slice();
        const i = at % bytes.length;
        let input: Uint8Array = bytes;
        if (kind === 'flip') bytes[i] = bytes[i]! ^ (1 << bit);
        else if (kind === 'truncate') input = bytes.subarray(0, i);
        else bytes[i] = 0x81;
        expect(await listed(input.slice(), 'm.cer')).toEqual(await full(input.slice(), 'm.cer'));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});
