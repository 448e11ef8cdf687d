// Every format of `certbench report` carries every certificate and request, and its verdicts
// are exactly those of `certbench check --json` on the same inputs (the mixed Contoso set).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../cli/commands/check.js';
import { report } from '../../cli/commands/report.js';
import { ROLE_TITLES } from '../../shared/rules/engine/roles.js';
import { removeWorkDir } from '../support/openssl.js';
import { captureIo, csvRecords, makeMixedSet, markdownCells, PASSWORD, type MixedSet } from './fixtures.js';

interface CheckJson {
  results: { file: string; kind: string; thumbprint?: string; subject: string; role: string; roles: string[]; verdict: string; findings: { ruleId: string; status: string }[] }[];
}

let set: MixedSet;
let checked: CheckJson;
let checkCode: number;
const outputs: Record<string, string> = {};
const codes: Record<string, number> = {};
const stderrs: Record<string, string> = {};

beforeAll(async () => {
  set = makeMixedSet();
  const io = captureIo(set.dir);
  checkCode = await check([...set.files, '--role', 'auto', ...set.common, '--json'], io);
  checked = JSON.parse(io.stdout) as CheckJson;
  for (const format of ['html', 'csv', 'json', 'md']) {
    const out = `report.${format}`;
    const rio = captureIo(set.dir);
    codes[format] = await report(
      [...set.files, '--role', 'auto', ...set.common, '--format', format, '--out', out, '--title', 'Certificate review', '--customer', 'Contoso Ltd', '--author', 'A. Consultant', '--commands'],
      rio,
    );
    stderrs[format] = rio.stderr;
    outputs[format] = fs.readFileSync(path.join(set.dir, out), 'utf8');
  }
});
afterAll(() => removeWorkDir(set.dir));

