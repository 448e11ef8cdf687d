// Is a name one a public CA may not issue for? A DNS name qualifies only under a suffix of the
// Public Suffix List (psl — the maintained package, 44 KB gzip in the browser bundle; tldts
// measured 118 KB and tldts-icann cannot tell an unlisted TLD) and outside the IANA
// special-use domain names; an IP address only outside the IANA special-purpose address
// registries (ipaddr.js classifies the ranges). Each answer says why, in the admin's words.
import ipaddr from 'ipaddr.js';
import psl from 'psl';

/**
 * IANA "Special-Use Domain Names" registry (RFC 6761 and later): never publicly registrable,
 * even where the PSL lists them (home.arpa, onion).
 */
const SPECIAL_USE_DOMAINS: Record<string, string> = {
  local: 'the multicast DNS domain (RFC 6762)',
  localhost: 'the loopback name (RFC 6761)',
  test: 'reserved for testing (RFC 6761)',
  example: 'reserved for documentation (RFC 6761)',
  invalid: 'reserved as never valid (RFC 6761)',
  onion: 'the Tor onion domain (RFC 7686)',
  'home.arpa': 'the residential home network domain (RFC 8375)',
  alt: 'reserved for non-DNS name systems (RFC 9476)',
  'resolver.arpa': 'reserved for resolver discovery (RFC 9462)',
  'service.arpa': 'reserved for local service registration (RFC 9665)',
  'ipv4only.arpa': 'reserved for NAT64 discovery (RFC 8880)',
};

/** Why each special-purpose range is not public (IANA IPv4/IPv6 special-purpose registries). */
const RANGE_REASONS: Record<string, string> = {
  private: 'a private address (RFC 1918: 10/8, 172.16/12, 192.168/16)',
  carrierGradeNat: 'in the shared address space 100.64.0.0/10 (RFC 6598, carrier-grade NAT)',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address (169.254/16 for IPv4, fe80::/10 for IPv6)',
  uniqueLocal: 'an IPv6 unique local address (fc00::/7, RFC 4193)',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  reserved: 'in a range the IANA special-purpose registry reserves (documentation, benchmarking, future use…)',
  ipv4Mapped: 'an IPv4-mapped IPv6 address',
  rfc6145: 'an IPv4-translated IPv6 address (RFC 6145)',
  rfc6052: 'an IPv4/IPv6 translation address (RFC 6052, 64:ff9b::/96)',
  '6to4': 'a 6to4 relay address (2002::/16)',
  teredo: 'a Teredo tunnelling address (2001::/32)',
  as112v6: 'an AS112 anycast address',
  orchid2: 'an ORCHIDv2 identifier (2001:20::/28)',
  droneRemoteIdProtocolEntityTags: 'a DRIP entity tag (2001:30::/28)',
};

/** Why a name cannot be in a publicly trusted certificate (one phrase), or null when it can. */
export function internalNameReason(raw: string): string | null {
  const name = raw.trim().replace(/\.$/, '').toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(name)) return ipReason(name);
  const host = name.replace(/^\*\./, '');
  if (!host.includes('.')) return 'a single-label name (no domain)';
  for (const [suffix, why] of Object.entries(SPECIAL_USE_DOMAINS)) {
    if (host === suffix || host.endsWith('.' + suffix)) return `under .${suffix}, ${why}`;
  }
  // psl refuses labels with underscores and the like; only the suffix matters here.
  const labels = host.split('.').map((l) => l.replace(/[^a-z0-9-]/g, 'x').replace(/^-+|-+$/g, '') || 'x');
  const parsed = psl.parse(labels.join('.'));
  if ('error' in parsed) return null;
  if (!parsed.listed) return `under .${labels[labels.length - 1]}, which is not a public top-level domain (not in the Public Suffix List)`;
  if (!parsed.domain) return `${host} is itself a public suffix, not a registrable domain`;
  return null;
}

function ipReason(text: string): string | null {
  let address = ipaddr.parse(text);
  let range = address.range();
  if (address.kind() === 'ipv6' && range === 'ipv4Mapped') {
    address = (address as ipaddr.IPv6).toIPv4Address();
    range = address.range();
  }
  if (range === 'unicast') return null;
  const kind = address.kind() === 'ipv6' ? 'IPv6' : 'IPv4';
  return `${kind} ${RANGE_REASONS[range] ?? `in the special-purpose range "${range}"`}`;
}
