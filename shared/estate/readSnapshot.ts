// Read a snapshot file (contract v1, ../shared/docs/estate.md): JSON parse, then a field-by-field
// check that ends in one InputError naming the file and the first bad field. Written by hand
// like shared/environment/validate.ts (no schema package in the tree): the messages must say
// what to do in an admin's words, and unknown fields must be ignored, not refused — a newer
// collector may add optional fields that this version simply does not read.
import { displayName } from '../encoding/displayName.js';
import { InputError } from '../x509/inputError.js';
import {
  EXCHANGE_SERVICES,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type ExchangeService,
  type Snapshot,
  type SnapshotExchange,
  type SnapshotExchangeCertificate,
  type SnapshotExchangeServer,
  type SnapshotSkype,
  type SnapshotSkypeCertificate,
  type SnapshotSkypePool,
} from './snapshot.js';
import { compact, describe } from '../validation/fieldReader.js';
import { SnapshotReader } from './snapshotReader.js';

/** A snapshot of a few thousand servers is a few tens of MiB; anything bigger is the wrong file. */
export const MAX_SNAPSHOT_CHARS = 128 * 1024 * 1024;

const SERVICE_BY_LOWER = new Map(EXCHANGE_SERVICES.map((s) => [s.toLowerCase(), s] as const));

/** Services as a list (or the `IMAP, POP, IIS` text some exports keep); `None` is no service. */
function services(r: SnapshotReader, value: unknown, path: string): ExchangeService[] | null {
  if (value === undefined || value === null) return null;
  let items: unknown[];
  if (typeof value === 'string') items = value.split(',');
  else if (Array.isArray(value)) items = value;
  else return r.fail(path, `must be a list of services such as ["IIS", "SMTP"] (got ${describe(value)})`) ?? null;
  const out: ExchangeService[] = [];
  items.forEach((item, i) => {
    if (typeof item !== 'string') return void r.fail(`${path}[${i}]`, `must be a service name (got ${describe(item)})`);
    const key = item.trim().toLowerCase();
    if (key === '' || key === 'none') return;
    const known = SERVICE_BY_LOWER.get(key);
    // A service this version does not know (a newer Exchange flag) is ignored, not refused.
    if (known && !out.includes(known)) out.push(known);
  });
  return out;
}

function exchangeServer(r: SnapshotReader, v: unknown, p: string): SnapshotExchangeServer | undefined {
  const o = r.object(v, p);
  if (!o) return undefined;
  const name = r.host(o.name, `${p}.name`);
  const fqdn = r.host(o.fqdn, `${p}.fqdn`);
  if (!name && !fqdn) return r.fail(p, 'needs a name or an fqdn');
  return compact({
    name: name ?? fqdn!.split('.')[0]!,
    fqdn: fqdn ?? name!,
    version: r.string(o.version, `${p}.version`)?.trim(),
    build: r.string(o.build, `${p}.build`)?.trim(),
    roles: r.strings(o.roles, `${p}.roles`),
    site: r.string(o.site, `${p}.site`),
    os: r.string(o.os, `${p}.os`),
  });
}

function exchangeCertificate(r: SnapshotReader, v: unknown, p: string): SnapshotExchangeCertificate | undefined {
  const o = r.object(v, p);
  if (!o) return undefined;
  const server = r.host(o.server, `${p}.server`, true);
  if (!server) return undefined;
  if (!('thumbprint' in o)) return r.fail(`${p}.thumbprint`, 'is required (null when the source masked it)');
  return compact({
    server,
    thumbprint: r.thumbprint(o.thumbprint, `${p}.thumbprint`) ?? null,
    services: services(r, o.services, `${p}.services`),
    status: r.string(o.status, `${p}.status`),
    hasPrivateKey: r.boolean(o.hasPrivateKey, `${p}.hasPrivateKey`),
    privateKeyExportable: r.boolean(o.privateKeyExportable, `${p}.privateKeyExportable`),
    keyProvider: r.string(o.keyProvider, `${p}.keyProvider`),
    rootCAType: r.string(o.rootCAType, `${p}.rootCAType`),
    friendlyName: r.string(o.friendlyName, `${p}.friendlyName`),
    der: r.der(o.der, `${p}.der`),
    subject: r.string(o.subject, `${p}.subject`),
    issuer: r.string(o.issuer, `${p}.issuer`),
    notBefore: r.date(o.notBefore, `${p}.notBefore`),
    notAfter: r.date(o.notAfter, `${p}.notAfter`),
    dnsNames: r.strings(o.dnsNames, `${p}.dnsNames`),
    publicKeySize: r.number(o.publicKeySize, `${p}.publicKeySize`),
    isSelfSigned: r.boolean(o.isSelfSigned, `${p}.isSelfSigned`),
  });
}

