// What several estate rules ask of the snapshot: which hosts are Exchange 2013+ Mailbox/CAS
// servers, what a certificate's dates are (from the DER, else the text), what is bound where.
import { exchangeVersionOf } from '../../estate/environment.js';
import type { EstateHost } from '../../estate/bindings.js';
import { sameServer } from '../../estate/environment.js';
import type { EstateEntry, EstateRuleContext } from './types.js';

const DAY_MS = 86_400_000;

/** The server's short name for a title: `EX2`, `fe2`. */
export function label(host: EstateHost): string {
  return host.name || host.fqdn;
}

export function labels(hosts: readonly EstateHost[]): string {
  const names = hosts.map(label);
  if (names.length <= 1) return names.join('');
  if (names.length > 6) return `${names.slice(0, 5).join(', ')} and ${names.length - 5} more servers`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function exchangeHosts(ctx: EstateRuleContext): EstateHost[] {
  return ctx.hosts.filter((h) => h.product === 'exchange');
}

/** Exchange 2013 or later with the Mailbox or Client Access role (CSS-Exchange's filter); unknown version or roles count when the other says so. */
export function isAuthServer(host: EstateHost): boolean {
  if (host.product !== 'exchange') return false;
  const version = host.exchange ? exchangeVersionOf(host.exchange) : undefined;
  if (version === '2010' || version === '2010SP1') return false;
  const roles = host.roles.map((r) => r.replace(/\s/g, '').toLowerCase());
  if (roles.includes('edge') || roles.includes('edgetransport')) return false;
  return roles.length === 0 || roles.some((r) => r === 'mailbox' || r === 'clientaccess' || r === 'cas');
}

/** The rows this host's certificates came from (empty when the snapshot has none for it). */
export function entriesOf(ctx: EstateRuleContext, host: EstateHost): EstateEntry[] {
  return ctx.entries.filter((e) => e.host === host);
}

/** The collector could not read this host's certificates (an `errors` entry names it). */
export function unreadable(ctx: EstateRuleContext, host: EstateHost): string | null {
  const e = (ctx.snapshot.errors ?? []).find((x) => x.server && sameServer(x.server, host.fqdn));
  return e ? `${e.step}: ${e.message}` : null;
}

export interface Dates {
  notBefore: number | null;
  notAfter: number | null;
}

export function datesOf(entry: EstateEntry): Dates {
  const c = entry.certificate;
  const nb = c?.notBefore ?? entry.result.notBefore ?? null;
  const na = c?.notAfter ?? entry.result.notAfter ?? null;
  const p = (s: string | null) => (s && !Number.isNaN(Date.parse(s)) ? Date.parse(s) : null);
  return { notBefore: p(nb), notAfter: p(na) };
}

/** Whole days from `at` to notAfter (negative once expired), or null when unknown. */
export function daysLeft(entry: EstateEntry, at: Date): number | null {
  const { notAfter } = datesOf(entry);
  return notAfter === null ? null : Math.floor((notAfter - at.getTime()) / DAY_MS);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Bound for real: a service (Get-ExchangeCertificate) or a use (Get-CsCertificate). */
export function serviceBindings(entry: EstateEntry): string[] {
  return entry.binding.bindings.filter((b) => b.kind === 'service' || b.kind === 'use').map((b) => b.name);
}

export function shortSubject(entry: EstateEntry): string {
  const s = entry.result.subject ?? '';
  const cn = /CN=([^,]+)/i.exec(s);
  return cn ? cn[1]!.trim() : s || entry.result.thumbprint || 'a certificate';
}

export function thumb(entry: EstateEntry): string[] {
  return entry.result.thumbprint ? [entry.result.thumbprint] : [];
}

/** A list for a sentence, cut after `max` items ("…, and 38 more"): 50 servers must not make a page of text. */
export function listed(items: readonly string[], separator = '; ', max = 12): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`;
}
