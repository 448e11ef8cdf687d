// Requirement: the Edge external certificate's subject is the Access Edge FQDN (or its VIP),
// an explicit name. Lync 2013 calls this "no longer a requirement but still recommended" (OCS
// compatibility), so a different CN is a warning; a wildcard CN is lync.cn-not-wildcard's error.
// Citation: Microsoft Gg398920.
import { CITE } from '../helpers/citations.js';
import { defineRule } from '../helpers/defineRule.js';
import { howFound, targetEdgePool } from '../helpers/environment.js';
import { sameFqdn } from '../helpers/names.js';

export default defineRule({
  id: 'edge-external.cn-is-access-edge',
  title: 'CN is the Access Edge FQDN',
  requirement: 'The Edge external certificate\'s subject CN should be the Access Edge FQDN (e.g. sip.contoso.com).',
  roles: ['edge-external'],
  source: 'microsoft',
  citation: CITE.S16,
  maxStatus: 'warn',
  outcomes: {
    pass: { status: 'pass', title: 'CN is the Access Edge FQDN' },
    'access-edge-unknown': { status: 'info', title: 'Access Edge FQDN unknown: CN not compared' },
    'other-name': { status: 'warn', title: 'CN is not the Access Edge FQDN' },
  },
  applies: () => true,
  check(ctx) {
    const cn = ctx.fields.commonName;
    const target = targetEdgePool(ctx, 'external');
    const access = target?.server.accessEdgeFqdn;
    if (!access) {
      return {
        outcome: 'access-edge-unknown',
        detail: `The CN is ${cn ?? '(none)'}; the environment names no Access Edge FQDN to compare it with.`,
        fix: 'Add edgePools[].accessEdgeFqdn to the environment, or name the Access Edge FQDN as the server this certificate is for.',
        fieldPath: 'commonName',
      };
    }
    if (sameFqdn(cn, access)) return { outcome: 'pass', detail: `The CN ${cn} is the Access Edge FQDN (${howFound(target.how)}).`, fieldPath: 'commonName' };
    return {
      outcome: 'other-name',
      detail: `The CN is ${cn ?? '(none)'}, not the Access Edge FQDN ${access}. Lync 2013 and later accept this, but Microsoft still recommends the Access Edge FQDN as the subject (older OCS partners rely on it).`,
      fix: `Use CN=${access} in the next request.`,
      fieldPath: 'commonName',
    };
  },
});
