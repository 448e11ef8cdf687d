// A reader that stops early (`certbench inspect FOLDER --json | head -1`) closes stdout: the CLI stops quietly, with
// no "unexpected failure (write EPIPE)" on stderr.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/certbench.js', import.meta.url));
const DATA = fileURLToPath(new URL('../data/zlint', import.meta.url));

describe('certbench with its reader gone', () => {
  it('stops quietly when stdout is closed after the first bytes', async () => {
    const child = spawn(process.execPath, [BIN, 'inspect', DATA, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let firstBytes = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      firstBytes = d.length;
      child.stdout.destroy();
    });
    await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(firstBytes).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/unexpected failure|EPIPE/);
  }, 60_000);
});
