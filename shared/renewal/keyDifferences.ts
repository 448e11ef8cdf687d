// The key side of a renewal: algorithm and size, the Windows provider the key lives in, the
// signature, whether the file carries the key, and how the PFX is encrypted.
import { isKsp } from '../rules/general/key-provider-cng.js';
import { LYNC_TLS_ROLES } from '../rules/engine/roles.js';
import type { Difference, DiffSide } from './diffTypes.js';
import { diff, has, type FieldContext } from './differenceHelpers.js';

const RSASSA_PSS = '1.2.840.113549.1.1.10';
/** Windows versions before 1709 / Server 2019: they cannot import an AES (PBES2) PFX (PFX-01). */
const PRE_AES_WINDOWS = new Set(['2008R2', '2012', '2012R2', '2016']);

// ---------------------------------------------------------------------------------------------
// Key, provider, signature

function keyText(c: DiffSide['subject']['certificate']): string {
  return `${c.keyAlgorithm} ${c.keySize}${c.publicKey.curve ? ` (${c.publicKey.curve})` : ''}`;
}

export function keyDifferences(o: DiffSide, n: DiffSide): Difference[] {
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

export function providerDifferences(o: DiffSide, n: DiffSide): Difference[] {
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

export function signatureDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
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
// Private key and PFX

export function privateKeyDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
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

export function pfxDifferences(o: DiffSide, n: DiffSide, ctx: FieldContext): Difference[] {
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
