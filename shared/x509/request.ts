// PKCS#10 certificate requests, as certreq, New-ExchangeCertificate -GenerateRequest and
// Request-CsCertificate write them. The requested SAN/EKU live in the extensionRequest attribute.
import { Asn1Error, TAG, TagClass, children, encoding, readRoot } from '../asn1/der.js';
import { readBitStringBytes, readOid, readString } from '../asn1/values.js';
import { digestSync } from '../crypto/digestEngine.js';
import { verifySignature } from '../crypto/verifySignature.js';
import { toBase64 } from '../encoding/base64.js';
import { toHex } from '../encoding/hex.js';
import type { RequestModel } from '../model/request.js';
import { readSignatureAlgorithm } from './algorithms.js';
import { emptyExtensions, readExtensions, type DecodedExtensions } from './extensions.js';
import { allValues, lastValue, readName } from './name.js';
import { OID } from './oidNames.js';
import { publicKeyInfo, readPublicKey, type ParsedPublicKey } from './publicKey.js';

export interface ParsedRequest {
  model: RequestModel;
  publicKey: ParsedPublicKey;
}

export async function parseRequest(input: Uint8Array): Promise<ParsedRequest> {
  const root = readRoot(input);
  const der = root.totalEnd === input.length ? input : input.subarray(0, root.totalEnd);
  const [info, sigAlg, sigValue] = children(root);
  if (!info || !sigAlg || !sigValue) throw new Asn1Error('malformed', 'the request is incomplete');
  const fields = children(info);
  const subjectTlv = fields[1];
  const spkiTlv = fields[2];
  if (!subjectTlv || !spkiTlv || subjectTlv.tagNumber !== TAG.SEQUENCE) throw new Asn1Error('malformed', 'the request has no subject or key');
  const subjectName = readName(subjectTlv);
  const publicKey = readPublicKey(spkiTlv);
  const sig = readSignatureAlgorithm(sigAlg);

  let extensions: DecodedExtensions = emptyExtensions();
  let cryptographicProvider: string | undefined;
  const attrs = fields[3];
  if (attrs && attrs.tagClass === TagClass.Context && attrs.tagNumber === 0) {
    for (const attr of children(attrs)) {
      const [typeTlv, values] = children(attr);
      const type = readOid(typeTlv!);
      const first = values ? children(values)[0] : undefined;
      if (!first) continue;
      if (type === OID.extensionRequest || type === OID.msExtensionRequest) {
        extensions = readExtensions(first);
      } else if (type === OID.msEnrollmentCsp) {
        // SEQUENCE { keySpec INTEGER, cspName BMPString, signature BIT STRING }
        const name = children(first).find((t) => t.tagNumber === TAG.BMPString);
        if (name) cryptographicProvider = readString(name);
      }
    }
  }

  const sha256 = digestSync('SHA-256', der);
  const spkiSha256 = digestSync('SHA-256', publicKey.spki);
  const [signatureValid] = await Promise.all([
    verifySignature({
      algorithmOid: sig.oid,
      hash: sig.hash,
      spki: publicKey.spki,
      data: encoding(info),
      signature: readBitStringBytes(sigValue),
      ...(publicKey.curve ? { curve: publicKey.curve } : {}),
    }),
  ]);

  const model: RequestModel = {
    subject: subjectName.text,
    subjectName,
    commonName: lastValue(subjectName, OID.commonName),
    commonNames: allValues(subjectName, OID.commonName),
    dnsNames: extensions.subjectAltNames.dns,
    subjectAltNames: extensions.subjectAltNames,
    keyAlgorithm: publicKey.algorithm,
    keySize: publicKey.size,
    publicKey: publicKeyInfo(publicKey, toHex(spkiSha256)),
    signatureAlgorithm: sig.name,
    signatureAlgorithmOid: sig.oid,
    signatureHash: sig.hash,
    keyUsage: extensions.keyUsage,
    extendedKeyUsage: extensions.extendedKeyUsage,
    template: extensions.template,
    extensions: extensions.extensions,
    ...(cryptographicProvider ? { cryptographicProvider } : {}),
    sha256: toHex(sha256),
    signatureValid,
    der: toBase64(der),
  };
  return { model, publicKey };
}
