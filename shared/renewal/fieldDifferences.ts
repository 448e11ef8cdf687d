// Field by field: what differs between the certificate in service and its renewal, and what
// that difference does to the role. The rule verdicts (diff.ts) judge the new certificate on its
// own; this file says what changed *between* the two — a name dropped from the SAN, a key moved
// to a CNG provider, a new issuing CA — which no single-certificate rule can see.
import { isKsp } from '../rules/general/key-provider-cng.js';
import { LYNC_TLS_ROLES, type RoleId } from '../rules/engine/roles.js';
import { isWildcard, listCoversByWildcard, listHasExact, sameFqdn } from '../rules/helpers/names.js';
import type { Environment } from '../environment/types.js';
import type { Difference, DiffSide, Impact } from './diffTypes.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
/** Windows versions before 1709 / Server 2019: they cannot import an AES (PBES2) PFX (PFX-01). */
const PRE_AES_WINDOWS = new Set(['2008R2', '2012', '2012R2', '2016']);

export interface FieldContext {
  roles: readonly RoleId[];
  environment: Environment;
  at: Date;
}

/** Every field difference, in the order an admin reads a certificate. */
export function fieldDifferences(oldSide: DiffSide, newSide: DiffSide, ctx: FieldContext): Difference[] {
  return [
    ...subjectDifferences(oldSide, newSide, ctx),
    ...sanDifferences(oldSide, newSide, ctx),
    ...ekuDifferences(oldSide, newSide, ctx),
    ...keyUsageDifferences(oldSide, newSide),
    ...keyDifferences(oldSide, newSide),
    ...providerDifferences(oldSide, newSide),
    ...signatureDifferences(oldSide, newSide, ctx),
    ...issuerDifferences(oldSide, newSide),
    ...validityDifferences(oldSide, newSide, ctx),
    ...urlDifferences(oldSide, newSide, ctx),
    ...templateDifferences(oldSide, newSide),
    ...privateKeyDifferences(oldSide, newSide, ctx),
    ...pfxDifferences(oldSide, newSide, ctx),
  ];
}

const has = (ctx: FieldContext, ...roles: RoleId[]) => roles.some((r) => ctx.roles.includes(r));

