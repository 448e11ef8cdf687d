// Terminal spoofing (issue 18, item 6): a certificate name with CR, escape sequences, a C1 CSI
// and a right-to-left override reaches stdout escaped in every human-readable output, and JSON
// output stays JSON that parses to the exact name while holding none of those characters raw.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../../cli/commands/report.js';
import { displayText, jsonForTerminal } from '../../shared/encoding/displayText.js';
import { fakeIo } from '../commands/fakeIo.js';
import { requireBuiltCli, runCli } from '../support/cli.js';
import { makeWorkDir, removeWorkDir, selfSigned } from '../support/openssl.js';

// Renders, on a terminal, as a green "ok" over the start of the line, then reversed text.
const HOSTILE_CN = 'PASS\r\u001b[2K\u001b[32m all checks passed\u202eevil.com\u009b31m\u2066x';
/** Raw characters that must never reach a terminal from a certificate. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let dir: string;

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('cli-spoof');
  const c = selfSigned({ dir, subject: `/O=Contoso/CN=${HOSTILE_CN}`, san: ['DNS:ex1.contoso.com'], eku: ['serverAuth'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
  fs.copyFileSync(c.certPem, path.join(dir, 'hostile.cer'));
});
afterAll(() => removeWorkDir(dir));

describe('names from certificates on stdout', () => {
  it('inspect (text) escapes them', async () => {
    const r = await runCli(['inspect', 'hostile.cer'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stdout).toContain('PASS\\u{D}\\u{1B}[2K\\u{1B}[32m all checks passed\\u{202E}evil.com\\u{9B}31m\\u{2066}x');
  });

  it('check (text) escapes them, in the result line and in findings that quote the name', async () => {
    const r = await runCli(['check', 'hostile.cer', '--role', 'general', '--at', '2026-01-01'], { cwd: dir });
    expect(r.stdout).toContain('\\u{1B}[2K');
    expect(r.stdout).not.toMatch(RAW);
  });

  it('inspect --json and check --json stay JSON: the exact name parsed back, nothing raw in the text', async () => {
    const i = await runCli(['inspect', 'hostile.cer', '--json'], { cwd: dir });
    expect(i.stdout).not.toMatch(RAW);
    const doc = JSON.parse(i.stdout) as { documents: { certificates: { commonName: string }[] }[] };
    expect(doc.documents[0]!.certificates[0]!.commonName).toBe(HOSTILE_CN);
    const c = await runCli(['check', 'hostile.cer', '--role', 'general', '--json'], { cwd: dir });
    expect(c.stdout).not.toMatch(RAW);
    expect((JSON.parse(c.stdout) as { results: { subject: string }[] }).results[0]!.subject).toContain(HOSTILE_CN);
  });

  it('report to standard output: JSON nothing raw; Markdown escaped on a terminal', async () => {
    const json = fakeIo(dir);
    await report(['hostile.cer', '--format', 'json', '--out', '-'], json);
    expect(json.stdout).not.toMatch(RAW);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(HOSTILE_CN).slice(1, -1));
    const md = { ...fakeIo(dir), stdoutIsTTY: true };
    md.out = (t: string) => void (md.stdout += t);
    await report(['hostile.cer', '--format', 'md', '--out', '-'], md);
    // The Markdown renderer shows hidden characters as markers (escaped so none becomes a link).
    expect(md.stdout).toContain('\\[U+001B\\]');
    expect(md.stdout).toContain('\\[U+202E\\]');
    expect(md.stdout).not.toMatch(RAW);
  });
});

describe('displayText and jsonForTerminal', () => {
  it('escape C0 (but line breaks and tabs), DEL, C1 and bidi controls', () => {
    expect(displayText('a\u0000b\rc\u001b[0m\u007f\u0085\u009b\u061c\u200e\u200f\u2028\u2029\u202a\u202e\u2066\u2069\n\td')).toBe(
      'a\\u{0}b\\u{D}c\\u{1B}[0m\\u{7F}\\u{85}\\u{9B}\\u{61C}\\u{200E}\\u{200F}\\u{2028}\\u{2029}\\u{202A}\\u{202E}\\u{2066}\\u{2069}\n\td',
    );
    expect(displayText('ex1.contoso.com — Zürich, 東京')).toBe('ex1.contoso.com — Zürich, 東京');
  });
  it('JSON keeps its value and holds nothing raw', () => {
    const value = { name: HOSTILE_CN + '\u0000\u0085\u2028', n: 1, list: ['\u202e'] };
    const text = jsonForTerminal(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(RAW);
    expect(JSON.parse(text)).toEqual(value);
  });
});