function exchange(r: SnapshotReader, v: unknown): SnapshotExchange | undefined {
  const o = r.object(v, 'exchange');
  if (!o) return undefined;
  const authConfig = (() => {
    if (o.authConfig === undefined || o.authConfig === null) return o.authConfig === null ? null : undefined;
    const a = r.object(o.authConfig, 'exchange.authConfig');
    if (!a) return undefined;
    return compact({
      currentCertificateThumbprint: r.thumbprint(a.currentCertificateThumbprint, 'exchange.authConfig.currentCertificateThumbprint') ?? null,
      previousCertificateThumbprint: r.thumbprint(a.previousCertificateThumbprint, 'exchange.authConfig.previousCertificateThumbprint'),
      nextCertificateThumbprint: r.thumbprint(a.nextCertificateThumbprint, 'exchange.authConfig.nextCertificateThumbprint'),
      nextCertificateEffectiveDate: a.nextCertificateEffectiveDate === null ? null : r.date(a.nextCertificateEffectiveDate, 'exchange.authConfig.nextCertificateEffectiveDate'),
    });
  })();
  return compact({
    servers: r.array(o.servers, 'exchange.servers', (x, q) => exchangeServer(r, x, q)) ?? [],
    certificates: r.array(o.certificates, 'exchange.certificates', (x, q) => exchangeCertificate(r, x, q)) ?? [],
    authConfig,
    owaIm: r.array(o.owaIm, 'exchange.owaIm', (x, q) => {
      const e = r.object(x, q);
      if (!e) return undefined;
      return compact({
        server: e.server === null ? null : r.host(e.server, `${q}.server`),
        source: r.string(e.source, `${q}.source`) ?? 'unknown',
        imServerName: e.imServerName === null ? null : r.string(e.imServerName, `${q}.imServerName`)?.trim(),
        // Kept exactly as configured: the OWA IM rules report invisible characters in it.
        certificateThumbprint: e.certificateThumbprint === null ? null : r.string(e.certificateThumbprint, `${q}.certificateThumbprint`),
      });
    }),
    umServices: r.array(o.umServices, 'exchange.umServices', (x, q) => {
      const e = r.object(x, q);
      if (!e) return undefined;
      const server = r.host(e.server, `${q}.server`, true);
      if (!server) return undefined;
      return compact({ server, umStartupMode: r.string(e.umStartupMode, `${q}.umStartupMode`), umCallRouterStartupMode: r.string(e.umCallRouterStartupMode, `${q}.umCallRouterStartupMode`) });
    }),
    transport: r.array(o.transport, 'exchange.transport', (x, q) => {
      const e = r.object(x, q);
      if (!e) return undefined;
      const server = r.host(e.server, `${q}.server`, true);
      if (!server) return undefined;
      return compact({ server, internalTransportCertificateThumbprint: r.thumbprint(e.internalTransportCertificateThumbprint, `${q}.internalTransportCertificateThumbprint`) });
    }),
    connectors: r.array(o.connectors, 'exchange.connectors', (x, q) => {
      const e = r.object(x, q);
      if (!e) return undefined;
      const name = r.string(e.name, `${q}.name`, true);
      if (name === undefined) return undefined;
      return compact({
        name,
        kind: r.string(e.kind, `${q}.kind`) ?? 'send',
        servers: r.array(e.servers, `${q}.servers`, (s, sp) => r.host(s, sp)) ?? [],
        fqdn: r.string(e.fqdn, `${q}.fqdn`),
        tlsCertificateName: e.tlsCertificateName === null ? null : r.string(e.tlsCertificateName, `${q}.tlsCertificateName`),
      });
    }),
    hybrid: (() => {
      if (o.hybrid === undefined || o.hybrid === null) return o.hybrid === null ? null : undefined;
      const h = r.object(o.hybrid, 'exchange.hybrid');
      if (!h) return undefined;
      return compact({ tlsCertificateName: h.tlsCertificateName === null ? null : r.string(h.tlsCertificateName, 'exchange.hybrid.tlsCertificateName') });
    })(),
  });
}

function skypePool(r: SnapshotReader, v: unknown, p: string): SnapshotSkypePool | undefined {
  const o = r.object(v, p);
  if (!o) return undefined;
  const fqdn = r.host(o.fqdn, `${p}.fqdn`, true);
  if (!fqdn) return undefined;
  const edge = (() => {
    if (o.edge === undefined || o.edge === null) return undefined;
    const e = r.object(o.edge, `${p}.edge`);
    if (!e) return undefined;
    return compact({
      accessEdgeFqdn: r.host(e.accessEdgeFqdn, `${p}.edge.accessEdgeFqdn`),
      webConferencingEdgeFqdn: r.host(e.webConferencingEdgeFqdn, `${p}.edge.webConferencingEdgeFqdn`),
      avEdgeFqdn: r.host(e.avEdgeFqdn, `${p}.edge.avEdgeFqdn`),
    });
  })();
  return compact({
    fqdn,
    kind: r.string(o.kind, `${p}.kind`)?.trim() || 'FrontEnd',
    version: r.string(o.version, `${p}.version`)?.trim(),
    site: r.string(o.site, `${p}.site`),
    computers: r.array(o.computers, `${p}.computers`, (x, q) => r.host(x, q)) ?? [],
    edge,
  });
}

