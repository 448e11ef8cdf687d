// How the estate tells servers apart: Get-ExchangeCertificate rows name a server by FQDN or by
// NetBIOS name, settings by either, Lync by FQDN. One key per server: its FQDN, lower case.
import type { Snapshot } from './snapshot.js';

export function lowerHost(name: string | null | undefined): string {
  return (name ?? '').trim().replace(/\.$/, '').toLowerCase();
}

/** name → FQDN key for the Exchange servers a snapshot lists (both the name and the FQDN map). */
export function exchangeServerKeys(snapshot: Snapshot): Map<string, string> {
  const keys = new Map<string, string>();
  for (const s of snapshot.exchange?.servers ?? []) {
    const fqdn = lowerHost(s.fqdn);
    keys.set(fqdn, fqdn);
    keys.set(lowerHost(s.name), fqdn);
  }
  return keys;
}

/** The key of the Exchange server a row names: its FQDN when the snapshot knows the server. */
export function exchangeServerKey(keys: Map<string, string>, name: string): string {
  const lower = lowerHost(name);
  return keys.get(lower) ?? keys.get(lower.split('.')[0]!) ?? lower;
}

/** The key of a Lync/SfB computer (always its FQDN). */
export function skypeComputerKey(name: string): string {
  return lowerHost(name);
}
