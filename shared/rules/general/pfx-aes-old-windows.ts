// Requirement: a PFX protected with PBES2/AES-256 imports only on Windows 10 1709 / Server 2019
// or later; Server 2016 (1607) and 2012 R2 refuse it. OpenSSL 3 writes AES by default.
// Citation: Microsoft PKCS12_PBES2_EXPORT_PARAMS; CertificateDsc PfxImport; openssl-pkcs12.
// A server's Windows version counts only for the servers the role's certificate goes to: the
// Exchange servers' OS says nothing about an Edge or Front End PFX (the environment records no
// OS for Lync/SfB servers, so there it is a note).
import type { ExchangeServer, WindowsServerVersion } from '../../environment/types.js';
import type { RuleContext } from '../engine/types.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { targetExchangeServer } from '../helpers/environment.js';

const TOO_OLD: readonly WindowsServerVersion[] = ['2008R2', '2012', '2012R2', '2016'];
const FIX =
  'Re-export the PFX with 3DES for older Windows: openssl pkcs12 -export -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -macalg sha1 (or Export-PfxCertificate -CryptoAlgorithmOption TripleDES_SHA1).';

export default defineRule({
  id: 'general.pfx-aes-old-windows',
  title: 'PFX encryption imports on the target Windows version',
  requirement: 'A PFX encrypted with AES-256 (PBES2) imports only on Windows Server 2019 / Windows 10 1709 or later; use 3DES for Server 2016 and older.',
  roles: ['general'],
  source: 'microsoft',
  citation: CITE.S36,
  maxStatus: 'warn',
  symptoms:
    'Import fails with "The PFX file you are trying to import requires either a different password or membership in an Active Directory principal to which it is protected."',
  subjects: ['certificate'],
  outcomes: {
    pass: { status: 'pass', title: 'PFX encryption imports on the target Windows version' },
    'aes-old-windows': { status: 'warn', title: 'AES-encrypted PFX for an older Windows Server' },
    'aes-windows-unknown': { status: 'info', title: 'AES-encrypted PFX; target Windows unknown' },
  },
  applies: (ctx) => ctx.subject.kind === 'certificate' && !!ctx.subject.container,
  check(ctx) {
    const container = ctx.subject.kind === 'certificate' ? ctx.subject.container! : null!;
    const usesAes = container.profile === 'aes' || container.protections.some((p) => /AES/i.test(p.cipher));
    if (!usesAes) {
      const ciphers = [...new Set(container.protections.map((p) => p.cipher))].join(', ') || container.profile;
      return { outcome: 'pass', detail: `The PFX is protected with ${ciphers}, which every Windows Server version imports.`, fieldPath: 'container.profile' };
    }
    const targets = targetServers(ctx);
    const old = targets.filter((s) => s.os && TOO_OLD.includes(s.os));
    const whatBreaks =
      'Import fails with "The PFX file you are trying to import requires either a different password or membership in an Active Directory principal to which it is protected."';
    if (old.length > 0) {
      return {
        outcome: 'aes-old-windows',
        detail: `The PFX is encrypted with AES-256 (PBES2), but ${old.map((s) => `${s.fqdn} runs Windows Server ${s.os}`).join(', ')}; Windows before 1709 / Server 2019 cannot import it.`,
        fix: FIX,
        whatBreaks,
        fieldPath: 'container.profile',
      };
    }
    const known = targets.filter((s) => s.os);
    if (known.length > 0) {
      return { outcome: 'pass', detail: `The PFX is encrypted with AES-256; ${known.map((s) => s.fqdn).join(', ')} run${known.length === 1 ? 's' : ''} Windows Server ${[...new Set(known.map((s) => s.os))].join(', ')}, which import${known.length === 1 ? 's' : ''} it.`, fieldPath: 'container.profile' };
    }
    const lyncOnly = targets.length === 0 && (ctx.has('edge-external') || ctx.has('edge-internal') || ctx.has('sfb-oauth'));
    return {
      outcome: 'aes-windows-unknown',
      detail: `The PFX is encrypted with AES-256 (PBES2, the OpenSSL 3 default): it imports on Windows Server 2019 / Windows 10 1709 and later only. The environment does not say which Windows ${lyncOnly ? 'the Lync/SfB servers (Edge, Front End) run' : 'the servers run'}.`,
      fix: `If any target server runs Windows Server 2016 or older: ${FIX}`,
      whatBreaks,
      fieldPath: 'container.profile',
    };
  },
});

/**
 * The servers this PFX will be imported on, as far as the environment records their Windows:
 * Exchange roles → the target Exchange server (or all of them); Lync/SfB roles → none (the
 * environment has no OS for Edge or Front End servers); general alone → every Exchange server.
 */
function targetServers(ctx: RuleContext): ExchangeServer[] {
  const exchangeRole = ctx.has('exchange-um') || ctx.has('owa-im') || ctx.has('exchange-auth');
  const lyncRole = ctx.has('edge-external') || ctx.has('edge-internal') || ctx.has('sfb-oauth');
  const all = ctx.env.exchangeServers ?? [];
  if (lyncRole && !exchangeRole) return [];
  if (ctx.has('exchange-um')) {
    const target = targetExchangeServer(ctx);
    if (target && target.how !== 'only') return [target.server];
  }
  return all;
}
