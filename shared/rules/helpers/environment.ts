// Finding "the server this certificate is for" in the environment: from --server first, then
// by the names the certificate carries, then the only candidate there is.
import type { EdgePool, Environment, ExchangeServer, ExchangeVersion, SfbPool } from '../../environment/types.js';
import type { RuleContext } from '../engine/types.js';
import { listHasExact, sameFqdn } from './names.js';

/** Exchange versions without Unified Messaging (Cloud Voicemail replaces it). */
const NO_UM_VERSIONS: readonly ExchangeVersion[] = ['2019', 'SE'];

export function hasUm(server: ExchangeServer): boolean {
  if (server.version && NO_UM_VERSIONS.includes(server.version)) return false;
  if (server.roles && server.roles.length > 0) {
    return server.roles.some((r) => /^(um|umcallrouter|unifiedmessaging|mailbox|clientaccess|cas)$/i.test(r.replace(/\s/g, '')));
  }
  return true;
}

export interface ServerMatch<T> {
  server: T;
  /** How we decided: `--server`, `CN`, `SAN`, `only one`. */
  how: 'argument' | 'cn' | 'san' | 'only';
}

/** What the environment knows about a server name: an Exchange server, an Edge pool or computer, a Lync/SfB pool or Front End. */
export type KnownServer =
  | { product: 'exchange'; server: ExchangeServer }
  | { product: 'edge'; pool: EdgePool }
  | { product: 'sfb'; pool: SfbPool };

export function edgePoolNames(p: EdgePool): string[] {
  return [p.internalFqdn, p.accessEdgeFqdn, p.webConferencingEdgeFqdn, p.avEdgeFqdn, ...(p.servers ?? [])].filter((n): n is string => !!n);
}

export function knownServer(env: Environment, name: string | null): KnownServer | null {
  if (!name) return null;
  const exchange = (env.exchangeServers ?? []).find((s) => sameFqdn(s.fqdn, name));
  if (exchange) return { product: 'exchange', server: exchange };
  const edge = (env.edgePools ?? []).find((p) => edgePoolNames(p).some((n) => sameFqdn(n, name)));
  if (edge) return { product: 'edge', pool: edge };
  const sfb = (env.sfbPools ?? []).find((p) => sameFqdn(p.fqdn, name) || (p.servers ?? []).some((n) => sameFqdn(n, name)));
  if (sfb) return { product: 'sfb', pool: sfb };
  return null;
}

/**
 * The named server (`ctx.server`) unless the environment knows it as a server of another
 * product: then it is not used as this role's name (general.named-server-product says so).
 */
export function namedServerFor(ctx: RuleContext, product: KnownServer['product']): string | null {
  const known = knownServer(ctx.env, ctx.server);
  return known && known.product !== product ? null : ctx.server;
}

/** The Exchange server the certificate is meant for, or null when we can't tell. */
export function targetExchangeServer(ctx: RuleContext, candidates?: ExchangeServer[]): ServerMatch<ExchangeServer> | null {
  const all = ctx.env.exchangeServers ?? [];
  const named = namedServerFor(ctx, 'exchange');
  if (named) {
    const known = all.find((s) => sameFqdn(s.fqdn, named));
    return { server: known ?? { fqdn: named }, how: 'argument' };
  }
  const pool = candidates ?? all;
  const cn = ctx.fields.commonName;
  const byCn = pool.find((s) => sameFqdn(s.fqdn, cn));
  if (byCn) return { server: byCn, how: 'cn' };
  const bySan = pool.find((s) => listHasExact(ctx.fields.dnsNames, s.fqdn));
  if (bySan) return { server: bySan, how: 'san' };
  if (pool.length === 1) return { server: pool[0]!, how: 'only' };
  return null;
}

/**
 * The Edge pool the certificate is for: by the named server (any name of the pool — internal,
 * Access/Web Conferencing/A/V Edge, or one of its Edge computers — selects the pool for both
 * sides), by CN/SAN, or the only one.
 */
export function targetEdgePool(ctx: RuleContext, side: 'external' | 'internal'): ServerMatch<EdgePool> | null {
  const pools = ctx.env.edgePools ?? [];
  const names = (p: EdgePool): (string | undefined)[] =>
    side === 'internal' ? [p.internalFqdn] : [p.accessEdgeFqdn, p.webConferencingEdgeFqdn, p.avEdgeFqdn];
  const named = namedServerFor(ctx, 'edge');
  if (named) {
    const known = pools.find((p) => edgePoolNames(p).some((n) => sameFqdn(n, named)));
    if (known) return { server: known, how: 'argument' };
    return {
      server: side === 'internal' ? { internalFqdn: named } : { accessEdgeFqdn: named },
      how: 'argument',
    };
  }
  const cn = ctx.fields.commonName;
  const byCn = pools.find((p) => names(p).some((n) => sameFqdn(n, cn)));
  if (byCn) return { server: byCn, how: 'cn' };
  const bySan = pools.find((p) => names(p).some((n) => !!n && listHasExact(ctx.fields.dnsNames, n)));
  if (bySan) return { server: bySan, how: 'san' };
  if (pools.length === 1) return { server: pools[0]!, how: 'only' };
  return null;
}

export function howFound(how: ServerMatch<unknown>['how']): string {
  switch (how) {
    case 'argument':
      return 'the server named for this check';
    case 'cn':
      return 'matched by the CN in the environment';
    case 'san':
      return 'found in the SAN and in the environment';
    case 'only':
      return 'the only one in the environment';
  }
}

/** The Exchange version the environment records, when all servers agree or the target says. */
export function exchangeVersionFor(ctx: RuleContext): ExchangeVersion | null {
  const target = targetExchangeServer(ctx);
  if (target?.server.version) return target.server.version;
  const versions = [...new Set((ctx.env.exchangeServers ?? []).map((s) => s.version).filter((v): v is ExchangeVersion => !!v))];
  return versions.length === 1 ? versions[0]! : null;
}

/** Why the UM rules do not apply (the target server's Exchange has no UM), or null. */
export function umUnavailableReason(ctx: RuleContext): string | null {
  const target = targetExchangeServer(ctx);
  const version = target?.server.version;
  if (version && NO_UM_VERSIONS.includes(version)) {
    return `${target!.server.fqdn} runs Exchange ${version === 'SE' ? 'Server Subscription Edition' : version}, which has no Unified Messaging`;
  }
  return null;
}

/** Exchange servers that can hold the UM certificate (UM present in their version). */
export function umServers(ctx: RuleContext): ExchangeServer[] {
  return (ctx.env.exchangeServers ?? []).filter(hasUm);
}
