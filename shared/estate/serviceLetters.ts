// Bindings in a few characters, the way Get-ExchangeCertificate's default table prints
// Services (`IP.WS..`: I=IMAP P=POP U=UM W=IIS S=SMTP F=Federation C=UMCallRouter), and short
// tags for Lync/SfB uses and for settings that name the certificate.
import type { EstateBinding } from './auditTypes.js';
import type { ExchangeService } from './snapshot.js';
import { EXCHANGE_SERVICES } from './snapshot.js';

export const SERVICE_LETTER: Record<ExchangeService, string> = { IMAP: 'I', POP: 'P', UM: 'U', IIS: 'W', SMTP: 'S', Federation: 'F', UMCallRouter: 'C' };

const USE_TAG: Record<string, string> = {
  default: 'Default',
  webservicesinternal: 'WebInt',
  webservicesexternal: 'WebExt',
  oauthtokenissuer: 'OAuth',
  accessedgeexternal: 'AccessEdge',
  dataedgeexternal: 'DataEdge',
  audiovideoauthentication: 'A/V',
  internal: 'Internal',
  external: 'External',
  xmppserver: 'XMPP',
};

/** `IP.WS..` for the Exchange services bound (null when none is a service binding). */
export function servicesString(bindings: readonly EstateBinding[]): string | null {
  const services = bindings.filter((b) => b.kind === 'service').map((b) => b.name);
  if (services.length === 0) return null;
  return EXCHANGE_SERVICES.map((s) => (services.includes(s) ? SERVICE_LETTER[s] : '.')).join('');
}

/** Every binding in short: `IP.WS..`, `OAuth`, `AccessEdge`, `Auth (current)`, `OWA IM` … */
export function bindingTags(bindings: readonly EstateBinding[]): string[] {
  const tags: string[] = [];
  const services = servicesString(bindings);
  if (services) tags.push(services);
  for (const b of bindings) {
    if (b.kind === 'use') tags.push(USE_TAG[b.name.toLowerCase()] ?? b.name);
    if (b.kind === 'reference') tags.push(b.name.replace(/^AuthConfig (\w+)$/, 'Auth ($1)'));
  }
  return tags;
}