function diff(field: string, label: string, oldValue: string, newValue: string, impact: Impact, why: string, ruleId?: string): Difference {
  return { field, label, old: oldValue, new: newValue, impact, why, ...(ruleId ? { ruleId } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Subject

/** Why a changed CN breaks the role, or null when the CN is not how the role finds the server. */
function cnMatters(ctx: FieldContext): string | null {
  if (has(ctx, 'exchange-um')) return 'Lync/SfB identify the UM server by the subject CN and ignore the SAN (seed 001, 002).';
  if (has(ctx, 'owa-im')) return 'The Lync trusted application pool for OWA must carry the same name as the certificate subject (IM-06).';
  if (has(ctx, 'edge-internal')) return 'The internal Edge interface is found by its subject name; the SAN is not queried (EDGE-07).';
  if (has(ctx, 'exchange-auth')) return 'Exchange expects the subject "CN=Microsoft Exchange Server Auth Certificate" (OA-EX-01).';
  return null;
}

function subjectDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const out: Difference[] = [];
  const oc = o.subject.certificate;
  const nc = n.subject.certificate;
  if (!sameFqdn(oc.commonName ?? '', nc.commonName ?? '') && (oc.commonName ?? '') !== (nc.commonName ?? '')) {
    const roleWhy = cnMatters(ctx);
    const newNames = [...(nc.commonName ? [nc.commonName] : []), ...nc.dnsNames];
    const stillCovered = !!oc.commonName && (listHasExact(newNames, oc.commonName) || !!listCoversByWildcard(newNames, oc.commonName));
    const impact: Impact = roleWhy ? 'breaks' : stillCovered ? 'review' : 'breaks';
    const why = roleWhy
      ? `The subject CN changes. ${roleWhy}`
      : stillCovered
        ? `The subject CN changes, but ${oc.commonName} is still among the new certificate's names; check anything that selects the certificate by subject (connectors' TlsCertificateName, scripts).`
        : `The subject CN changes and ${oc.commonName ?? 'the old CN'} is no longer among the certificate's names: clients and servers connecting by that name get a name mismatch.`;
    out.push(diff('subject.CN', 'Subject CN', oc.commonName ?? '(none)', nc.commonName ?? '(none)', impact, why));
  }
  const oldRdns = rdnMap(oc);
  const newRdns = rdnMap(nc);
  for (const type of new Set([...oldRdns.keys(), ...newRdns.keys()])) {
    if (type === 'CN') continue;
    const ov = oldRdns.get(type) ?? '';
    const nv = newRdns.get(type) ?? '';
    if (ov === nv) continue;
    out.push(diff(`subject.${type}`, `Subject ${type}`, ov || '(none)', nv || '(none)', 'none', `Neither Exchange nor Lync/SfB match the ${type} attribute; only a connector or script that names the full subject would notice.`));
  }
  return out;
}

function rdnMap(c: DiffSide['subject']['certificate']): Map<string, string> {
  const map = new Map<string, string[]>();
  for (const rdn of c.subjectName.rdns) for (const a of rdn) map.set(a.type, [...(map.get(a.type) ?? []), a.value]);
  return new Map([...map].map(([k, v]) => [k, v.join(' + ')]));
}

// ---------------------------------------------------------------------------------------------
// Subject alternative names

const SAN_KINDS = [
  ['dns', 'SAN (DNS)'],
  ['ip', 'SAN (IP)'],
  ['email', 'SAN (e-mail)'],
  ['uri', 'SAN (URI)'],
  ['upn', 'SAN (UPN)'],
] as const;

function sanDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const out: Difference[] = [];
  const authOnly = ctx.roles.every((r) => r === 'exchange-auth' || r === 'general') && has(ctx, 'exchange-auth');
  for (const [kind, label] of SAN_KINDS) {
    const ov = o.subject.certificate.subjectAltNames[kind];
    const nv = n.subject.certificate.subjectAltNames[kind];
    const same = (a: string, b: string) => (kind === 'dns' ? sameFqdn(a, b) : a.toLowerCase() === b.toLowerCase());
    for (const name of ov) {
      if (nv.some((x) => same(x, name))) continue;
      const wildcard = kind === 'dns' ? listCoversByWildcard(nv, name) : null;
      let impact: Impact = 'breaks';
      let why = `${name} is no longer in the certificate: clients and servers connecting as ${name} get a name mismatch (for an Edge, a removed sip.<domain> stops external sign-in and federation).`;
      if (authOnly) {
        impact = 'none';
        why = 'The Auth certificate is not matched by name; its SAN is not used (OA-EX-01 creates it with no SAN).';
      } else if (wildcard) {
        impact = has(ctx, 'exchange-um', 'edge-internal') ? 'breaks' : 'review';
        why = `${name} is now covered only by the wildcard ${wildcard}. ${impact === 'breaks' ? 'This role does not accept a wildcard in place of the name.' : 'Web clients accept that; Lync/SfB server roles and older devices may not.'}`;
      }
      out.push(diff(`san.${kind}`, label, name, '(removed)', impact, why));
    }
    for (const name of nv) {
      if (ov.some((x) => same(x, name))) continue;
      const why = authOnly
        ? 'The Auth certificate should carry no SAN at all (OA-EX-01); the rules judge it.'
        : isWildcard(name)
          ? `The wildcard ${name} is added; no role matches a wildcard SAN for a UM or internal Edge peer, so it only helps web clients.`
          : `${name} is added: one more name the certificate answers for.`;
      out.push(diff(`san.${kind}`, label, '(absent)', name, 'none', why));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Usages

function ekuDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const oe = o.subject.certificate.extendedKeyUsage;
  const ne = n.subject.certificate.extendedKeyUsage;
  const names = new Map<string, string>();
  for (const e of [oe, ne]) e?.oids.forEach((oid, i) => names.set(oid, e.names[i] ?? oid));
  const show = (e: typeof oe) => (e ? e.oids.map((x) => names.get(x) ?? x).join(', ') || '(empty)' : '(no EKU extension: any purpose)');
  const out: Difference[] = [];
  // No extension at all means every purpose: losing a purpose means it is absent from the new list.
  const allows = (e: typeof oe, oid: string) => !e || e.oids.includes(oid) || e.oids.includes('2.5.29.37.0');
  const lost = [SERVER_AUTH, CLIENT_AUTH, ...(oe?.oids ?? [])].filter((oid, i, all) => all.indexOf(oid) === i && allows(oe, oid) && !allows(ne, oid));
  for (const oid of lost) {
    const name = names.get(oid) ?? (oid === SERVER_AUTH ? 'Server Authentication' : oid === CLIENT_AUTH ? 'Client Authentication' : oid);
    let impact: Impact = 'review';
    let why = `The new certificate no longer allows ${name}; check nothing uses the certificate for it.`;
    if (oid === SERVER_AUTH) {
      impact = 'breaks';
      why = 'Server Authentication is gone: no TLS server (IIS, SMTP, SIP) can use the certificate (GEN-L1).';
    } else if (oid === CLIENT_AUTH) {
      why = 'Client Authentication is gone: where the server also acts as a TLS client (Edge federation, UM ↔ Lync MTLS, SMTP to partners) the peer may refuse it (EDGE-08; public CAs drop it from 2026, PUB-05).';
      if (has(ctx, 'edge-external')) impact = 'review';
    }
    out.push(diff('eku', 'Extended key usage', show(oe), show(ne), impact, why, oid === SERVER_AUTH ? 'lync.server-auth-eku' : undefined));
  }
  if (out.length === 0 && show(oe) !== show(ne)) {
    out.push(diff('eku', 'Extended key usage', show(oe), show(ne), 'none', 'Purposes were added; none the role relies on was removed.'));
  }
  return out;
}

function keyUsageDifferences(o: DiffSide, n: DiffSide): Difference[] {
  const ou = o.subject.certificate.keyUsage?.usages ?? [];
  const nu = n.subject.certificate.keyUsage?.usages ?? [];
  if (ou.join() === nu.join()) return [];
  const hadExt = !!o.subject.certificate.keyUsage;
  const hasExt = !!n.subject.certificate.keyUsage;
  const lost = hasExt ? (hadExt ? ou.filter((u) => !nu.includes(u)) : []) : [];
  const show = (u: string[], ext: boolean) => (ext ? u.join(', ') || '(empty)' : '(no key usage extension)');
  const impact: Impact = lost.length ? 'review' : 'none';
  const why = lost.length
    ? `The new certificate no longer allows ${lost.join(', ')}; an RSA TLS server key needs Digital Signature and Key Encipherment (certreq KeyUsage=0xa0, WIN-02).`
    : 'No usage the old certificate allowed was removed.';
  return [diff('keyUsage', 'Key usage', show(ou, hadExt), show(nu, hasExt), impact, why)];
}

// ---------------------------------------------------------------------------------------------
// Key, provider, signature

function keyText(c: DiffSide['subject']['certificate']): string {
  return `${c.keyAlgorithm} ${c.keySize}${c.publicKey.curve ? ` (${c.publicKey.curve})` : ''}`;
}

function keyDifferences(o: DiffSide, n: DiffSide): Difference[] {
  const oc = o.subject.certificate;
  const nc = n.subject.certificate;
  const out: Difference[] = [];
  if (oc.keyAlgorithm !== nc.keyAlgorithm) {
    const toEc = nc.keyAlgorithm !== 'RSA';
    out.push(
      diff(
        'key.algorithm',
        'Key algorithm',
        keyText(oc),
        keyText(nc),
        toEc ? 'breaks' : 'none',
        toEc
          ? `The key is now ${nc.keyAlgorithm}. Windows keeps non-RSA keys only in a CNG Key Storage Provider, and Exchange OWA/ECP/UM, the Auth certificate and Lync/SfB need a legacy CSP (WIN-01, GEN-L8).`
          : 'The key is RSA again, which every role supports.',
        'general.key-provider-cng',
      ),
    );
  } else if (oc.keySize !== nc.keySize || oc.publicKey.curve !== nc.publicKey.curve) {
    const weaker = nc.keySize < oc.keySize;
    const tooSmall = nc.keyAlgorithm === 'RSA' && nc.keySize < 2048;
    out.push(
      diff(
        'key.size',
        'Key size',
        keyText(oc),
        keyText(nc),
        tooSmall ? 'breaks' : weaker ? 'review' : 'none',
        tooSmall
          ? `An RSA key under 2048 bits is refused by public CAs, the Microsoft root program and the OAuth roles (PUB-04, OA-LY-02).`
          : weaker
            ? 'The new key is shorter than the old one; it is still within what the products accept.'
            : 'A longer key changes nothing for the role (Exchange and Lync/SfB accept 2048 and 4096 bits).',
        'general.rsa-key-size',
      ),
    );
  }
  if (oc.publicKey.spkiSha256 === nc.publicKey.spkiSha256) {
    out.push(diff('key.pair', 'Key pair', 'same key', 'same key', 'none', 'Renewed with the same key pair: the private key already on the servers completes it.'));
  }
  return out;
}

function providerDifferences(o: DiffSide, n: DiffSide): Difference[] {
  const op = o.subject.key?.provider;
  const np = n.subject.key?.provider;
  if (!np || op === np) return [];
  const toKsp = isKsp(np) && !(op && isKsp(op));
  return [
    diff(
      'key.provider',
      'Key provider',
      op ?? '(not named)',
      np,
      toKsp ? 'breaks' : 'none',
      toKsp
        ? 'The key moves to a CNG Key Storage Provider: OWA/ECP silently return to the sign-in page, UM fails with event 1079, Lync/SfB fail with "The buffer supplied to a function was too small" (WIN-01, GEN-L8).'
        : 'The provider changes between legacy CSPs, which every role supports.',
      'general.key-provider-cng',
    ),
  ];
}

function signatureDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const oc = o.subject.certificate;
  const nc = n.subject.certificate;
  if (oc.signatureAlgorithmOid === nc.signatureAlgorithmOid && oc.signatureHash === nc.signatureHash) return [];
  const show = (c: typeof oc) => `${c.signatureAlgorithm}${c.signatureHash ? ` (${c.signatureHash})` : ''}`;
  if (nc.signatureAlgorithmOid === RSASSA_PSS && oc.signatureAlgorithmOid !== RSASSA_PSS) {
    const lync = LYNC_TLS_ROLES.some((r) => ctx.roles.includes(r));
    return [diff('signature', 'Signature', show(oc), show(nc), lync ? 'breaks' : 'review', 'RSASSA-PSS signatures are not supported by Lync/SfB ("errors on login and call forwarding", GEN-L3).', 'lync.no-rsassa-pss')];
  }
  if (nc.signatureHash === 'SHA-1' && oc.signatureHash !== 'SHA-1') {
    return [diff('signature', 'Signature', show(oc), show(nc), 'breaks', 'SHA-1 signatures are distrusted by browsers and banned for public certificates since 2016 (PUB-03).', 'general.sha1-signature')];
  }
  return [diff('signature', 'Signature', show(oc), show(nc), 'none', 'Both hashes are supported by every role.')];
}

// ---------------------------------------------------------------------------------------------
// Issuer and chain

function issuerDifferences(o: DiffSide, n: DiffSide): Difference[] {
  const oc = o.subject.certificate;
  const nc = n.subject.certificate;
  const out: Difference[] = [];
  if (oc.issuer !== nc.issuer) {
    out.push(
      diff(
        'issuer',
        'Issuer',
        oc.issuer,
        nc.issuer,
        'review',
        nc.selfSigned
          ? 'The new certificate is self-signed: only the Exchange Auth certificate may be; every server and client that connects must trust it explicitly.'
          : `A new issuing CA: install "${nc.issuerCommonName ?? nc.issuer}" in Intermediate Certification Authorities on every server that presents the certificate (and the Edge), or the chain sent to clients is incomplete.`,
      ),
    );
  } else if (oc.authorityKeyIdentifier && nc.authorityKeyIdentifier && oc.authorityKeyIdentifier !== nc.authorityKeyIdentifier) {
    out.push(diff('issuer.key', 'Issuing CA key', oc.authorityKeyIdentifier, nc.authorityKeyIdentifier, 'review', 'Same CA name, new CA key (the CA was renewed): install its new certificate in Intermediate Certification Authorities on every server.'));
  }
  const oRoot = rootOf(o);
  const nRoot = rootOf(n);
  if (oRoot && nRoot && oRoot.key !== nRoot.key) {
    const trusted = n.subject.trust?.status === 'trusted';
    out.push(
      diff(
        'chain.root',
        'Root CA',
        oRoot.name,
        nRoot.name,
        trusted ? 'review' : 'breaks',
        trusted
          ? `The chain ends in a different root (${nRoot.name}, ${anchorText(n)}); make sure every server and partner trusts it before the switch.`
          : `The chain ends in a different root (${nRoot.name}) that CertBench was not told to trust: servers and partners that do not trust it yet refuse the certificate. Add it to the environment's trustedRoots or pass --trust once it is deployed everywhere.`,
        'general.chain-trust',
      ),
    );
  }
  return out;
}

function rootOf(side: DiffSide): { name: string; key: string } | null {
  const chain = side.subject.trust?.chain;
  const last = chain && chain.length > 1 ? chain[chain.length - 1] : null;
  if (!last) return null;
  return { name: last.subject, key: last.sha256 ?? last.subject };
}

function anchorText(side: DiffSide): string {
  const a = side.subject.trust?.anchor;
  return a === 'public' ? 'a public root' : a === 'environment' ? 'a root in your environment' : a === 'trust-file' ? 'a root given with --trust' : 'not trusted';
}

// ---------------------------------------------------------------------------------------------
// Validity, URLs, template

const day = (iso: string) => iso.slice(0, 10);

function validityDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const oc = o.subject.certificate;
  const nc = n.subject.certificate;
  const out: Difference[] = [];
  const range = (c: typeof oc) => `${day(c.notBefore)} → ${day(c.notAfter)}`;
  if (Date.parse(nc.notBefore) > ctx.at.getTime()) {
    out.push(diff('validity', 'Validity', range(oc), range(nc), 'review', `The new certificate is not valid before ${nc.notBefore}: assign it on or after that moment.`, 'general.not-yet-valid'));
  } else if (Date.parse(nc.notAfter) < Date.parse(oc.notAfter)) {
    out.push(diff('validity', 'Validity', range(oc), range(nc), 'review', `The new certificate expires before the old one (${day(nc.notAfter)} instead of ${day(oc.notAfter)}): plan the next renewal earlier.`));
  } else if (range(oc) !== range(nc)) {
    out.push(diff('validity', 'Validity', range(oc), range(nc), 'none', `Valid until ${day(nc.notAfter)}.`));
  }
  return out;
}

function urlDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const out: Difference[] = [];
  const oc = o.subject.certificate;
  const nc = n.subject.certificate;
  const lync = LYNC_TLS_ROLES.some((r) => ctx.roles.includes(r));
  const cdpOld = oc.crlDistributionPoints.join(', ');
  const cdpNew = nc.crlDistributionPoints.join(', ');
  if (cdpOld !== cdpNew) {
    const lost = oc.crlDistributionPoints.length > 0 && nc.crlDistributionPoints.length === 0;
    out.push(
      diff(
        'cdp',
        'CRL distribution points',
        cdpOld || '(none)',
        cdpNew || '(none)',
        lost ? (lync ? 'breaks' : 'review') : 'review',
        lost
          ? 'The new certificate has no CRL distribution point; Lync/SfB require one on every server certificate (GEN-L2).'
          : 'New CRL location: every server (and the Edge over TCP 80, EDGE-09) must reach it, or revocation checks fail.',
        lost ? 'lync.crl-distribution-point' : undefined,
      ),
    );
  }
  const aia = (c: typeof oc) => [...c.authorityInfoAccess.caIssuers, ...c.authorityInfoAccess.ocsp.map((u) => `OCSP ${u}`)].join(', ');
  if (aia(oc) !== aia(nc)) {
    out.push(diff('aia', 'Authority information access', aia(oc) || '(none)', aia(nc) || '(none)', 'review', 'The CA certificate and OCSP locations changed: servers that fetch the chain or check revocation online must reach the new URLs.'));
  }
  return out;
}

