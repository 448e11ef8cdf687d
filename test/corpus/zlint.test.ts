// The zlint corpus: 1,161 deliberately odd certificates (PEM with OpenSSL's text dump above the
// block). Every file OpenSSL parses must give OpenSSL's SHA-1 thumbprint; every file it refuses
// must be refused with an InputError (or read) — never another error type, a crash or a hang.
// The counts are printed (`zlint corpus: {...}`) for the issue note.
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodedDocument } from '../../shared/model/document.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';
import { corpusDir, corpusFiles, mapPool, opensslAsync, parseFingerprint } from '../support/corpus.js';

interface Outcome {
  file: string;
  /** OpenSSL's SHA-1 of the first certificate, or null when OpenSSL refuses the file. */
  openssl: string | null;
  doc?: DecodedDocument;
  error?: unknown;
  ms: number;
}

interface CliCheck {
  file: string;
  library: string | null;
  cli: string | null;
}

let outcomes: Outcome[] = [];
let cliChecks: CliCheck[] = [];

// OpenSSL is the reference. Node's X509Certificate runs OpenSSL's own parser in-process (the
// same 3.0 libcrypto as the CLI here), which keeps 1,161 files fast; the `openssl x509` CLI then
// confirms that verdict for every refused file and a fixed sample of the parsed ones (all files
// with CERTBENCH_CORPUS_FULL=1). Any disagreement between the two fails the run.
function libraryFingerprint(bytes: Uint8Array): string | null {
  try {
    return new X509Certificate(bytes).fingerprint.replace(/:/g, '').toUpperCase();
  } catch {
    return null;
  }
}

const FULL = process.env.CERTBENCH_CORPUS_FULL === '1';
const SAMPLE_EVERY = 12;

beforeAll(async () => {
  const dir = corpusDir('zlint');
  const files = corpusFiles('zlint');
  const t0 = performance.now();
  const contents = files.map((file) => new Uint8Array(fs.readFileSync(path.join(dir, file))));
  const library = contents.map(libraryFingerprint);
  const toCheck = files.map((file, i) => ({ file, i })).filter(({ i }) => FULL || library[i] === null || i % SAMPLE_EVERY === 0);
  cliChecks = await mapPool(toCheck, async ({ file, i }) => {
    const r = await opensslAsync(['x509', '-noout', '-fingerprint', '-sha1', '-in', path.join(dir, file)]);
    return { file, library: library[i]!, cli: r.code === 0 ? parseFingerprint(r.stdout) : null };
  });
  const opensslMs = performance.now() - t0;
  outcomes = [];
  for (const [i, file] of files.entries()) {
    const started = performance.now();
    const outcome: Outcome = { file, openssl: library[i]!, ms: 0 };
    try {
      outcome.doc = await decodeDocument(contents[i]!, { fileName: file });
    } catch (error) {
      outcome.error = error;
    }
    outcome.ms = performance.now() - started;
    outcomes.push(outcome);
  }
  const parsed = outcomes.filter((o) => o.openssl);
  const refused = outcomes.filter((o) => !o.openssl);
  const counts = {
    files: outcomes.length,
    opensslParses: parsed.length,
    opensslRefuses: refused.length,
    sameThumbprint: parsed.filter((o) => o.doc?.certificates.some((c) => c.thumbprint === o.openssl)).length,
    refusedAndDecoderRefuses: refused.filter((o) => o.error instanceof InputError).length,
    refusedButDecoderReads: refused.filter((o) => o.doc).length,
    cliChecked: cliChecks.length,
    slowestMs: Math.round(Math.max(...outcomes.map((o) => o.ms))),
    opensslMs: Math.round(opensslMs),
    decodeMs: Math.round(outcomes.reduce((sum, o) => sum + o.ms, 0)),
  };
  console.info(`zlint corpus: ${JSON.stringify(counts)}`);
}, 300_000);

describe('zlint corpus', () => {
  it('is the corpus the README describes', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(1161);
    // README: OpenSSL 3 parses 1,099 of them.
    expect(outcomes.filter((o) => o.openssl).length).toBeGreaterThanOrEqual(1050);
  });

  it('has the openssl CLI agree with the in-process OpenSSL verdicts', () => {
    expect(cliChecks.length).toBeGreaterThan(FULL ? 1000 : 100);
    const disagree = cliChecks.filter((c) => c.cli !== c.library).map((c) => `${c.file}: cli ${c.cli}, library ${c.library}`);
    expect(disagree).toEqual([]);
  });

  it('gives OpenSSL’s thumbprint for every certificate OpenSSL parses', () => {
    const wrong = outcomes
      .filter((o) => o.openssl)
      .filter((o) => !o.doc || !o.doc.certificates.some((c) => c.thumbprint === o.openssl))
      .map((o) =>
        o.doc
          ? `${o.file}: openssl ${o.openssl}, decoder [${o.doc.certificates.map((c) => c.thumbprint).join(', ')}]`
          : `${o.file}: openssl ${o.openssl}, decoder threw ${(o.error as Error)?.message}`,
      );
    expect(wrong).toEqual([]);
  });

  it('puts that certificate first, as OpenSSL reads the first block', () => {
    const notFirst = outcomes.filter((o) => o.openssl && o.doc && o.doc.certificates[0]?.thumbprint !== o.openssl).map((o) => o.file);
    expect(notFirst).toEqual([]);
  });

  it('refuses the rest with an InputError or reads them — never another error', () => {
    const bad = outcomes
      .filter((o) => o.error !== undefined && !(o.error instanceof InputError))
      .map((o) => `${o.file}: ${(o.error as Error)?.name}: ${(o.error as Error)?.message}`);
    expect(bad).toEqual([]);
  });

  it('writes every refusal as one line naming the file', () => {
    const bad = outcomes
      .filter((o) => o.error instanceof InputError)
      .filter((o) => {
        const m = (o.error as InputError).message;
        return !m.includes(o.file) || /[\r\n]/.test(m);
      })
      .map((o) => `${o.file}: ${(o.error as InputError).message}`);
    expect(bad).toEqual([]);
  });

  it('reads every certificate it returns into a JSON-safe model with Windows-format thumbprints', () => {
    const bad: string[] = [];
    for (const o of outcomes) {
      for (const c of o.doc?.certificates ?? []) {
        if (!/^[0-9A-F]{40}$/.test(c.thumbprint) || !/^[0-9A-F]{64}$/.test(c.sha256) || Number.isNaN(Date.parse(c.notBefore))) {
          bad.push(`${o.file}: ${c.thumbprint} ${c.notBefore}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('never takes long on one file', () => {
    const slow = outcomes.filter((o) => o.ms > 2000).map((o) => `${o.file}: ${Math.round(o.ms)} ms`);
    expect(slow).toEqual([]);
  });
});
