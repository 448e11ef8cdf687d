// The OWA IM settings as the rules need them: the name Lync knows the OWA servers by.
import type { RuleContext } from '../engine/types.js';
import { namedServerFor } from './environment.js';

export interface OwaPoolName {
  fqdn: string;
  how: string;
}

/**
 * The FQDN Lync/SfB expects in the OWA certificate: the trusted application pool, or — when
 * no pool was created because the server hosts a SipName UM dial plan — that Exchange server,
 * which Lync discovers by itself.
 */
export function owaPoolName(ctx: RuleContext): OwaPoolName | null {
  const pool = ctx.env.owaIm?.trustedApplicationPoolFqdn;
  if (pool) return { fqdn: pool, how: 'the trusted application pool in the environment' };
  const named = namedServerFor(ctx, 'exchange');
  if (named) return { fqdn: named, how: 'the server named for this check' };
  const sipName = (ctx.env.exchangeServers ?? []).filter((s) => s.hostsSipNameDialPlan);
  if (sipName.length === 1) return { fqdn: sipName[0]!.fqdn, how: 'the Exchange server hosting the SipName dial plan, which Lync discovers itself' };
  return null;
}
