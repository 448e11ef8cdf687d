// One source (a file or a paste) → records → snapshot parts, with what was understood of it,
// object by object, and notes for what was not. Pure: no I/O, no clock, never throws (a bad
// source becomes an error note).
import { DateBook } from './dates/dateBook.js';
import { looksLikeClixml, readClixml } from './clixml/readClixml.js';
import { readAuthConfig } from './records/authConfig.js';
import { CMDLET, classify, type RecordKind } from './records/classify.js';
import { chooseServer, short, type ReadContext, type ServerName } from './records/context.js';
import { readCsCertificate } from './records/csCertificate.js';
import { readExchangeCertificate } from './records/exchangeCertificate.js';
import { readExchangeServer } from './records/exchangeServer.js';
import { isOwaImOverride, readOwaImOverride, readOwaVirtualDirectory } from './records/owaIm.js';
import type { SnapshotBuilder } from './snapshotBuilder.js';
import { looksLikeCertutil, readCertutil } from './text/certutil.js';
import { sectionsOf, type PasteLine } from './text/cleanPaste.js';
import { isCertificateTableHeader, readCertificateTable } from './text/exchangeCertificateTable.js';
import { isColumnTableHeader, readColumnTable } from './text/columnTable.js';
import { isKeyLine, readFormatList } from './text/formatList.js';
import { InputError } from '../../x509/inputError.js';
import { text, type ImportNote, type ImportOptions, type ImportSource, type PsRecord, type UnderstoodObject } from './types.js';

export type Style = 'list' | 'table' | 'clixml' | 'certutil';

/** The format id of what a group of records was: `exchange-certificate-table`, `certutil`, … */
export function formatId(kind: RecordKind, style: Style): string {
  return style === 'certutil' ? 'certutil' : `${kind}-${style}`;
}

interface Group {
  kind: RecordKind;
  style: Style;
  server: ServerName | null;
  count: number;
  servicesKnown: number;
  masked: number;
  truncated: number;
  withProvider: number;
  hasDates: boolean;
  details: string[];
}

