// From what a file holds to the DecodedDocument: certificates parsed, the first request, each
// private key matched to its certificate by public key and handed to the KeyStore (its bytes
// zeroed here), and the notes a person should read.
import { bytesEqual } from '../encoding/hex.js';
import type { CertificateModel } from '../model/certificate.js';
import type { DecodedDocument, KeyInfo } from '../model/document.js';
import type { RequestModel } from '../model/request.js';
import { parseCertificate, type ParsedCertificate } from './certificate.js';
import type { Collected } from './collect.js';
import type { DecodeOptions } from './decode.js';
import { parseRequest } from './request.js';

export async function buildDocument(c: Collected, options: DecodeOptions): Promise<DecodedDocument> {
  const parsed: ParsedCertificate[] = await Promise.all(c.certificates.map((x) => parseCertificate(x.der)));
  const certificates: CertificateModel[] = parsed.map((p, i) => {
    const friendlyName = c.certificates[i]!.friendlyName;
    return friendlyName ? { ...p.model, friendlyName } : p.model;
  });
  const requests: RequestModel[] = [];
  for (const r of c.requests) requests.push((await parseRequest(r)).model);
  if (requests.length > 1) c.notes.push(`This file holds ${requests.length} requests; only the first is shown.`);

  const keys: KeyInfo[] = c.keys.map((k) => {
    const index = k.publicMaterial ? parsed.findIndex((p) => bytesEqual(p.publicKey.keyMaterial, k.publicMaterial!)) : -1;
    if (index >= 0) certificates[index] = { ...certificates[index]!, hasPrivateKey: true };
    const info: KeyInfo = {
      algorithm: k.algorithm,
      size: k.size,
      ...(k.curve ? { curve: k.curve } : {}),
      certificateIndex: index >= 0 ? index : null,
      ...(k.friendlyName ? { friendlyName: k.friendlyName } : {}),
      ...(k.provider ? { provider: k.provider } : {}),
    };
    if (options.keyStore) {
      info.id = options.keyStore.put(k.pkcs8, {
        algorithm: k.algorithm,
        ...(index >= 0 ? { spkiSha256: certificates[index]!.publicKey.spkiSha256 } : {}),
      });
    }
    k.pkcs8.fill(0);
    return info;
  });
  for (let i = 0; i < c.lockedKeys; i++) keys.push({ algorithm: 'unknown', size: 0, certificateIndex: null, locked: true });
  if (keys.some((k) => k.certificateIndex === null && !k.locked) && certificates.length > 0) {
    c.notes.push('A private key in this file matches none of its certificates.');
  }
  return {
    kind: c.kind,
    encoding: c.encoding,
    certificates,
    ...(requests[0] ? { request: requests[0] } : {}),
    keys,
    ...(c.container ? { container: c.container } : {}),
    hasPrivateKey: certificates.some((x) => x.hasPrivateKey),
    notes: c.notes,
  };
}

