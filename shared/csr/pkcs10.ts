// The PKCS#10 request (RFC 2986) built with pkijs and signed with a WebCrypto key: subject CN,
// and in one extensionRequest attribute the SAN (dNSName entries), key usage and EKU.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { keySpec } from './keys.js';
import { SUBJECT_FIELD_ORDER } from './subjectFields.js';
import { toPem } from './pem.js';
import { validateDraft, type RequestDraft } from './draft.js';

const OID_CN = '2.5.4.3';
const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_SAN = '2.5.29.17';
const OID_KEY_USAGE = '2.5.29.15';
const OID_EKU = '2.5.29.37';

export interface BuiltRequest {
  der: Uint8Array;
  pem: string;
}

function keyUsageExtension(isRsa: boolean): pkijs.Extension {
  // RSA: digitalSignature + keyEncipherment (0xA0, as KeyUsage = 0xa0 in the INF, WIN-02).
  // EC: digitalSignature only (an EC key cannot encipher).
  const bits = isRsa ? new Uint8Array([0xa0]) : new Uint8Array([0x80]);
  const value = new asn1js.BitString({ valueHex: bits, unusedBits: isRsa ? 5 : 7 });
  return new pkijs.Extension({ extnID: OID_KEY_USAGE, critical: true, extnValue: value.toBER(false) });
}

function sanExtension(names: string[]): pkijs.Extension {
  const san = new pkijs.GeneralNames({ names: names.map((value) => new pkijs.GeneralName({ type: 2, value })) });
  return new pkijs.Extension({ extnID: OID_SAN, critical: false, extnValue: san.toSchema().toBER(false) });
}

function ekuExtension(oids: string[]): pkijs.Extension {
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: oids });
  return new pkijs.Extension({ extnID: OID_EKU, critical: false, extnValue: eku.toSchema().toBER(false) });
}

/** Builds and signs the request for `draft` with `keys`. The draft is re-validated first. */
export async function buildPkcs10(input: RequestDraft, keys: CryptoKeyPair): Promise<BuiltRequest> {
  const draft = validateDraft(input);
  const spec = keySpec(draft.key);
  const csr = new pkijs.CertificationRequest();
  csr.version = 0;
  // RDNs from the least specific (C) to the CN, as a CA's DN reads in DER order, each in its own
  // SET: pkijs would put every attribute into one multi-valued RDN (CN=…+O=…), so the sequence is
  // built here and parsed back (pkijs then writes the bytes it was given).
  const attributes: pkijs.AttributeTypeAndValue[] = [];
  for (const field of [...SUBJECT_FIELD_ORDER].reverse()) {
    const value = draft.subjectFields?.[field.key];
    if (!value) continue;
    const asn = field.key === 'country' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value });
    attributes.push(new pkijs.AttributeTypeAndValue({ type: field.oid, value: asn }));
  }
  attributes.push(new pkijs.AttributeTypeAndValue({ type: OID_CN, value: new asn1js.Utf8String({ value: draft.commonName }) }));
  const rdnSequence = new asn1js.Sequence({ value: attributes.map((a) => new asn1js.Set({ value: [a.toSchema()] })) });
  csr.subject = new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(rdnSequence.toBER(false)).result });
  await csr.subjectPublicKeyInfo.importKey(keys.publicKey);

  const extensions: pkijs.Extension[] = [keyUsageExtension(draft.key.startsWith('rsa'))];
  if (draft.dnsNames.length > 0) extensions.push(sanExtension(draft.dnsNames));
  if (draft.ekus.length > 0) extensions.push(ekuExtension(draft.ekus));
  csr.attributes = [
    new pkijs.Attribute({
      type: OID_EXTENSION_REQUEST,
      values: [new pkijs.Extensions({ extensions }).toSchema()],
    }),
  ];
  await csr.sign(keys.privateKey, spec.hash);
  const der = new Uint8Array(csr.toSchema(true).toBER(false));
  return { der, pem: toPem('CERTIFICATE REQUEST', der) };
}