export function readSource(source: ImportSource, options: ImportOptions, builder: SnapshotBuilder): { understood: UnderstoodObject[]; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const note = (level: ImportNote['level'], message: string, code?: ImportNote['code']) =>
    notes.push({ source: source.name, level, message, ...(code ? { code } : {}) });
  const book = new DateBook(source.name);
  const groups: Group[] = [];
  const unknown: PsRecord[] = [];
  const strayLines: number[] = []; // pairs: how many, first line
  const given: ServerName | null = options.server?.trim() ? { name: options.server.trim(), from: 'given' } : null;
  const group = (kind: RecordKind, style: Style, server: ServerName | null): Group => {
    const name = server?.name.toLowerCase() ?? '';
    let g = groups.find((x) => x.kind === kind && x.style === style && (x.server?.name.toLowerCase() ?? '') === name);
    if (!g) groups.push((g = { kind, style, server, count: 0, servicesKnown: 0, masked: 0, truncated: 0, withProvider: 0, hasDates: false, details: [] }));
    return g;
  };

  const take = (record: PsRecord, style: Style, ctx: ReadContext, cmdletHint: string | null) => {
    const kind = style === 'certutil' ? 'exchange-certificate' : classify(record, cmdletHint);
    switch (kind) {
      case 'exchange-certificate': {
        const r = readExchangeCertificate(record, ctx);
        r.certificate.server = r.server?.name ?? '';
        builder.addCertificate(r.certificate);
        const g = group(kind, style, r.server);
        g.count++;
        if (r.certificate.services !== null) g.servicesKnown++;
        if (r.masked) g.masked++;
        if (r.truncatedSubject) g.truncated++;
        if (r.certificate.keyProvider) g.withProvider++;
        if (text(record, 'NotAfter') || text(record, 'NotBefore')) g.hasDates = true;
        return;
      }
      case 'auth-config': {
        const config = readAuthConfig(record, ctx);
        builder.addAuthConfig(source.name, config);
        const g = group(kind, style, null);
        g.count++;
        g.details.push(`current ${short(config.currentCertificateThumbprint)}, next ${short(config.nextCertificateThumbprint)}, previous ${short(config.previousCertificateThumbprint)}`);
        if (text(record, 'NextCertificateEffectiveDate')) g.hasDates = true;
        return;
      }
      case 'setting-override': {
        const g = group(kind, style, null);
        g.count++;
        if (!isOwaImOverride(record)) return;
        for (const entry of readOwaImOverride(record)) {
          builder.addOwaIm(entry);
          g.details.push(`OWA IM (${entry.server ?? 'whole organisation'}): IM server ${entry.imServerName ?? 'not set'}, certificate ${entry.certificateThumbprint ? short(entry.certificateThumbprint.trim()) : 'not set'}`);
        }
        return;
      }
      case 'owa-virtual-directory': {
        const r = readOwaVirtualDirectory(record, ctx);
        const g = group(kind, style, r.server);
        g.count++;
        if (r.entry) {
          builder.addOwaIm(r.entry);
          g.details.push(`IM server ${r.entry.imServerName ?? 'not set'}, certificate ${r.entry.certificateThumbprint ? short(r.entry.certificateThumbprint.trim()) : 'not set'}`);
        } else g.details.push('no IM server or certificate set');
        return;
      }
      case 'exchange-server': {
        const server = readExchangeServer(record, ctx);
        if (!server) return;
        builder.addServer(server);
        const g = group(kind, style, null);
        g.count++;
        g.details.push(`${server.name} (${[server.version ?? 'version unknown', ...(server.roles ?? [])].join(', ')})`);
        return;
      }
      case 'cs-certificate': {
        const computer = chooseServer(null, ctx);
        const r = readCsCertificate(record, ctx, computer?.name ?? '');
        builder.addSkypeCertificate(r.certificate);
        const g = group(kind, style, computer);
        g.count++;
        if (r.masked) g.masked++;
        g.details.push(r.certificate.use);
        if (text(record, 'NotAfter') || text(record, 'EffectiveDate')) g.hasDates = true;
        return;
      }
      case 'hybrid-configuration': {
        const name = text(record, 'TlsCertificateName');
        if (name) builder.setHybridTlsCertificateName(name);
        const g = group(kind, style, null);
        g.count++;
        g.details.push(`TlsCertificateName ${name || 'not set'}`);
        return;
      }
      default:
        unknown.push(record);
    }
  };

  const baseCtx: ReadContext = { source: source.name, book, note, fallbackServer: given, promptServer: null };
  if (source.text.trim() === '') {
    note('error', `${source.name} is empty: paste or choose the output of a command such as Get-ExchangeCertificate | Format-List.`, 'not-server-output');
    return { understood: [], notes };
  }
  if (looksLikeClixml(source.text)) {
    try {
      for (const record of readClixml(source.text, source.name)) take(record, 'clixml', baseCtx, null);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      note('error', e.message, 'unreadable');
      return { understood: [], notes };
    }
  } else {
    for (const section of sectionsOf(source.text)) {
      const prompt = section.prompt;
      const ctx: ReadContext = { ...baseCtx, promptServer: prompt?.server ? { name: prompt.server, from: 'prompt line' } : null };
      for (const piece of piecesOf(section.lines, prompt?.cmdlet ?? null)) {
        if (piece.style === 'certutil') {
          for (const record of readCertutil(piece.lines)) take(record, 'certutil', ctx, prompt?.cmdlet ?? null);
        } else if (piece.style === 'columns') {
          for (const record of readColumnTable(piece.lines).records) take(record, 'table', ctx, prompt?.cmdlet ?? null);
        } else if (piece.style === 'table') {
          const table = readCertificateTable(piece.lines);
          const g = group('exchange-certificate', 'table', chooseServer(null, ctx));
          if (!table.withServices) g.details.push('no Services column');
          for (const u of table.unread) note('warn', `${source.name} line ${u.line}: a table row was not read: ${u.why}.`);
          for (const record of table.records) take(record, 'table', ctx, 'Get-ExchangeCertificate');
          if (table.records.length === 0) {
            note(
              'warn',
              `${source.name}: Get-ExchangeCertificate printed its header but no certificates. An expired or missing Auth certificate can stop it from listing anything; check the Auth certificate (Get-AuthConfig).`,
            );
          }
        } else {
          const { records, stray } = readFormatList(piece.lines);
          for (const record of records) take(record, 'list', ctx, prompt?.cmdlet ?? null);
          if (stray.length) strayLines.push(stray.length, stray[0]!.line);
        }
      }
    }
  }

  if (strayLines.length && groups.length) {
    const count = strayLines.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
    note('info', `${source.name}: ${count} line${count === 1 ? '' : 's'} (first at line ${strayLines[1]}) hold no property and were skipped.`);
  }
  const dates = book.resolve(options);
  notes.push(...dates.notes);
  if (unknown.length) {
    const first = unknown[0]!;
    const names = [...first.fields.values()].slice(0, 4).map((f) => f.name).join(', ');
    note('warn', `${source.name}: ${unknown.length} object${unknown.length === 1 ? ' was' : 's were'} not recognised (${first.line ? `line ${first.line}, ` : ''}properties ${names}).`);
  }
  const understood = groups.map((g) => ({ source: source.name, format: formatId(g.kind, g.style), summary: summarise(g, dates.summary) }));
  for (const g of groups.filter((x) => x.masked > 0)) {
    note('warn', `${source.name}: ${g.masked} thumbprint${g.masked === 1 ? ' is' : 's are'} masked; ${g.masked === 1 ? 'that certificate is' : 'those certificates are'} kept without a thumbprint and never matched to anything.`);
  }
  if (groups.some((g) => g.kind === 'exchange-certificate' && g.style === 'clixml' && g.count > 0)) {
    note('info', `${source.name}: Export-Clixml keeps an Exchange certificate's Services only inside a binary blob, so the services these certificates are bound to are unknown (not guessed).`);
  }
  if (groups.some((x) => (x.kind === 'exchange-certificate' || x.kind === 'cs-certificate') && x.count > 0 && !x.server)) {
    note('warn', `${source.name}: the output does not say which server its certificates are on; name the server so they can be compared with the other servers.`, 'server-unknown');
  }
  if (groups.length === 0 && !notes.some((n) => n.level === 'error')) {
    const head = source.text.slice(0, 4096);
    if (/^\uFEFF?\s*\{[\s\S]*"certbench-snapshot"/.test(head)) {
      note('error', `${source.name} is a CertBench snapshot already, not server output: open it as a snapshot.`, 'not-server-output');
    } else if (/-----BEGIN (?:CERTIFICATE|PKCS7|NEW CERTIFICATE REQUEST)/.test(head)) {
      note('error', `${source.name} is a certificate file, not server output: open it as a certificate (it supplies the DER for the same thumbprint).`, 'not-server-output');
    } else note(
      'error',
      `${source.name} is not output CertBench can read: paste Get-ExchangeCertificate (table or | Format-List), Get-AuthConfig, Get-SettingOverride, Get-OwaVirtualDirectory, Get-ExchangeServer, Get-CsCertificate, certutil -store my, or an Export-Clixml file of these.`,
      'not-server-output',
    );
  }
  return { understood, notes };
}

/** Cut a section into a table, certutil blocks and Format-List runs. */
type PieceStyle = Exclude<Style, 'clixml'> | 'columns';

function piecesOf(lines: PasteLine[], cmdlet: string | null): { style: PieceStyle; lines: PasteLine[] }[] {
  if (/^certutil$/i.test(cmdlet ?? '') || looksLikeCertutil(lines.map((l) => l.text).join('\n'))) return [{ style: 'certutil', lines }];
  const pieces: { style: PieceStyle; lines: PasteLine[] }[] = [];
  let run: PasteLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isCertificateTableHeader(lines[i]!.text) && isColumnTableHeader(lines, i)) {
      if (run.length) pieces.push({ style: 'list', lines: run });
      run = [];
      const { used } = readColumnTable(lines.slice(i));
      pieces.push({ style: 'columns', lines: lines.slice(i, i + used) });
      i += used - 1;
      continue;
    }
    if (!isCertificateTableHeader(lines[i]!.text)) {
      run.push(lines[i]!);
      continue;
    }
    if (run.length) pieces.push({ style: 'list', lines: run });
    run = [];
    let j = i + 1;
    let rows = 0;
    for (; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (t === '') {
        if (rows > 0) break;
        continue;
      }
      if (isKeyLine(t) || isCertificateTableHeader(t)) break;
      if (!/^[\s-]+$/.test(t)) rows++;
    }
    pieces.push({ style: 'table', lines: lines.slice(i, j) });
    i = j - 1;
  }
  if (run.length) pieces.push({ style: 'list', lines: run });
  return pieces;
}

