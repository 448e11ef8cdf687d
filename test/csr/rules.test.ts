// A draft's request passes the same rules as certificates for its role (no error, no fatal).
import { describe, expect, it } from 'vitest';
import { draftFor } from '../../shared/csr/draft.js';
import { generateKeyPair } from '../../shared/csr/keys.js';
import { buildPkcs10 } from '../../shared/csr/pkcs10.js';
import { REQUEST_ROLES } from '../../shared/csr/roles.js';
import { evaluate } from '../../shared/rules/index.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { CONTOSO } from './environment.js';

const SERVER: Record<string, string | undefined> = {
  'exchange-um': 'ex1.contoso.com',
  'owa-im': 'owa.contoso.com',
  'edge-external': 'sip.contoso.com',
  'edge-internal': 'edge-int.contoso.com',
};

describe('drafts pass their own role rules', () => {
  for (const role of REQUEST_ROLES) {
    it(role, async () => {
      const draft = draftFor(role, CONTOSO);
      const csr = await buildPkcs10(draft, await generateKeyPair(draft.key));
      const doc = await decodeDocument(csr.der, { fileName: `${role}.csr` });
      expect(doc.request).toBeDefined();
      const server = SERVER[role];
      const result = evaluate({ kind: 'request', request: doc.request! }, role, CONTOSO, new Date('2026-01-15T00:00:00Z'), server ? { server } : {});
      const bad = result.findings.filter((f) => f.status === 'error' || f.status === 'fatal');
      expect(bad.map((f) => `${f.ruleId}: ${f.detail}`)).toEqual([]);
      expect(result.verdict).not.toBe('fail');
    });
  }
});