describe('certbench report: the mixed set', () => {
  it('check sees the set as the report should: five subjects, one unusable file, exit 2', () => {
    expect(checkCode).toBe(2);
    expect(checked.results).toHaveLength(5);
    expect(checked.results.filter((r) => r.kind === 'request')).toHaveLength(1);
    expect(new Set(checked.results.map((r) => r.verdict))).toEqual(new Set(['fail', 'pass', 'warn'].filter((v) => checked.results.some((r) => r.verdict === v))));
    // The wildcard UM certificate fails, as the rules say it must.
    const um = checked.results.find((r) => r.file === 'certs/ex1-um-wildcard.pfx')!;
    expect(um.verdict).toBe('fail');
    expect(um.roles).toContain('exchange-um');
  });

  it('every format is written, exit code 2 like check (an unusable file), one stderr line naming it', () => {
    for (const format of ['html', 'csv', 'json', 'md']) {
      expect(codes[format], format).toBe(checkCode);
      const lines = stderrs[format]!.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('certs/notes.cer');
      expect(outputs[format]!.length).toBeGreaterThan(500);
    }
  });

  it('JSON: results equal check --json exactly, plus a summary that adds up', () => {
    const doc = JSON.parse(outputs.json!) as {
      results: unknown[];
      summary: { items: number; verdicts: Record<string, number>; unusable: number; expiry: { expired: number; within30: number; within60: number; within120: number } };
      unusable: { file: string; message: string }[];
      report: { title: string; customer: string; author: string; at: string };
      identities: { thumbprint?: string; pfx?: { profile: string } }[];
      fixCommands: { role: string; script?: string }[];
    };
    expect(doc.results).toEqual(checked.results);
    expect(doc.summary.items).toBe(checked.results.length);
    for (const v of ['pass', 'warn', 'fail']) expect(doc.summary.verdicts[v]).toBe(checked.results.filter((r) => r.verdict === v).length);
    expect(doc.summary.unusable).toBe(1);
    expect(doc.unusable.map((u) => u.file)).toEqual(['certs/notes.cer']);
    expect(doc.report).toMatchObject({ title: 'Certificate review', customer: 'Contoso Ltd', author: 'A. Consultant', at: '2026-03-01T09:00:00.000Z' });
    // UM expires 2026-03-20 (18 days after AT), Edge 2026-05-15 (74 days), the old UM expired 2026-01-15.
    expect(doc.summary.expiry).toMatchObject({ expired: 1, within30: 1, within60: 1, within120: 2 });
    expect(doc.identities.map((i) => i.pfx?.profile ?? null)).toEqual(['aes', 'rc2-3des', '3des', null, null]);
    expect(doc.fixCommands.map((f) => f.role)).toContain('exchange-um');
    expect(doc.fixCommands.find((f) => f.role === 'exchange-um')!.script).toMatch(/Enable-ExchangeCertificate/);
  });

  it('HTML: one section per result with the same verdict, every thumbprint, the unusable file listed', () => {
    const html = outputs.html!;
    const sections = [...html.matchAll(/<section class="item (\w+)" id="(item-\d+)" data-kind="(\w+)" data-verdict="(\w+)"(?: data-thumbprint="([0-9A-F]{40})")?>/g)];
    expect(sections).toHaveLength(checked.results.length);
    sections.forEach((m, i) => {
      const r = checked.results[i]!;
      expect(m[4]).toBe(r.verdict);
      expect(m[3]).toBe(r.kind);
      expect(m[5]).toBe(r.thumbprint);
    });
    for (const r of checked.results) {
      if (r.thumbprint) expect(html).toContain(r.thumbprint);
      // Every finding of every result appears with its status.
      for (const f of r.findings) expect(html).toContain(`data-rule="${f.ruleId}" data-status="${f.status}"`);
    }
    expect(html).toContain('certs/notes.cer');
    expect(html).toContain('Contoso Ltd');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i); // self-contained: nothing fetched
  });

  it('CSV: one row per certificate × role; certificateVerdict equals check, the worst role verdict too', () => {
    const rows = csvRecords(outputs.csv!);
    for (const col of ['thumbprint', 'subject', 'role', 'verdict', 'notAfter', 'errors', 'warnings']) expect(Object.keys(rows[0]!)).toContain(col);
    const checkedRows = rows.filter((r) => r.kind !== 'unusable');
    const rank: Record<string, number> = { pass: 0, warn: 1, fail: 2 };
    let expectedRows = 0;
    for (const r of checked.results) {
      const mine = checkedRows.filter((row) => row.file === r.file && row.thumbprint === (r.thumbprint ?? ''));
      const specific = r.roles.filter((x) => x !== 'general');
      expect(mine.map((row) => row.role)).toEqual(specific.length ? specific : ['general']);
      expectedRows += mine.length;
      for (const row of mine) {
        expect(row.certificateVerdict).toBe(r.verdict);
        expect(row.subject).toBe(r.subject);
      }
      const worst = mine.map((row) => row.verdict).sort((a, b) => rank[b]! - rank[a]!)[0];
      expect(worst).toBe(r.verdict);
    }
    expect(checkedRows).toHaveLength(expectedRows);
    expect(rows.filter((r) => r.kind === 'unusable').map((r) => r.file)).toEqual(['certs/notes.cer']);
    expect(outputs.csv!).toMatch(/\r\n$/);
  });

  it('Markdown: the overview table has one row per result with its thumbprint and verdict', () => {
    const md = outputs.md!;
    const lines = md.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| # | Certificate | Thumbprint |'));
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 2, header + 2 + checked.results.length).map(markdownCells);
    rows.forEach((cells, i) => {
      const r = checked.results[i]!;
      expect(cells).toHaveLength(7);
      expect(cells[2]).toBe(r.thumbprint ?? '(request)');
      expect(cells[5]).toContain(r.verdict.toUpperCase());
      const roles = r.roles.filter((x) => x !== 'general');
      for (const role of roles) expect(cells[4]).toContain(ROLE_TITLES[role as keyof typeof ROLE_TITLES].replace(/[|<>*_[\]\\`~&!]/g, (c) => `\\${c}`));
    });
    expect(lines[header + 2 + checked.results.length]).toBe('');
    expect(md).toContain('certs/notes.cer');
    expect(md).toMatch(/```powershell\n/);
  });

  it('no format carries a password, a private key or container bytes', () => {
    const pfxBase64 = fs.readFileSync(path.join(set.dir, 'certs/ex1-um-wildcard.pfx')).toString('base64').slice(0, 60);
    const keyPem = fs.readdirSync(set.dir).find((f) => f.endsWith('.key.pem'))!;
    const keyBody = fs.readFileSync(path.join(set.dir, keyPem), 'utf8').split('\n')[1]!;
    for (const [format, text] of Object.entries(outputs)) {
      expect(text, format).not.toContain(PASSWORD);
      expect(text, format).not.toMatch(/PRIVATE KEY/);
      expect(text, format).not.toContain(pfxBase64);
      expect(text, format).not.toContain(keyBody);
      expect(text, format).not.toMatch(/"der":/);
    }
  });

  it('a folder: the same certificates and verdicts as check on that folder', async () => {
    const cio = captureIo(set.dir);
    const cc = await check(['certs', '--role', 'auto', ...set.common, '--json'], cio);
    const rio = captureIo(set.dir);
    expect(await report(['certs', '--role', 'auto', ...set.common, '--out', 'folder.json'], rio)).toBe(cc);
    const doc = JSON.parse(fs.readFileSync(path.join(set.dir, 'folder.json'), 'utf8')) as { results: unknown[] };
    expect(doc.results).toEqual((JSON.parse(cio.stdout) as CheckJson).results);
    expect(doc.results).toHaveLength(5);
  });

  it('the same inputs give byte-identical reports (deterministic order and text)', async () => {
    const rio = captureIo(set.dir);
    await report([...set.files, '--role', 'auto', ...set.common, '--format', 'html', '--out', 'again.html', '--title', 'Certificate review', '--customer', 'Contoso Ltd', '--author', 'A. Consultant', '--commands'], rio);
    expect(fs.readFileSync(path.join(set.dir, 'again.html'), 'utf8')).toBe(outputs.html);
  });
});

describe('certbench report: exit codes and arguments', () => {
  it('an explicit role: verdicts and exit code equal check with that role', async () => {
    const args = ['certs/ex1-um-wildcard.pfx', 'certs/ex1-um-2024.cer', '--role', 'exchange-um', '--server', 'ex1.contoso.com', ...set.common];
    const cio = captureIo(set.dir);
    const cc = await check([...args, '--json'], cio);
    const rio = captureIo(set.dir);
    const rc = await report([...args, '--out', 'um.json'], rio);
    expect(rc).toBe(cc);
    expect(rc).toBe(1);
    const doc = JSON.parse(fs.readFileSync(path.join(set.dir, 'um.json'), 'utf8')) as { results: unknown[] };
    expect(doc.results).toEqual((JSON.parse(cio.stdout) as CheckJson).results);
    expect(rio.stdout).toMatch(/^Wrote um\.json \(JSON\): 2 checked — /);
  });

  it('nothing fails: exit 0, and the report is written', async () => {
    const rio = captureIo(set.dir);
    expect(await report(['certs/exchange-auth.pfx', '--role', 'exchange-auth', ...set.common, '--format', 'md', '--out', 'auth.md'], rio)).toBe(0);
    expect(fs.readFileSync(path.join(set.dir, 'auth.md'), 'utf8')).toContain('Microsoft Exchange Server Auth Certificate');
  });

  it('only unusable files: exit 2, the report still lists them', async () => {
    const rio = captureIo(set.dir);
    expect(await report(['certs/notes.cer', 'missing.pfx', ...set.common, '--out', 'none.html'], rio)).toBe(2);
    const html = fs.readFileSync(path.join(set.dir, 'none.html'), 'utf8');
    expect(html).toContain('missing.pfx');
    expect(html).toContain('certs/notes.cer');
    expect(rio.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('--out - writes the text formats to standard output', async () => {
    const rio = captureIo(set.dir);
    expect(await report(['certs/exchange-auth.pfx', '--role', 'exchange-auth', ...set.common, '--format', 'csv', '--out', '-'], rio)).toBe(0);
    expect(csvRecords(rio.stdout)).toHaveLength(1);
  });

  it('bad arguments are one-line ArgErrors (exit 2 through the dispatcher)', async () => {
    const rio = captureIo(set.dir);
    await expect(report(['certs/exchange-auth.pfx', ...set.common], rio)).rejects.toThrow(/--out FILE is required/);
    await expect(report(['certs/exchange-auth.pfx', '--out', 'r.txt'], rio)).rejects.toThrow(/say which format with --format/);
    await expect(report(['certs/exchange-auth.pfx', '--out', 'r.html', '--format', 'docx'], rio)).rejects.toThrow(/--format must be one of html, csv, json, md, pdf/);
    await expect(report(['certs/exchange-auth.pfx', '--out', 'r.html', '--role', 'exchange'], rio)).rejects.toThrow(/unknown role "exchange"/);
    await expect(report(['certs/exchange-auth.pfx', '--out', 'r.html', '--at', 'yesterday'], rio)).rejects.toThrow(/--at must be an ISO-8601/);
    await expect(report(['--out', 'r.html'], rio)).rejects.toThrow(/name at least one file or folder/);
  });

  it('a folder that cannot be written to: one line, exit 2', async () => {
    const rio = captureIo(set.dir);
    expect(await report(['certs/exchange-auth.pfx', ...set.common, '--out', 'no/such/folder/r.html'], rio)).toBe(2);
    expect(rio.stderr).toMatch(/^certbench report: cannot write no\/such\/folder\/r\.html: /);
    expect(rio.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--format pdf without Chromium: one line saying so, exit 2, nothing written', async () => {
    const rio = captureIo(set.dir, { PFX_PW: 'x', CERTBENCH_CHROMIUM: path.join(set.dir, 'no-chromium-here') });
    expect(await report(['certs/exchange-auth.pfx', ...set.common, '--format', 'pdf', '--out', 'nochrome.pdf'], rio)).toBe(2);
    expect(rio.stderr).toMatch(/^certbench report: --format pdf needs Chromium, which is not installed here .*\n$/);
    expect(rio.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(set.dir, 'nochrome.pdf'))).toBe(false);
  });
});
