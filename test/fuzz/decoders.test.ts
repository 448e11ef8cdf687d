// Hostile input: every decoder path must end in a result or an InputError, quickly — never a
// crash, a hang, another error type or an unhandled rejection. Seeds are real files (the
// .NET and zlint corpus); fast-check mutates them. FUZZ_RUNS raises the count for a long run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';
import { corpusDir } from '../support/corpus.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const seeds: { name: string; bytes: Uint8Array; password?: string }[] = [
  { name: 'contoso.com.pfx (RC2+3DES)', bytes: read('dotnet/System.Net.TestData__TestData__contoso.com.pfx'), password: 'testcertificate' },
  { name: 'noRC2.pfx (3DES)', bytes: read('dotnet/System.Net.TestData__TestData__testservereku.contoso.com.noRC2.pfx'), password: 'testcertificate' },
  { name: 'certchain.p7b', bytes: read('dotnet/System.Security.Cryptography.X509Certificates.TestData__TestData__certchain.p7b') },
  { name: 'microsoft.cer', bytes: read('dotnet/System.Security.Cryptography.X509Certificates.TestData__TestData__microsoft.cer') },
  { name: 'zlint PEM with text dump', bytes: read('zlint/IANBareSuffix.pem') },
];

/** `corpus/file` from the vendored corpora (test/data). */
function read(rel: string): Uint8Array {
  const [corpus, file] = rel.split('/') as [string, string];
  return new Uint8Array(readFileSync(join(corpusDir(corpus), file)));
}

/** Decode and classify the outcome; anything but a document or an InputError fails the test. */
async function outcome(bytes: Uint8Array, password?: string): Promise<'ok' | InputError['code']> {
  const started = performance.now();
  try {
    await decodeDocument(bytes, { fileName: 'fuzz.bin', ...(password !== undefined ? { password } : {}) });
    return 'ok';
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`not an InputError: ${String(e)}`);
    expect(e.message).toMatch(/^(The password for )?fuzz\.bin|fuzz\.bin/);
    expect(e.message).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)/); // one line, no stack
    return e.code;
  } finally {
    expect(performance.now() - started).toBeLessThan(2000);
  }
}

const mutation = (len: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(len - 1), bit: fc.nat(7) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(len - 1) }),
    fc.record({ kind: fc.constant('length' as const), at: fc.nat(len - 1), value: fc.constantFrom(0x80, 0x81, 0x84, 0x85, 0xff, 0x00) }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(len - 1), insert: fc.uint8Array({ maxLength: 64 }) }),
  );

function apply(bytes: Uint8Array, m: { kind: string; at: number; bit?: number; value?: number; insert?: Uint8Array }): Uint8Array {
  const out = bytes.slice();
  switch (m.kind) {
    case 'flip':
      out[m.at] = out[m.at]! ^ (1 << m.bit!);
      return out;
    case 'truncate':
      return out.subarray(0, m.at);
    case 'length':
      out[m.at] = m.value!;
      return out;
    default: {
      const joined = new Uint8Array(bytes.length + m.insert!.length);
      joined.set(bytes.subarray(0, m.at));
      joined.set(m.insert!, m.at);
      joined.set(bytes.subarray(m.at), m.at + m.insert!.length);
      return joined;
    }
  }
}

describe('decoders under hostile input', () => {
  for (const seed of seeds) {
    it(`mutations of ${seed.name} end in a document or an InputError`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(mutation(seed.bytes.length), { minLength: 1, maxLength: 3 }), async (ms) => {
          let bytes = seed.bytes;
          for (const m of ms) if (bytes.length > 1) bytes = apply(bytes, { ...m, at: m.at % bytes.length });
          await outcome(bytes, seed.password);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('random bytes end in an InputError or a document', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 4096 }), async (b) => void (await outcome(b))), { numRuns: RUNS * 2 });
  });

  it('random text, including PEM-looking text, is handled', async () => {
    const pemish = fc
      .tuple(fc.constantFrom('CERTIFICATE', 'PKCS7', 'NEW CERTIFICATE REQUEST', 'PRIVATE KEY', 'X'), fc.string({ maxLength: 300 }))
      .map(([label, body]) => new TextEncoder().encode(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`));
    await fc.assert(fc.asyncProperty(fc.oneof(pemish, fc.string().map((s) => new TextEncoder().encode(s))), async (b) => void (await outcome(b))), { numRuns: RUNS * 2 });
  });

  it('refuses absurd nesting without exhausting the stack', async () => {
    const depth = 100_000;
    const bytes = new Uint8Array(depth * 2);
    for (let i = 0; i < depth; i++) {
      bytes[i * 2] = 0x30;
      bytes[i * 2 + 1] = 0x80; // indefinite length, never closed
    }
    expect(await outcome(bytes)).not.toBe('ok');
  });

  it('refuses a huge declared length without allocating it', async () => {
    expect(await outcome(new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]))).toBe('truncated');
  });

  it('refuses a 64 MiB file by its size, at once', async () => {
    expect(await outcome(new Uint8Array(64 * 1024 * 1024))).toBe('too-large');
  });
});
