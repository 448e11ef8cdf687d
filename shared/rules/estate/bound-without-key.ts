// Requirement: a certificate bound to a service must have its private key on that server;
// without it the service cannot complete a TLS handshake (Enable-ExchangeCertificate refuses
// such a certificate, but a key lost after binding leaves the binding in place).
// Citation: Microsoft, Enable-ExchangeCertificate; Get-ExchangeCertificate HasPrivateKey.
import { defineEstateRule, type EstateOutcome } from './types.js';
import { ESTATE_CITE } from './citations.js';
import { labels, listed, serviceBindings, shortSubject, thumb } from './helpers.js';

export default defineEstateRule({
  id: 'estate.bound-without-key',
  title: 'Bound certificates have their private key',
  requirement: 'A certificate bound to an Exchange service must have its private key on that server.',
  source: 'microsoft',
  citation: ESTATE_CITE.EXCHANGE_KEY,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', meaning: 'Every bound certificate whose key state is known has its private key.' },
    'no-key': { status: 'error', meaning: 'A certificate bound to a service has no private key on that server.' },
    'not-applicable': { status: 'not_applicable', meaning: 'The snapshot does not say whether bound certificates have their keys (e.g. Lync/SfB rows only).' },
  },
  check(ctx) {
    const known = ctx.entries.filter((e) => serviceBindings(e).length > 0 && e.binding.exchangeRow?.hasPrivateKey !== undefined);
    if (known.length === 0) return [];
    const bad = known.filter((e) => e.binding.exchangeRow!.hasPrivateKey === false);
    if (bad.length === 0) return [{ outcome: 'pass', title: `All ${known.length} bound Exchange certificates have their private key`, detail: 'Get-ExchangeCertificate reports HasPrivateKey True for every certificate bound to a service.' }];
    const out: EstateOutcome[] = [{
      outcome: 'no-key',
      title: `Certificate bound without its private key on ${labels([...new Set(bad.map((e) => e.host))])}`,
      detail: listed(bad.map((e) => `${shortSubject(e)} (${e.result.thumbprint ?? 'masked'}) on ${e.host.fqdn}, bound to ${serviceBindings(e).join(', ')}`)) + ': HasPrivateKey is False.',
      fix: 'Import the certificate again from a PFX that holds its private key (Import-ExchangeCertificate -Server <server> -FileData … -Password …), or repair the key link with certutil -repairstore my <serial>; then bind it again.',
      whatBreaks: 'The services it is bound to cannot complete TLS on that server.',
      servers: bad.map((e) => e.host.fqdn),
      thumbprints: bad.flatMap(thumb),
    }];
    return out;
  },
});
