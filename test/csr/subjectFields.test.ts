// Issue 16 item 6: a PKI team's request carries O, OU, L, ST, C and the CA template; the CSR, the
// certreq INF and the server-side scripts all say the same subject.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFor, validateDraft } from '../../shared/csr/draft.js';
import { certreqInf } from '../../shared/csr/inf.js';
import { generateKeyPair } from '../../shared/csr/keys.js';
import { buildPkcs10 } from '../../shared/csr/pkcs10.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { subjectDn } from '../../shared/csr/subjectFields.js';

const env = { edgePools: [{ accessEdgeFqdn: 'sip.contoso.com', webConferencingEdgeFqdn: 'webconf.contoso.com', internalFqdn: 'edge.contoso.local' }], sipDomains: ['contoso.com'] };
const fields = { organization: 'Contoso Ltd', organizationalUnit: 'IT', locality: 'Berlin', state: 'Berlin', country: 'de' };

describe('subject fields and template', () => {
  it('the DN lists CN, OU, O, L, ST, C; the country is upper case', () => {
    expect(subjectDn('sip.contoso.com', fields)).toBe('CN=sip.contoso.com, OU=IT, O=Contoso Ltd, L=Berlin, ST=Berlin, C=DE');
  });

  it('refuses characters a DN or a script would read differently, and a country that is not two letters', () => {
    expect(() => validateDraft({ ...draftFor('edge-external', env), subjectFields: { organization: 'Contoso, Inc' } })).toThrow(/cannot carry/);
    expect(() => validateDraft({ ...draftFor('edge-external', env), subjectFields: { country: 'Germany' } })).toThrow(/two-letter/);
    expect(() => validateDraft({ ...draftFor('edge-external', env), template: 'Web"Server' })).toThrow(/template/);
  });

  it('the CSR carries the fields (read back by OpenSSL), the INF the DN and the template, the Lync script its parameters', async () => {
    const draft = validateDraft({ ...draftFor('edge-external', env), subjectFields: fields, template: 'LyncWebServer' });
    const keys = await generateKeyPair(draft.key);
    const csr = await buildPkcs10(draft, keys);
    const dir = mkdtempSync(path.join(tmpdir(), 'cb-subject-'));
    try {
      const file = path.join(dir, 'req.csr');
      writeFileSync(file, typeof csr === 'string' ? csr : (csr as { pem: string }).pem);
      const subject = execFileSync('openssl', ['req', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253'], { encoding: 'utf8' });
      expect(subject.trim()).toBe('subject=CN=sip.contoso.com,OU=IT,O=Contoso Ltd,L=Berlin,ST=Berlin,C=DE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const inf = certreqInf(draft);
    expect(inf).toContain('Subject = "CN=sip.contoso.com, OU=IT, O=Contoso Ltd, L=Berlin, ST=Berlin, C=DE"');
    expect(inf).toContain('[RequestAttributes]\r\nCertificateTemplate = "LyncWebServer"');
    const script = serverSideRequestScript(draft);
    expect(script).toContain("-Organization 'Contoso Ltd' -OU 'IT' -City 'Berlin' -State 'Berlin' -Country 'DE' -Template 'LyncWebServer'");
  });
});
