// What a record reader needs besides the record: the source's name (for notes), its date book,
// and where the server name comes from when the object does not carry one.
import type { DateBook } from '../dates/dateBook.js';
import type { ImportNote } from '../types.js';

/** Where a server name came from — said in the summary, so a wrong one can be spotted. */
export type ServerOrigin = 'given' | 'prompt line' | 'Identity' | 'PSComputerName' | 'Server property';

export interface ServerName {
  name: string;
  from: ServerOrigin;
}

export interface ReadContext {
  source: string;
  book: DateBook;
  note(level: ImportNote['level'], message: string): void;
  /** The server the user named, for objects that do not name their own. */
  fallbackServer: ServerName | null;
  /** The -Server on the pasted prompt line of this section, if any. */
  promptServer: ServerName | null;
}

/**
 * The server for an object that names its own (Identity, PSComputerName): the user's name wins
 * when it is the same machine written longer (EX1 → ex1.contoso.com); a different machine is
 * kept as the text says, with a warning.
 */
export function chooseServer(ownServer: ServerName | null, ctx: ReadContext): ServerName | null {
  const own = ownServer ?? ctx.promptServer;
  const given = ctx.fallbackServer;
  if (!own) return given;
  if (!given) return own;
  const shortOwn = own.name.split('.')[0]!.toLowerCase();
  const shortGiven = given.name.split('.')[0]!.toLowerCase();
  if (shortOwn === shortGiven) return given.name.length >= own.name.length ? given : own;
  ctx.note('warn', `${ctx.source}: the output names server ${own.name} (${own.from}) but ${given.name} was ${given.from === 'given' ? 'given' : 'on the prompt line'}; ${own.name} is used.`);
  return own;
}

export function bool(value: string): boolean | undefined {
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  return undefined;
}

/** Shorten a thumbprint for summaries: `1A2B3C4D…`. */
export function short(thumbprint: string | null | undefined): string {
  return thumbprint ? thumbprint.slice(0, 8) + '…' : 'none';
}
