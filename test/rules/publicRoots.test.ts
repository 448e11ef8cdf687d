// A self-made CA named like a public root — same name, same key identifier — must not make its
// certificates public (issue 14): public roots are matched by key, never by name alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocuments } from '../../shared/rules/checkDocuments.js';
import { buildTrust } from '../../shared/trust/buildTrust.js';
import { publicRootBySha256, publicRootBySpkiSha256 } from '../../shared/trust/publicRoots.js';
import { PUBLIC_ROOTS } from '../../shared/trust/publicRoots.generated.js';
import { decodeFile } from '../support/decodeFile.js';
import { makeWorkDir, openssl, removeWorkDir } from '../support/openssl.js';
import { statusOf } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const ISRG = PUBLIC_ROOTS.find((r) => r.subject === 'CN=ISRG Root X1, O=Internet Security Research Group, C=US')!;
let dir: string;
let leafPem: string;
let fakeRootPem: string;

beforeAll(() => {
  dir = makeWorkDir('fake-public-root');
  const f = (n: string) => path.join(dir, n);
  // The impostor: ISRG Root X1's name and subject key identifier, its own key.
  fs.writeFileSync(
    f('root.cnf'),
    `[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nC=US\nO=Internet Security Research Group\nCN=ISRG Root X1\n` +
      `[ext]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=${ISRG.ski!.replace(/(..)(?!$)/g, '$1:')}\n`,
  );
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('root.key'), '-config', f('root.cnf'), '-days', '3650', '-set_serial', '1', '-out', f('root.pem')]);
  fs.writeFileSync(f('leaf.cnf'), `[ext]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:sip.contoso.com,DNS:webconf.contoso.com\nauthorityKeyIdentifier=keyid\n`);
  fs.writeFileSync(f('req.cnf'), '[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=sip.contoso.com\n');
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('leaf.key'), '-config', f('req.cnf'), '-out', f('leaf.csr')]);
  openssl(['x509', '-req', '-in', f('leaf.csr'), '-CA', f('root.pem'), '-CAkey', f('root.key'), '-set_serial', '2', '-days', '200', '-extfile', f('leaf.cnf'), '-extensions', 'ext', '-out', f('leaf.pem')]);
  leafPem = f('leaf.pem');
  fakeRootPem = f('root.pem');
});
afterAll(() => removeWorkDir(dir));

describe('public roots are matched by key', () => {
  it('the impostor root really carries the public root\'s name and key identifier (the test would catch a name match)', async () => {
    const root = (await decodeFile(fakeRootPem)).certificates[0]!;
    expect(root.subjectKeyIdentifier?.replace(/:/g, '').toUpperCase()).toBe(ISRG.ski);
    expect(publicRootBySha256(root.sha256)).toBeUndefined();
    expect(publicRootBySpkiSha256(root.publicKey.spkiSha256)).toBeUndefined();
  });

  it('a leaf of a self-made CA named like ISRG Root X1 is not public; the chain says why', async () => {
    const leaf = (await decodeFile(leafPem)).certificates[0]!;
    const trust = await buildTrust(leaf, { at: AT });
    expect(trust.publicCa).toBe(false);
    expect(trust.anchor).toBeNull();
    expect(trust.status).toBe('incomplete');
    expect(trust.problems.join(' ')).toMatch(/does not verify with that root's key/);
  });

  it('so the Edge external rules do not take it for a public certificate', async () => {
    const document = await decodeFile(leafPem);
    const [r] = await checkDocuments([{ file: 'leaf.pem', document }], { role: 'edge-external', environment: { sipDomains: ['contoso.com'] }, at: AT });
    expect(statusOf(r!, 'edge-external.public-ca')).not.toBe('pass');
  });

  it('every Node root is still public by its own certificate, and each list entry carries its key', () => {
    expect(PUBLIC_ROOTS.every((r) => /^[0-9A-F]{64}$/.test(r.spkiSha256) && r.spki.length > 100)).toBe(true);
  });
});
