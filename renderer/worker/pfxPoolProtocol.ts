// The messages between the decoder worker and a PFX decryption worker, and the errors that
// cross between them: decode.ts tells a wrong password from a damaged or unsupported file by
// the error's class, so each is sent as a description and made again on the other side.
import { Asn1Error } from '../../shared/asn1/der.js';
import { Pkcs12PasswordError, type Pkcs12Contents } from '../../shared/x509/pkcs12/openPfx.js';
import { UnsupportedAlgorithm } from '../../shared/x509/pkcs12/passwordBasedEncryption.js';

export interface PfxJob {
  der: Uint8Array;
  password: string | undefined;
}

export type PfxErrorDescription =
  | { type: 'password'; reason: 'wrong' | 'required' }
  | { type: 'unsupported'; message: string }
  | { type: 'asn1'; kind: Asn1Error['kind']; message: string }
  | { type: 'other'; message: string };

export type PfxJobResult = { contents: Pkcs12Contents } | { error: PfxErrorDescription };

export function describePfxError(error: unknown): PfxErrorDescription {
  if (error instanceof Pkcs12PasswordError) return { type: 'password', reason: error.reason };
  if (error instanceof UnsupportedAlgorithm) return { type: 'unsupported', message: error.message };
  if (error instanceof Asn1Error) return { type: 'asn1', kind: error.kind, message: error.message };
  return { type: 'other', message: error instanceof Error ? error.message : String(error) };
}

export function pfxErrorFrom(description: PfxErrorDescription): Error {
  switch (description.type) {
    case 'password':
      return new Pkcs12PasswordError(description.reason);
    case 'unsupported':
      return new UnsupportedAlgorithm(description.message);
    case 'asn1':
      return new Asn1Error(description.kind, description.message);
    default:
      return new Error(description.message);
  }
}

/** A decryption stopped by the user; the file keeps waiting for its password. */
export class PfxCancelled extends Error {
  override readonly name = 'PfxCancelled';
  readonly code = 'cancelled';
  constructor() {
    super('stopped');
  }
}
