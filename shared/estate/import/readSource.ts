// One source (a file or a paste) → records → snapshot parts, with what was understood of it,
// object by object, and notes for what was not. Pure: no I/O, no clock, never throws (a bad
// source becomes an error note).
import { DateBook } from './dates/dateBook.js';
import { looksLikeClixml, readClixml } from './clixml/readClixml.js';
import { readAuthConfig } from './records/authConfig.js';
import { classify, type RecordKind } from './records/classify.js';
import { chooseServer, short, type ReadContext, type ServerName } from './records/context.js';
import { readCsCertificate } from './records/csCertificate.js';
import { readExchangeCertificate } from './records/exchangeCertificate.js';
import { readExchangeServer } from './records/exchangeServer.js';
import { isOwaImOverride, readOwaImOverride, readOwaVirtualDirectory } from './records/owaIm.js';
import type { SnapshotBuilder } from './snapshotBuilder.js';
import { readCertutil } from './text/certutil.js';
import { sectionsOf } from './text/cleanPaste.js';
import { readCertificateTable } from './text/exchangeCertificateTable.js';
import { readColumnTable } from './text/columnTable.js';
import { readFormatList } from './text/formatList.js';
import { InputError } from '../../x509/inputError.js';
import { text, type ImportNote, type ImportOptions, type ImportSource, type PsRecord, type UnderstoodObject } from './types.js';
import { summarise, type Group, type Style } from './summaries.js';
import { piecesOf } from './text/pieces.js';

export type { Style } from './summaries.js';

/** The format id of what a group of records was: `exchange-certificate-table`, `certutil`, … */
export function formatId(kind: RecordKind, style: Style): string {
  return style === 'certutil' ? 'certutil' : `${kind}-${style}`;
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
      // Whatever the XML reader stumbles on is one sentence naming the file, never a stack.
      note('error', e instanceof InputError ? e.message : `${source.name} looks like an Export-Clixml file but could not be read; export it again.`, 'unreadable');
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
    note('warn', `${source.name}: ${g.masked} thumbprint${g.masked === 1 ? ' is' : 's are'} masked or cut short; ${g.masked === 1 ? 'that certificate is' : 'those certificates are'} kept without a thumbprint and never matched to anything.`);
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
