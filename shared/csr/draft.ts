// A request draft: everything a CSR, INF and server-side request need, filled from the role and
// the environment. Every field can be edited by the user; `validateDraft` re-checks it.
import type { EdgePool, Environment } from '../environment/types.js';
import { isExchangeServer, roleServers } from '../environment/roleServers.js';
import { edgePoolNames } from '../rules/helpers/environment.js';
import { sameFqdn } from '../rules/helpers/names.js';
import { validateSubjectFields, validateTemplateName, type SubjectFields } from './subjectFields.js';
import { UnsafeValueError } from '../powershell/unsafeValueError.js';
import { validateFqdn, validateFriendlyName } from '../powershell/validate.js';
import {
  EXCHANGE_AUTH_SUBJECT,
  ROLE_PROFILES,
  type KeyChoice,
  type Product,
  type RequestRole,
} from './roles.js';

export interface RequestDraft {
  role: RequestRole;
  product: Product;
  /** Subject CN (a host FQDN, or the fixed Exchange auth subject). */
  commonName: string;
  /** SAN dNSName entries in order (may be empty: Exchange auth has none). */
  dnsNames: string[];
  key: KeyChoice;
  allowedKeys: KeyChoice[];
  exportable: boolean;
  /** Extended key usage OIDs. */
  ekus: string[];
  friendlyName: string;
  /** The server the request is made for / on (FQDN), when known. */
  server?: string;
  /** Request-CsCertificate -Type values for Lync roles. */
  lyncTypes?: string[];
  /** Things the admin must know or fill in, each with its source id. */
  notes: string[];
  /** O, OU, L, ST, C after the CN (optional). */
  subjectFields?: SubjectFields;
  /** The CA's certificate template (certreq's CertificateTemplate attribute), for `certreq -submit`. */
  template?: string;
}

function missing(role: RequestRole, what: string): never {
  throw new UnsafeValueError('empty', '--server', `The ${role} request needs ${what}.`);
}

/** The Edge pool that `server` is one of the names of (see pickEdgePool), if any. */
function poolNamedBy(env: Environment, server: string): EdgePool | undefined {
  return (env.edgePools ?? []).find((p) => edgePoolNames(p).some((n) => sameFqdn(n, server)));
}

/**
 * The Edge pool a named server belongs to: any name of the pool — its internal FQDN, its Access,
 * Web Conferencing or A/V Edge FQDN, or one of its Edge computers (edgePools[].servers) — selects
 * that pool for both Edge roles; otherwise the environment's first pool.
 */
export function pickEdgePool(env: Environment, server?: string): EdgePool | undefined {
  return (server ? poolNamedBy(env, server) : undefined) ?? (env.edgePools ?? [])[0];
}

/**
 * The subject of an Edge certificate when the name given belongs to a known pool. The name
 * selects the pool; the subject is the pool's own name for the role, never an Edge computer's:
 * every member carries the same certificate (EDGE-04), whose subject is the Access Edge FQDN
 * (EDGE-02) or the internal FQDN / VIP (EDGE-07). A single-server pool's internal FQDN is its
 * computer's FQDN, so that computer's name serves when the pool's internalFqdn is not set.
 */
function edgeSubjectForPool(role: 'edge-internal' | 'edge-external', pool: EdgePool, given: string): string | undefined {
  if (role === 'edge-external') return pool.accessEdgeFqdn;
  if (pool.internalFqdn) return pool.internalFqdn;
  const computers = pool.servers ?? [];
  return computers.length === 1 && sameFqdn(computers[0]!, given) ? given : undefined;
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(n) ? false : (seen.add(n), true)));
}

/**
 * OWA IM: the name given is the trusted application pool (the subject), not necessarily an
 * Exchange server. The request is made on an Exchange server: the name given when it is one,
 * else the environment's only Mailbox / Client Access server, else none (the shell's own).
 */
function owaImRequestServer(env: Environment, given: string | undefined): string | undefined {
  if (given && isExchangeServer(env, given)) return given;
  const choices = roleServers('owa-im', env);
  return choices.length === 1 ? validateFqdn(choices[0]!.fqdn, 'environment exchangeServers[].fqdn') : undefined;
}

