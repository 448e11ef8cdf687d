// Requirement: the server a check is made for must be a server of the role's product. A name the
// environment knows selects that server or pool (an Edge computer or any Edge pool name selects
// that Edge pool for both Edge roles); a server the environment lists under another product is
// said so, and is not used as the wrong kind of name (an Exchange server is not an "Edge
// internal FQDN"). CertBench's own rule: the environment is the admin's own statement.
import type { RoleId } from '../engine/roles.js';
import type { RuleContext } from '../engine/types.js';
import { defineRule } from '../helpers/defineRule.js';
import { knownServer, type KnownServer } from '../helpers/environment.js';

/** The product whose server each role's certificate sits on (general: any). */
const PRODUCT_OF: Partial<Record<RoleId, KnownServer['product']>> = {
  'exchange-um': 'exchange',
  'owa-im': 'exchange',
  'exchange-auth': 'exchange',
  'edge-external': 'edge',
  'edge-internal': 'edge',
  'sfb-oauth': 'sfb',
};

const PRODUCT_WORDS: Record<KnownServer['product'], string> = {
  exchange: 'an Exchange server',
  edge: 'a Lync/SfB Edge server or pool',
  sfb: 'a Lync/SfB Front End pool or server',
};

function describe(known: KnownServer, name: string): string {
  switch (known.product) {
    case 'exchange':
      return `${name} is an Exchange server${known.server.version ? ` (Exchange ${known.server.version})` : ''}`;
    case 'edge':
      return `${name} belongs to the Edge pool ${known.pool.internalFqdn ?? known.pool.accessEdgeFqdn ?? ''}`.trim();
    case 'sfb':
      return `${name} belongs to the Lync/SfB pool ${known.pool.fqdn}`;
  }
}

function expected(ctx: RuleContext): KnownServer['product'][] {
  return [...new Set(ctx.roles.map((r) => PRODUCT_OF[r]).filter((p): p is KnownServer['product'] => !!p))];
}

export default defineRule({
  id: 'general.named-server-product',
  title: 'Named server is of the role\'s product',
  requirement: 'The server a certificate is checked for must be one of the role\'s product (Exchange for UM, OWA IM and Auth; an Edge pool for the Edge roles); a server the environment lists under another product is not used.',
  roles: ['general'],
  source: 'workbench',
  citation: 'CertBench: the environment names each server\'s product; a server is not taken for the wrong kind of name',
  maxStatus: 'warn',
  outcomes: {
    pass: { status: 'pass', title: 'Named server is of the role\'s product' },
    'other-product': { status: 'warn', title: 'Named server belongs to another product', meaning: 'The environment lists the named server under another product; it is not used as this role\'s server name.' },
  },
  applies: (ctx) => !!ctx.server && expected(ctx).length > 0 && knownServer(ctx.env, ctx.server) !== null,
  check(ctx) {
    const name = ctx.server!;
    const known = knownServer(ctx.env, name)!;
    const want = expected(ctx);
    if (want.includes(known.product)) {
      const pool = known.product === 'edge' ? ' — its pool\'s names are used for both Edge interfaces' : '';
      return { outcome: 'pass', detail: `${describe(known, name)} in the environment${pool}.` };
    }
    return {
      outcome: 'other-product',
      title: `${name} is not ${want.map((p) => PRODUCT_WORDS[p]).join(' or ')}`,
      detail: `${describe(known, name)} in the environment, not ${want.map((p) => PRODUCT_WORDS[p]).join(' or ')}. CertBench did not use it as this role's server name; the role's rules matched the certificate against the environment instead.`,
      fix: `Name the server the certificate is for (${want.map((p) => PRODUCT_WORDS[p]).join(' or ')}); if the certificate is meant for ${name}, check it for a role of that server.`,
    };
  },
});
