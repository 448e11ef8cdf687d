// Field by field: what differs between the certificate in service and its renewal, and what
// that difference does to the role. The rule verdicts (diff.ts) judge the new certificate on its
// own; this file says what changed *between* the two — a name dropped from the SAN, a key moved
// to a CNG provider, a new issuing CA — which no single-certificate rule can see.
import { LYNC_TLS_ROLES } from '../rules/engine/roles.js';
import { isWildcard, listCoversByWildcard, listHasExact, sameFqdn } from '../rules/helpers/names.js';
import type { Difference, DiffSide, Impact } from './diffTypes.js';
import { diff, has, type FieldContext } from './differenceHelpers.js';
import { keyDifferences, pfxDifferences, privateKeyDifferences, providerDifferences, signatureDifferences } from './keyDifferences.js';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

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

