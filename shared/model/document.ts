// What one opened file holds. Produced by `decodeDocument` in shared/x509/decode.ts.
import type { CertificateModel, KeyAlgorithm } from './certificate.js';
import type { RequestModel } from './request.js';

export type DocumentKind =
  | 'certificate' // one DER/PEM/Base64 certificate
  | 'bundle' // PEM with several blocks (certificates, keys, requests)
  | 'pkcs7' // P7B / P7C certs-only
  | 'pkcs12' // PFX / P12
  | 'request' // PKCS#10
  | 'private-key' // a key and nothing else
  | 'crl'; // a certificate revocation list (opened beside the certificates; shared/x509/crl.ts)

export type Encoding = 'pem' | 'der' | 'base64';

/** A private key found in the file. The key bytes stay in a KeyStore, never here. */
export interface KeyInfo {
  /** Handle into the KeyStore given to the decoder (absent when no store was given). */
  id?: string;
  algorithm: KeyAlgorithm;
  size: number;
  curve?: string;
  /** Index into DecodedDocument.certificates of the matching certificate, or null. */
  certificateIndex: number | null;
  /** PEM ENCRYPTED PRIVATE KEY that could not be opened (no password given). */
  locked?: boolean;
  friendlyName?: string;
  /** Windows CSP / KSP name stored with the key in a PFX (1.3.6.1.4.1.311.17.1). */
  provider?: string;
}

/** How one part of a PFX is protected. */
export interface Pkcs12Protection {
  /** What this part holds: the certificate bag(s) or the shrouded key bag(s). */
  part: 'certificates' | 'key';
  /** e.g. `AES-256-CBC`, `3DES-CBC`, `RC2-40-CBC`, `none`. */
  cipher: string;
  /** `PBES2/PBKDF2-HMAC-SHA256`, `PKCS#12 PBE (SHA-1)`, or `none`. */
  scheme: string;
  iterations: number;
}

export interface Pkcs12Info {
  /** `HMAC-SHA1`, `HMAC-SHA256`, … or `none`. */
  mac: string;
  macIterations: number;
  protections: Pkcs12Protection[];
  /**
   * A one-word summary of the encryption profile:
   * `aes` (PBES2, Windows Server 2019 / Windows 10 1709+ only), `3des` (works everywhere),
   * `rc2-3des` (Windows' classic export, OpenSSL 3 needs -legacy), `mixed`, `none`.
   */
  profile: 'aes' | '3des' | 'rc2-3des' | 'mixed' | 'none';
}

export interface DecodedDocument {
  kind: DocumentKind;
  encoding: Encoding;
  certificates: CertificateModel[];
  request?: RequestModel;
  keys: KeyInfo[];
  container?: Pkcs12Info;
  /** Any certificate in the file has its private key alongside. */
  hasPrivateKey: boolean;
  /** Things the admin should know that did not stop the file from opening. */
  notes: string[];
}
