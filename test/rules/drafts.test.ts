// A request CertBench drafts must pass CertBench's own rules for its role: no error, no
// warning — a warning on our own request would be advice we did not follow (issue 14: the
// edge-external request carried Client Authentication and then warned about it).
import { describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import { generateKeyPair } from '../../shared/csr/keys.js';
import { buildPkcs10 } from '../../shared/csr/pkcs10.js';
import { REQUEST_ROLES } from '../../shared/csr/roles.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { CONTOSO } from '../csr/environment.js';

describe('every role: the drafted request passes its own rules without a warning', () => {
  for (const role of REQUEST_ROLES) {
    it(role, async () => {
      const draft = draftFor(role, CONTOSO);
      const csr = await buildPkcs10(draft, await generateKeyPair(draft.key));
      const doc = await decodeDocument(csr.der, { fileName: `${role}.csr` });
      // The host-bound roles are checked for the server the draft was made for.
      const server = role === 'exchange-auth' || role === 'sfb-oauth' ? {} : { server: draft.commonName };
      const result = evaluate({ kind: 'request', request: doc.request! }, role, CONTOSO, new Date('2026-01-15T00:00:00Z'), server);
      const bad = result.findings.filter((f) => f.status === 'error' || f.status === 'fatal' || f.status === 'warn');
      expect(bad.map((f) => `${f.ruleId}:${f.status} ${f.detail}`)).toEqual([]);
      expect(result.verdict).toBe('pass');
    });
  }
});