function templateDifferences(o: DiffSide, n: DiffSide): Difference[] {
  const show = (c: DiffSide['subject']['certificate']) => (c.template ? [c.template.name, c.template.oid].filter(Boolean).join(' ') || '(unnamed)' : '(none)');
  const ot = show(o.subject.certificate);
  const nt = show(n.subject.certificate);
  if (ot === nt) return [];
  return [diff('template', 'Certificate template', ot, nt, 'review', 'A different AD CS template: check it allows an exportable key, the legacy CSP and the EKU the role needs.')];
}

// ---------------------------------------------------------------------------------------------
// Private key and PFX

function privateKeyDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const oh = o.subject.certificate.hasPrivateKey;
  const nh = n.subject.certificate.hasPrivateKey;
  if (oh === nh || !oh) return [];
  const shared = has(ctx, 'edge-external', 'sfb-oauth', 'exchange-auth');
  return [
    diff(
      'privateKey',
      'Private key in the file',
      'yes (exportable)',
      'no',
      'review',
      shared
        ? 'The new file has no private key. This role needs the same exportable key on every server (EDGE-04, OA-LY-04, OA-EX-03): complete the request where it was made and export a PFX with the key.'
        : 'The new file has no private key: complete the request on the server that made it (Import-ExchangeCertificate / certreq -accept), or open the PFX instead.',
    ),
  ];
}

function pfxDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
  const op = o.subject.container?.profile;
  const np = n.subject.container?.profile;
  if (!np || op === np) return [];
  if (np === 'aes') {
    const old = (ctx.environment.exchangeServers ?? []).filter((s) => s.os && PRE_AES_WINDOWS.has(s.os)).map((s) => `${s.fqdn} (Windows Server ${s.os})`);
    return [
      diff(
        'pfx.encryption',
        'PFX encryption',
        op ?? '(not a PFX)',
        'aes',
        old.length ? 'breaks' : 'review',
        old.length
          ? `The new PFX is AES-only; ${old.join(', ')} cannot import it ("requires either a different password or membership in an Active Directory principal", PFX-01). Re-export with certbench pfx --profile legacy.`
          : 'The new PFX is AES-only: Windows Server 2016 and older cannot import it (PFX-01). Re-export with certbench pfx --profile legacy for those servers.',
        'general.pfx-aes-old-windows',
      ),
    ];
  }
  return [diff('pfx.encryption', 'PFX encryption', op ?? '(not a PFX)', np, 'none', 'Every supported Windows version imports this profile.')];
}
