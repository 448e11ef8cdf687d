// Requirement: FQDNs in Lync/SfB certificates use only A–Z, a–z, 0–9 and hyphens — no
// underscore, no Unicode. Citation: Microsoft SfB 2015 environmental requirements (DNS).
import { LYNC_TLS_ROLES } from '../engine/roles.js';
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { badFqdnCharacters } from '../helpers/names.js';

export default defineRule({
  id: 'lync.fqdn-characters',
  title: 'Names use only letters, digits and hyphens',
  requirement: 'The CN and SAN DNS names must use only A-Z, a-z, 0-9 and hyphens (no underscores, no Unicode).',
  roles: LYNC_TLS_ROLES,
  source: 'microsoft',
  citation: CITE.S17b,
  maxStatus: 'error',
  outcomes: {
    pass: { status: 'pass', title: 'Names use only letters, digits and hyphens' },
    'bad-characters': { status: 'error', title: 'Names hold characters Lync/SfB do not accept' },
  },
  applies: (ctx) => !!ctx.fields.commonName || ctx.fields.dnsNames.length > 0,
  check(ctx) {
    const names = [...(ctx.fields.commonName ? [ctx.fields.commonName] : []), ...ctx.fields.dnsNames];
    const bad = names.map((n) => ({ n, chars: badFqdnCharacters(n) })).filter((x) => x.chars.length > 0);
    if (bad.length === 0) return { outcome: 'pass', detail: 'All names use letters, digits and hyphens only.', fieldPath: 'subjectAltNames.dns' };
    return {
      outcome: 'bad-characters',
      detail: `These names contain characters Lync/SfB do not accept in an FQDN: ${bad.map((b) => `${b.n} (${b.chars.map((c) => JSON.stringify(c)).join(' ')})`).join(', ')}.`,
      fix: 'Use DNS names made of letters, digits and hyphens only (rename the host or pool, or add a compliant alias) and re-issue.',
      fieldPath: bad.some((b) => b.n === ctx.fields.commonName) ? 'commonName' : 'subjectAltNames.dns',
    };
  },
});