/** Fills a draft for `role` from the environment; `server` overrides the host name the role is for. */
export function draftFor(role: RequestRole, environment: Environment = {}, server?: string): RequestDraft {
  const profile = ROLE_PROFILES[role];
  const srv = server === undefined ? undefined : validateFqdn(server, '--server');
  const sipDomains = (environment.sipDomains ?? []).map((d, i) => validateFqdn(d, `environment sipDomains[${i}]`));
  const notes: string[] = [];
  let commonName: string;
  let dnsNames: string[];

  switch (role) {
    case 'exchange-um': {
      // UM-01: CN = the UM server's own FQDN (Lync ignores the SAN); SAN = the same name.
      const umServer =
        srv ??
        environment.exchangeServers?.find((s) => s.roles?.some((r) => /^UM/i.test(r)))?.fqdn ??
        (environment.exchangeServers?.length === 1 ? environment.exchangeServers[0].fqdn : undefined);
      if (!umServer) missing(role, 'the UM server FQDN: pass --server or list the Exchange server with the UM role in the environment');
      commonName = validateFqdn(umServer, srv ? '--server' : 'environment exchangeServers[].fqdn');
      dnsNames = [commonName];
      notes.push('UM-01: CN is the UM server FQDN, because Lync checks the CN and ignores the SAN.');
      notes.push('UM-04: have it issued by an internal CA that both Exchange and Lync trust, never self-signed.');
      break;
    }
    case 'owa-im': {
      // IM-06: the trusted application pool FQDN must be in the Subject and the SAN.
      const pool = srv ?? environment.owaIm?.trustedApplicationPoolFqdn;
      if (!pool) missing(role, 'the OWA trusted application pool FQDN: pass --server or set owaIm.trustedApplicationPoolFqdn in the environment');
      commonName = validateFqdn(pool, srv ? '--server' : 'environment owaIm.trustedApplicationPoolFqdn');
      dnsNames = [commonName];
      notes.push('IM-06: CN and SAN are the trusted application pool FQDN (New-CsTrustedApplicationPool -Identity).');
      notes.push('IM-05: an internal-CA certificate that Lync trusts; the same certificate may serve UM and OWA IM.');
      break;
    }
    case 'edge-external': {
      const named = srv ? poolNamedBy(environment, srv) : undefined;
      const pool = named ?? pickEdgePool(environment, srv);
      const access = named ? edgeSubjectForPool(role, named, srv!) : (srv ?? pool?.accessEdgeFqdn);
      if (!access) {
        missing(role, named ? `the Access Edge FQDN of the Edge pool of ${srv}: set its edgePools[].accessEdgeFqdn in the environment` : 'the Access Edge FQDN: pass --server or set edgePools[].accessEdgeFqdn in the environment');
      }
      commonName = validateFqdn(access, srv && !named ? '--server' : 'environment edgePools[].accessEdgeFqdn');
      if (srv && !sameFqdn(commonName, srv)) notes.push(`EDGE-02: ${srv} names the Edge pool (one of its computers or Edge FQDNs); the subject is the pool's Access Edge FQDN ${commonName}.`);
      const webConf = pool?.webConferencingEdgeFqdn
        ? validateFqdn(pool.webConferencingEdgeFqdn, 'environment edgePools[].webConferencingEdgeFqdn')
        : undefined;
      if (!webConf) notes.push('WARNING EDGE-03: the environment has no Web Conferencing Edge FQDN; add it to the SAN.');
      if (sipDomains.length === 0) notes.push('WARNING EDGE-03: the environment lists no SIP domains; add sip.<domain> for each one.');
      // EDGE-03: Access Edge (even though it is the CN), Web Conferencing Edge, sip.<domain> per SIP domain.
      dnsNames = unique([commonName, ...(webConf ? [webConf] : []), ...sipDomains.map((d) => `sip.${d}`)]);
      notes.push('EDGE-01: submit to a public CA that supports SAN.');
      notes.push('EDGE-04: exportable key; every Edge pool member gets the same certificate and key.');
      break;
    }
    case 'edge-internal': {
      const named = srv ? poolNamedBy(environment, srv) : undefined;
      const internal = named ? edgeSubjectForPool(role, named, srv!) : (srv ?? pickEdgePool(environment)?.internalFqdn);
      if (!internal) {
        missing(role, named ? `the internal FQDN of the Edge pool of ${srv}: set its edgePools[].internalFqdn in the environment` : 'the Edge internal FQDN: pass --server or set edgePools[].internalFqdn in the environment');
      }
      commonName = validateFqdn(internal, srv && (!named || sameFqdn(internal, srv)) ? '--server' : 'environment edgePools[].internalFqdn');
      if (srv && !sameFqdn(commonName, srv)) notes.push(`EDGE-07: ${srv} names the Edge pool (one of its computers or Edge FQDNs); the subject is the pool's internal FQDN ${commonName}.`);
      // EDGE-07: no SAN needed; carrying the name once more costs nothing and helps TLS stacks.
      dnsNames = [commonName];
      notes.push('EDGE-07: SN = Edge internal FQDN (or VIP); internal or public CA; Server Authentication EKU.');
      break;
    }
    case 'exchange-auth': {
      // OA-EX-01: fixed subject, no SAN (-DomainName @()), 2048-bit exportable key.
      commonName = EXCHANGE_AUTH_SUBJECT;
      dnsNames = [];
      notes.push('OA-EX-01: Exchange makes this certificate self-signed with New-ExchangeCertificate (the server-side script); the CSR and INF are for a CA-issued alternative.');
      notes.push('OA-EX-03: the certificate and its key must be on every Mailbox/CAS server.');
      break;
    }
    case 'sfb-oauth': {
      // OA-LY-03: any subject works; a SIP-domain subject is allowed, not required.
      const name = srv ?? sipDomains[0] ?? environment.sfbPools?.[0]?.fqdn;
      if (!name) missing(role, 'a subject name: pass --server, or list a SIP domain or a pool in the environment');
      commonName = validateFqdn(name, srv ? '--server' : sipDomains[0] ? 'environment sipDomains[0]' : 'environment sfbPools[0].fqdn');
      dnsNames = [commonName];
      notes.push('OA-LY-01: one certificate for all Front Ends, assigned once with -Identity Global.');
      notes.push('OA-LY-02: at least 2048 bits.');
      break;
    }
  }

  const draft: RequestDraft = {
    role,
    product: profile.product,
    commonName,
    dnsNames,
    key: profile.defaultKey,
    allowedKeys: [...profile.allowedKeys],
    exportable: profile.exportable,
    ekus: [...profile.ekus],
    friendlyName: role === 'exchange-auth' ? EXCHANGE_AUTH_SUBJECT : `${commonName} ${role}`,
    notes,
  };
  const host = role === 'exchange-um' ? commonName : role === 'owa-im' ? owaImRequestServer(environment, srv) : srv;
  if (host) draft.server = host;
  if (profile.lyncTypes) draft.lyncTypes = [...profile.lyncTypes];
  return draft;
}

