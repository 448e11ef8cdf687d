// Requirement: configure OWA IM the way the Exchange version expects — 2010 RTM web.config
// issuer + serial; 2010 SP1 Set-OwaVirtualDirectory; 2013 backend web.config (again after each
// CU); 2016/2019 New-SettingOverride (web.config is ignored; the thumbprint is the IIS
// certificate). Lync 2013 with Exchange 2016 or later is unsupported.
// Citation: Exchange Team Blog 2010 (seed 003); JJ688055; Exchange 2016/2019 IM docs (seed 000).
import type { ExchangeVersion } from '../../environment/types.js';
import type { RuleContext } from '../engine/types.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { spacedThumbprint } from '../../model/thumbprint.js';
import { configAttributeValue, psFqdnArg } from '../../powershell/fixText.js';

export default defineRule({
  id: 'owa-im.exchange-version-notes',
  title: 'OWA IM configuration for the Exchange version',
  requirement: 'OWA IM is configured differently per Exchange version, and Lync Server 2013 with Exchange 2016 or later is not supported.',
  roles: ['owa-im'],
  source: 'microsoft',
  citation: `${CITE.S9}; ${CITE.S11}; ${CITE.S12}`,
  maxStatus: 'warn',
  outcomes: {
    'lync2013-unsupported': { status: 'warn', title: 'OWA IM between Exchange 2016 or later and Lync Server 2013 is not supported' },
    notes: { status: 'info', title: 'How OWA IM is configured on this Exchange version' },
  },
  applies: (ctx) => versions(ctx).length > 0,
  check(ctx) {
    const vs = versions(ctx);
    const notes = vs.map((v) => noteFor(v, ctx));
    const modern = vs.some((v) => v === '2016' || v === '2019' || v === 'SE');
    const lync2013 = (ctx.env.sfbPools ?? []).filter((p) => p.version === 'Lync2013').map((p) => p.fqdn);
    if (modern && lync2013.length) {
      return {
        outcome: 'lync2013-unsupported',
        detail: `OWA IM between Exchange ${vs.join('/')} and Lync Server 2013 (${lync2013.join(', ')}) is not supported; use a Skype for Business Server pool. ${notes.join(' ')}`,
        fix: 'Point IMServerName at a Skype for Business Server 2015/2019 pool.',
      };
    }
    return { outcome: 'notes', detail: notes.join(' '), fieldPath: vs.includes('2010') ? 'serialNumber' : 'thumbprint' };
  },
});

function versions(ctx: RuleContext): ExchangeVersion[] {
  return [...new Set((ctx.env.exchangeServers ?? []).map((s) => s.version).filter((v): v is ExchangeVersion => !!v))];
}

function noteFor(version: ExchangeVersion, ctx: RuleContext): string {
  const thumb = ctx.certificate?.thumbprint ?? '<thumbprint of the issued certificate>';
  const pool = ctx.env.owaIm?.imServerName ?? '<Lync/SfB pool FQDN>';
  switch (version) {
    case '2010': {
      // The issuer DN is the certificate's own text: quoted into web.config only when it cannot break out.
      const issuer = configAttributeValue(ctx.certificate?.issuer, '<issuer DN>');
      const serial = ctx.certificate ? spacedThumbprint(ctx.certificate.serialNumber) : '<serial>';
      return `Exchange 2010 RTM reads ClientAccess\\Owa\\web.config: IMPoolName=${pool}, IMCertificateIssuer="${issuer}" (exactly as shown), IMCertificateSerialNumber="${serial}" (byte pairs with spaces); then iisreset /noforce.`;
    }
    case '2010SP1':
      return `Exchange 2010 SP1+: Set-OwaVirtualDirectory -InstantMessagingType OCS -InstantMessagingEnabled $true -InstantMessagingCertificateThumbprint ${thumb} -InstantMessagingServerName ${psFqdnArg(ctx.env.owaIm?.imServerName, '<Lync/SfB pool FQDN>')}, then iisreset /noforce; an OWA mailbox policy can override the virtual directory.`;
    case '2013':
      return `Exchange 2013: in the Mailbox servers' V15\\ClientAccess\\Owa\\web.config set IMCertificateThumbprint=${thumb} and IMServerName=${pool}, recycle MSExchangeOWAAppPool, and repeat after every CU; the certificate must be in LocalMachine\\My on each Mailbox server (event 112 from MSExchange OWA means it worked).`;
    default:
      return `Exchange ${version}: New-SettingOverride -Component OwaServer -Section IMSettings -Parameters @("IMServerName=${pool}","IMCertificateThumbprint=${thumb}"), refresh VariantConfiguration and Restart-WebAppPool MSExchangeOWAAppPool; web.config edits are ignored and the thumbprint must be the certificate assigned to IIS.`;
  }
}
