// inspect streams its JSON one document at a time: the text must be exactly what one
// JSON.stringify of the whole result gives — indented on a terminal, compact on a pipe.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../cli/commands/inspect.js';
import type { CliIo } from '../../cli/io.js';
import '../../cli/nodeDigest.js';
import { corpusDir } from '../support/corpus.js';

const DOTNET = corpusDir('dotnet');
const FILES = [
  join(DOTNET, 'System.Net.TestData__TestData__contoso.com.cer'),
  join(DOTNET, 'System.Security.Cryptography.X509Certificates.TestData__TestData__certchain.p7b'),
];

async function run(argv: string[], stdoutIsTTY: boolean) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), env: {}, cwd: '/', stdoutIsTTY };
  const code = await inspect(argv, io);
  return { code, out, err };
}

describe('inspect --json text', () => {
  for (const tty of [true, false]) {
    it(`equals JSON.stringify of the whole result (${tty ? 'terminal' : 'pipe'})`, async () => {
      const r = await run([...FILES, '--json'], tty);
      expect(r.code).toBe(0);
      const parsed = JSON.parse(r.out);
      expect(parsed.documents).toHaveLength(2);
      expect(r.out).toBe(JSON.stringify(parsed, null, tty ? 2 : undefined) + '\n');
    });

    it(`is a valid empty list when nothing opened (${tty ? 'terminal' : 'pipe'})`, async () => {
      const r = await run(['/nonexistent.cer', '--json'], tty);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toEqual({ documents: [] });
      expect(r.out).toBe(JSON.stringify({ documents: [] }, null, tty ? 2 : undefined) + '\n');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    });
  }
});