function skypeCertificate(r: SnapshotReader, v: unknown, p: string): SnapshotSkypeCertificate | undefined {
  const o = r.object(v, p);
  if (!o) return undefined;
  const computer = r.host(o.computer, `${p}.computer`, true);
  const use = r.string(o.use, `${p}.use`, true);
  if (!computer || use === undefined) return undefined;
  if (!('thumbprint' in o)) return r.fail(`${p}.thumbprint`, 'is required (null when the source masked it)');
  return compact({
    computer,
    use: use.trim(),
    thumbprint: r.thumbprint(o.thumbprint, `${p}.thumbprint`) ?? null,
    effectiveDate: o.effectiveDate === null ? null : r.date(o.effectiveDate, `${p}.effectiveDate`),
    previousThumbprint: r.thumbprint(o.previousThumbprint, `${p}.previousThumbprint`),
    der: r.der(o.der, `${p}.der`),
    subject: r.string(o.subject, `${p}.subject`),
    issuer: r.string(o.issuer, `${p}.issuer`),
    notBefore: r.date(o.notBefore, `${p}.notBefore`),
    notAfter: r.date(o.notAfter, `${p}.notAfter`),
    dnsNames: r.strings(o.dnsNames, `${p}.dnsNames`),
  });
}

function skype(r: SnapshotReader, v: unknown): SnapshotSkype | undefined {
  const o = r.object(v, 'skype');
  if (!o) return undefined;
  return compact({
    pools: r.array(o.pools, 'skype.pools', (x, q) => skypePool(r, x, q)) ?? [],
    sipDomains: r.array(o.sipDomains, 'skype.sipDomains', (x, q) => r.host(x, q)),
    certificates: r.array(o.certificates, 'skype.certificates', (x, q) => skypeCertificate(r, x, q)) ?? [],
    trustedApplicationPools: r.array(o.trustedApplicationPools, 'skype.trustedApplicationPools', (x, q) => {
      const e = r.object(x, q);
      if (!e) return undefined;
      const fqdn = r.host(e.fqdn, `${q}.fqdn`, true);
      if (!fqdn) return undefined;
      return compact({ fqdn, registrar: r.host(e.registrar, `${q}.registrar`), applications: r.strings(e.applications, `${q}.applications`) });
    }),
  });
}

/** Validate an already-parsed JSON value; one line per problem (empty when fine). */
export function validateSnapshot(value: unknown): { snapshot: Snapshot | null; errors: string[] } {
  const r = new SnapshotReader();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { snapshot: null, errors: ['the document must be a JSON object'] };
  const root = value as Record<string, unknown>;
  const collectedAt = r.date(root.collectedAt, 'collectedAt', true);
  const snapshot: Snapshot = compact({
    format: SNAPSHOT_FORMAT,
    version: root.version as number,
    collectedAt: collectedAt ?? '',
    organization: r.string(root.organization, 'organization'),
    exchange: root.exchange === undefined || root.exchange === null ? undefined : exchange(r, root.exchange),
    skype: root.skype === undefined || root.skype === null ? undefined : skype(r, root.skype),
    errors: r.array(root.errors, 'errors', (x, q) => {
      const e = r.object(x, q);
      if (!e) return undefined;
      return compact({ server: r.string(e.server, `${q}.server`), step: r.string(e.step, `${q}.step`) ?? 'collect', message: r.string(e.message, `${q}.message`) ?? '' });
    }),
  });
  return { snapshot: r.errors.length === 0 ? snapshot : null, errors: r.errors };
}

/**
 * Parse and validate a snapshot file. Throws an InputError whose message is one line naming
 * the file and the first problem; a snapshot from a newer CertBench (version > 1) is refused
 * with a sentence saying to update.
 */
export function parseSnapshot(text: string, fileName: string): Snapshot {
  const file = displayName(fileName);
  if (text.length > MAX_SNAPSHOT_CHARS) throw new InputError('too-large', `${file} is larger than any snapshot CertBench writes (the limit is 128 MiB): check that this is the right file.`);
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') throw new InputError('empty', `${file} is empty: run the collector again and pick the file it wrote.`);
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new InputError('malformed', `${file} is not a CertBench snapshot: it is not valid JSON (${why}); run the collector again or copy the whole file.`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError('malformed', `${file} is not a CertBench snapshot: it holds ${describe(json)}, not a snapshot object.`);
  }
  const root = json as Record<string, unknown>;
  if (root.format !== SNAPSHOT_FORMAT) {
    throw new InputError('unsupported', `${file} is not a CertBench snapshot (its "format" is ${root.format === undefined ? 'missing' : JSON.stringify(root.format)}, not "${SNAPSHOT_FORMAT}"): pick the file the collector wrote.`);
  }
  const version = root.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new InputError('malformed', `${file}: version must be a whole number such as ${SNAPSHOT_VERSION} (got ${describe(version)}).`);
  }
  if (version > SNAPSHOT_VERSION) {
    throw new InputError('unsupported', `${file} was made by a newer CertBench (snapshot version ${version}; this one reads version ${SNAPSHOT_VERSION}): update CertBench to read it.`);
  }
  const { snapshot, errors } = validateSnapshot(root);
  if (!snapshot || errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new InputError('malformed', `${file}: ${errors[0] ?? 'the snapshot is not usable'}${more}.`);
  }
  return snapshot;
}