function summarise(g: Group, dateSummary: string | null): string {
  const cmdlet = g.style === 'certutil' ? 'certutil' : CMDLET[g.kind];
  const origin = { given: 'as given', 'prompt line': 'from the prompt line', Identity: 'from Identity', PSComputerName: 'from PSComputerName', 'Server property': 'from the Server property' }[g.server?.from ?? 'given'];
  const where = g.server ? ` on ${g.server.name} (server ${origin})` : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  switch (g.kind) {
    case 'exchange-certificate': {
      if (g.count === 0) return `${cmdlet}${where}: no certificates (the table has a header and no rows)`;
      parts.push(plural(g.count, 'certificate'));
      if (g.style === 'certutil') parts.push(`key provider for ${g.withProvider}`);
      else if (g.servicesKnown === g.count) parts.push('services known');
      else if (g.style === 'clixml') parts.push('services unknown (Export-Clixml keeps them only in a binary blob)');
      else if (g.style === 'table' && g.details.includes('no Services column')) parts.push('services unknown (no Services column, as remote PowerShell prints it)');
      else if (g.servicesKnown === 0) parts.push('services not shown');
      else parts.push(`services known for ${g.servicesKnown}`);
      if (g.masked) parts.push(`${g.masked} masked`);
      if (g.truncated) parts.push(`${plural(g.truncated, 'subject')} cut short`);
      break;
    }
    case 'setting-override':
      parts.push(plural(g.count, 'override'));
      parts.push(g.details.length ? g.details.join('; ') : 'none for OWA IM');
      break;
    case 'cs-certificate':
      parts.push(`${plural(g.count, 'certificate')} (${[...new Set(g.details)].join(', ')})`);
      if (g.masked) parts.push(`${g.masked} masked`);
      break;
    case 'exchange-server':
      parts.push(`${plural(g.count, 'server')}: ${g.details.join(', ')}`);
      break;
    default:
      parts.push(g.details.join('; '));
  }
  const dates = g.hasDates && dateSummary ? `; ${dateSummary}` : '';
  return `${cmdlet}${where}: ${parts.filter(Boolean).join(', ')}${dates}`;
}
