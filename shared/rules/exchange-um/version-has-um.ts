// Requirement: Exchange 2019 (and Subscription Edition) have no Unified Messaging — Cloud
// Voicemail replaces it — so there is no UM certificate to assign there; Exchange 2013/2016
// assign UM and UMCallRouter, with UMStartupMode TLS or Dual first.
// With Skype for Business Server 2019 the pages disagree: its "What's new" says "Exchange UM
// remains available in Skype for Business Server 2019 when you integrate Skype for Business 2019
// with Exchange 2013 or Exchange 2016", while the UM planning and voicemail pages point 2019 to
// Cloud Voicemail — a documented conflict, so a warning citing both, never an error.
// Citation: Microsoft "Plan for Exchange UM integration in SfB"; JJ687983; SfB 2019 What's new.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { targetExchangeServer, umUnavailableReason } from '../helpers/environment.js';

export default defineRule({
  id: 'exchange-um.version-has-um',
  title: 'The Exchange version has Unified Messaging',
  requirement: 'Exchange UM certificates exist only on Exchange 2010–2016; Exchange 2019 has no UM (Cloud Voicemail replaces it).',
  roles: ['exchange-um'],
  source: 'microsoft',
  citation: `${CITE.S2}; ${CITE.S3}; ${CITE.SFB2019_UM}`,
  maxStatus: 'warn',
  outcomes: {
    pass: { status: 'pass', title: 'The Exchange version has Unified Messaging' },
    'no-um': { status: 'warn', title: 'This Exchange version has no Unified Messaging' },
    sfb2019: { status: 'warn', title: 'Exchange UM with Skype for Business Server 2019 (sources disagree)', meaning: 'SfB 2019\'s "What\'s new" keeps Exchange UM (2013/2016) available; the UM planning pages direct 2019 to Cloud Voicemail.' },
  },
  applies: (ctx) => !!targetExchangeServer(ctx)?.server.version || (ctx.env.sfbPools ?? []).some((p) => p.version === 'SfB2019'),
  check(ctx) {
    const reason = umUnavailableReason(ctx);
    if (reason) {
      return {
        outcome: 'no-um',
        detail: `${reason}: there is no UM service to assign this certificate to, and the other UM rules were skipped.`,
        fix: 'Use Cloud Voicemail with Skype for Business Server 2019, or keep UM on an Exchange 2016 server and check the certificate for that server.',
        fieldPath: 'commonName',
      };
    }
    const server = targetExchangeServer(ctx)?.server;
    const sfb2019 = (ctx.env.sfbPools ?? []).filter((p) => p.version === 'SfB2019').map((p) => p.fqdn);
    const conflict = sfb2019.length
      ? ` ${sfb2019.join(', ')} run${sfb2019.length === 1 ? 's' : ''} Skype for Business Server 2019. Microsoft's pages disagree here: "What's new in Skype for Business Server 2019" says Exchange UM remains available with Exchange 2013 or 2016, while the UM planning pages direct 2019 to Cloud Voicemail.`
      : '';
    const fix2019 = 'Keep UM on Exchange 2013/2016 only if you accept that Microsoft de-emphasises it with SfB 2019; plan Cloud Voicemail.';
    if (!server?.version) {
      // Only reached through the SfB 2019 pools (the rule applies when either is known).
      return {
        outcome: 'sfb2019',
        detail: `The environment does not give the Exchange version of the UM server.${conflict}`,
        fix: fix2019,
      };
    }
    const assign =
      server.version === '2013'
        ? 'on the Mailbox server Enable-ExchangeCertificate -Services UM, on the Client Access server -Services UMCallRouter'
        : server.version === '2016'
          ? 'Enable-ExchangeCertificate -Services UM,UMCallRouter on the Mailbox server'
          : 'Enable-ExchangeCertificate -Services UM on the UM server';
    return {
      outcome: sfb2019.length ? 'sfb2019' : 'pass',
      detail: `${server.fqdn} runs Exchange ${server.version}, which has UM. Assign the certificate with ${assign}, after Set-UMService / Set-UMCallRouterSettings -UMStartupMode TLS or Dual, then restart MSExchangeUM and MSExchangeUMCR.${conflict}`,
      ...(sfb2019.length ? { fix: fix2019 } : {}),
    };
  },
});
