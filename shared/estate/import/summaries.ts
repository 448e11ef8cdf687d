// What was understood of one group of objects (one cmdlet, one style, one server), in one
// sentence: "Get-ExchangeCertificate on EX1 (server from the prompt line): 4 certificates,
// services known; dates read as day/month (en-GB)".
import { CMDLET, type RecordKind } from './records/classify.js';
import type { ServerName } from './records/context.js';

export type Style = 'list' | 'table' | 'clixml' | 'certutil';

export interface Group {
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

export function summarise(g: Group, dateSummary: string | null): string {
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
