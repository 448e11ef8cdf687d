// Off a terminal, inspect writes its text in batches (one write per document cost a system call
// and a Buffer each), yet every stderr line still follows the documents before it, and the
// text is the same as written one document at a time.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspect } from '../../cli/commands/inspect.js';
import type { CliIo } from '../../cli/io.js';
import '../../cli/nodeDigest.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

const DOTNET = corpusDir('dotnet');
const CERTIFICATES = corpusFiles('dotnet')
  .filter((f) => f.endsWith('.cer'))
  .map((f) => join(DOTNET, f));

/** inspect with stdout and stderr as one log, in the order they were written (as 2>&1 gives). */
async function run(argv: string[], stdoutIsTTY: boolean) {
  const log: { to: 'out' | 'err'; text: string }[] = [];
  const io: CliIo = { out: (text) => void log.push({ to: 'out', text }), err: (text) => void log.push({ to: 'err', text }), env: {}, cwd: '/', stdoutIsTTY };
  const code = await inspect(argv, io);
  return { code, log, out: log.filter((l) => l.to === 'out').map((l) => l.text).join('') };
}

describe('inspect output off a terminal', () => {
  it('leaves in fewer writes than documents, with the same text as on a terminal writes one by one', async () => {
    expect(CERTIFICATES.length).toBeGreaterThan(5);
    for (const json of [true, false]) {
      const flags = json ? ['--json'] : [];
      const piped = await run([...CERTIFICATES, ...flags], false);
      const terminal = await run([...CERTIFICATES, ...flags], true);
      expect(piped.code).toBe(0);
      expect(terminal.log.length).toBeGreaterThanOrEqual(CERTIFICATES.length);
      expect(piped.log.length).toBeLessThan(CERTIFICATES.length);
      if (json) expect(JSON.parse(piped.out)).toEqual(JSON.parse(terminal.out));
      else expect(piped.out).toBe(terminal.out);
    }
  });

  it('names an unusable file on stderr after the documents read before it', async () => {
    const [first, second] = CERTIFICATES;
    const r = await run([first!, '/nonexistent.cer', second!], false);
    expect(r.code).toBe(2);
    const errAt = r.log.findIndex((l) => l.to === 'err');
    const before = r.log.slice(0, errAt).map((l) => l.text).join('');
    const after = r.log.slice(errAt + 1).map((l) => l.text).join('');
    expect(r.log[errAt]!.text).toMatch(/nonexistent\.cer/);
    expect(before).toContain(first!);
    expect(before).not.toContain(second!);
    expect(after).toContain(second!);
  });
});
