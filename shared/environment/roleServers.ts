// Which servers of the environment a role's script or request is for: the UM server for
// Exchange UM, the Mailbox / Client Access servers for OWA IM, every Exchange server for the
// Auth certificate, the Edge computers for the Edge roles. One answer for the CLI (a single
// match is used without asking) and the app (several matches are offered as a choice).
import type { Environment, ExchangeServer } from './types.js';

export type ServerRole = 'exchange-um' | 'owa-im' | 'edge-external' | 'edge-internal' | 'exchange-auth' | 'sfb-oauth';

export interface RoleServer {
  fqdn: string;
  /** Why this server is offered, in an admin's words ("has the UM role"). */
  why: string;
}

/** The reason given for a server whose roles say UM. */
export const UM_ROLE_WHY = 'has the UM role';

const hasRole = (s: ExchangeServer, pattern: RegExp) => (s.roles ?? []).some((r) => pattern.test(r.trim()));
/** An Edge Transport server never runs UM, OWA or the Auth configuration. */
const isEdgeTransport = (s: ExchangeServer) => hasRole(s, /^Edge(Transport)?$/i);
/** Exchange 2019 and SE have no Unified Messaging (UM-11). */
const mayRunUm = (s: ExchangeServer) => s.version !== '2019' && s.version !== 'SE';

// A blank or whitespace-only name is kept: the validator that writes it refuses it with a
// sentence, instead of the next server being chosen silently.
function unique(servers: RoleServer[]): RoleServer[] {
  const seen = new Set<string>();
  return servers.filter((s) => {
    const key = s.fqdn.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The environment's servers that match `role`, best first. Exchange UM: the servers whose roles
 * say UM; when none says so (roles left out), every Exchange server that can run UM.
 */
export function roleServers(role: ServerRole, env: Environment): RoleServer[] {
  const exchange = (env.exchangeServers ?? []).filter((s) => !isEdgeTransport(s));
  switch (role) {
    case 'exchange-um': {
      const um = exchange.filter((s) => hasRole(s, /^UM$/i));
      // Exchange 2013's Client Access servers run the UM Call Router, each with its own certificate.
      const callRouters = exchange.filter((s) => mayRunUm(s) && !hasRole(s, /^UM$/i) && hasRole(s, /^UMCallRouter$/i));
      const listed = [...um.map((s) => ({ fqdn: s.fqdn, why: UM_ROLE_WHY })), ...callRouters.map((s) => ({ fqdn: s.fqdn, why: 'has the UM Call Router role' }))];
      if (listed.length > 0) return unique(listed);
      return unique(exchange.filter(mayRunUm).map((s) => ({ fqdn: s.fqdn, why: 'Exchange server (its roles do not say UM)' })));
    }
    case 'owa-im': {
      const clientAccess = exchange.filter((s) => hasRole(s, /^(Mailbox|CAS|ClientAccess)$/i));
      const list = clientAccess.length > 0 ? clientAccess : exchange;
      return unique(list.map((s) => ({ fqdn: s.fqdn, why: clientAccess.length > 0 ? 'Mailbox / Client Access server' : 'Exchange server' })));
    }
    case 'exchange-auth':
      return unique(exchange.map((s) => ({ fqdn: s.fqdn, why: 'Exchange server' })));
    case 'edge-external':
    case 'edge-internal':
      return unique(
        (env.edgePools ?? []).flatMap((p) => [
          ...(p.servers ?? []).map((fqdn) => ({ fqdn, why: 'Edge server' })),
          ...(p.servers?.length ? [] : p.internalFqdn ? [{ fqdn: p.internalFqdn, why: 'Edge pool (internal name)' }] : []),
        ]),
      );
    case 'sfb-oauth':
      // Assigned once for the whole deployment (-Identity Global): no server to choose.
      return [];
  }
}

/** Is `fqdn` one of the environment's Exchange servers (case-insensitive)? */
export function isExchangeServer(env: Environment, fqdn: string): boolean {
  const want = fqdn.trim().toLowerCase();
  return (env.exchangeServers ?? []).some((s) => s.fqdn.trim().toLowerCase() === want);
}
