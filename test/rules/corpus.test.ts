// Verdicts on certificates none of us made (.NET's Windows-made test assets, see
// test/data/dotnet/README.md), expected findings as sets — an expert's reading of each.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocuments } from '../../shared/rules/checkDocuments.js';
import type { RoleChoice } from '../../shared/rules/engine/roles.js';
import { corpusDir } from '../support/corpus.js';
import { decodeFile } from '../support/decodeFile.js';
import { problems, outcomes } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const dotnet = (name: string) => path.join(corpusDir('dotnet'), name);

async function verdictOf(name: string, role: RoleChoice, server?: string, password?: string) {
  const document = await decodeFile(dotnet(name), password ? { password } : {});
  const results = await checkDocuments([{ file: name, document }], { role, environment: {}, at: AT, ...(server ? { server } : {}) });
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('real-world certificates', () => {
  it('a Windows-made server certificate (PFX with its test root) is right for UM but its root is unknown', async () => {
    const r = await verdictOf('System.Net.TestData__TestData__testservereku.contoso.com.pfx', 'exchange-um', 'testservereku.contoso.com', 'testcertificate');
    expect(problems(r)).toEqual(['exchange-um.client-auth-eku:info', 'general.chain-trust:warn']);
    expect(outcomes(r)).toEqual(['exchange-um.client-auth-eku/missing', 'general.chain-trust/untrusted-root']);
    expect(r.verdict).toBe('warn');
  });

  it('a client-authentication-only certificate cannot serve UM', async () => {
    const r = await verdictOf('System.Net.TestData__TestData__testclienteku.contoso.com.p7b', 'exchange-um', 'testservereku.contoso.com');
    expect(problems(r)).toEqual(['exchange-um.cn-is-server-fqdn:error', 'exchange-um.san-optional:info', 'general.chain-trust:warn', 'lync.server-auth-eku:error']);
    expect(outcomes(r)).toEqual(['exchange-um.cn-is-server-fqdn/other-name', 'exchange-um.san-optional/other-names', 'general.chain-trust/untrusted-root', 'lync.server-auth-eku/missing']);
  });

  it('an old self-signed 1024-bit SHA-1 certificate fails on every count', async () => {
    const r = await verdictOf('System.Security.Cryptography.X509Certificates.TestData__TestData__My.cer', 'general');
    expect(problems(r)).toEqual(['general.chain-trust:info', 'general.expired:error', 'general.rsa-key-size:error', 'general.sha1-signature:info']);
    expect(outcomes(r)).toEqual(['general.chain-trust/self-signed', 'general.expired/expired', 'general.rsa-key-size/rsa-too-small', 'general.sha1-signature/sha1-self-signed']);
  });

  it('a self-signed server certificate is refused for UM', async () => {
    const r = await verdictOf('System.Net.TestData__TestData__testselfsignedservereku.contoso.com.cer', 'exchange-um', 'testselfsignedservereku.contoso.com');
    expect(problems(r)).toEqual(['exchange-um.client-auth-eku:info', 'exchange-um.san-optional:info', 'general.chain-trust:info', 'general.cn-in-san:info', 'lync.not-self-signed:error']);
    expect(outcomes(r)).toEqual(['exchange-um.client-auth-eku/missing', 'exchange-um.san-optional/no-san', 'general.chain-trust/self-signed', 'general.cn-in-san/no-san-cn-read', 'lync.not-self-signed/self-signed']);
  });
});