/** Sets the key choice, refusing one the role cannot use (legacy CSP: RSA 2048/4096). */
export function withKey(draft: RequestDraft, key: KeyChoice): RequestDraft {
  if (!draft.allowedKeys.includes(key)) {
    throw new UnsafeValueError(
      'unsupported',
      '--key',
      `The ${draft.role} role cannot use a ${key} key: Exchange and Lync need the key in a legacy CSP (WIN-01, GEN-L8, GEN-L4); use ${draft.allowedKeys.join(' or ')}.`,
    );
  }
  return { ...draft, key };
}

/** Re-checks every field of a (possibly edited) draft before anything is built from it. */
export function validateDraft(draft: RequestDraft): RequestDraft {
  const commonName =
    draft.role === 'exchange-auth' && draft.commonName === EXCHANGE_AUTH_SUBJECT
      ? draft.commonName
      : validateFqdn(draft.commonName, 'subject CN');
  const dnsNames = draft.dnsNames.map((n, i) => validateFqdn(n, `SAN entry ${i + 1}`, { allowWildcard: true }));
  const friendlyName = validateFriendlyName(draft.friendlyName, 'friendly name');
  const server = draft.server === undefined ? undefined : validateFqdn(draft.server, '--server');
  for (const oid of draft.ekus) {
    if (!/^\d+(\.\d+)+$/.test(oid)) throw new UnsafeValueError('bad-name', 'EKU', `EKU "${oid}" is not a dotted OID.`);
  }
  const subjectFields = validateSubjectFields(draft.subjectFields);
  const template = validateTemplateName(draft.template);
  const { subjectFields: _fields, template: _template, ...rest } = draft;
  return {
    ...rest,
    commonName,
    dnsNames,
    friendlyName,
    ...(server ? { server } : {}),
    ...(Object.keys(subjectFields).length > 0 ? { subjectFields } : {}),
    ...(template ? { template } : {}),
  };
}
