// The one entry point for opening a file: bytes (+ password) → DecodedDocument.
// The format is sniffed from the bytes, never the file name. Every failure is an InputError
// whose message names the file and says what to do.
import { displayName } from '../encoding/displayName.js';
import type { DecodedDocument } from '../model/document.js';
import { listingOf, type DocumentListing } from '../model/listing.js';
import { buildDocument } from './buildDocument.js';
import { listCertificate } from './certificate.js';
import { collect } from './collect.js';
import { toInputError } from './decodeErrors.js';
import { InputError } from './inputError.js';
import { MAX_FILE_BYTES } from './limits.js';
import { tooLargeMessage } from '../files/accepted.js';
import type { KeyStore } from './keyStore.js';
import type { Pkcs12Contents } from './pkcs12/openPfx.js';

export { MAX_FILE_BYTES };

export interface DecodeOptions {
  /** The name to use in messages (the path as the user gave it). */
  fileName: string;
  /** PFX / encrypted-key password. Undefined means "none given" (empty passwords are tried). */
  password?: string;
  /** Where private keys go; without a store they are discarded after matching. */
  keyStore?: KeyStore;
  /** How a PFX is opened: here by default; the app passes its pool of decryption workers. */
  openPfx?: (der: Uint8Array, password: string | undefined) => Promise<Pkcs12Contents>;
}

export async function decodeDocument(bytes: Uint8Array, given: DecodeOptions): Promise<DecodedDocument> {
  const options = checkedOptions(bytes, given);
  try {
    const collected = await collect(bytes, options);
    return await buildDocument(collected, options);
  } catch (e) {
    throw toInputError(e, options.fileName);
  }
}

/**
 * What a list of open files shows of this one, for opening folders of thousands. A file that
 * holds only certificates is read by the lean listing parse; its full model is for
 * `decodeDocument` later (the same bytes give the same certificates). Any other file — a
 * PFX, a key, a request — is decoded in full, and that model is returned too, so a password
 * is never needed twice. Accepts and refuses exactly the files `decodeDocument` does.
 */
export async function listDocument(bytes: Uint8Array, given: DecodeOptions): Promise<{ listing: DocumentListing; document?: DecodedDocument }> {
  const options = checkedOptions(bytes, given);
  try {
    const collected = await collect(bytes, options);
    const certificatesOnly = collected.kind !== 'pkcs12' && collected.keys.length === 0 && collected.lockedKeys === 0 && collected.requests.length === 0;
    if (!certificatesOnly) {
      const document = await buildDocument(collected, options);
      return { listing: listingOf(document), document };
    }
    return {
      listing: { kind: collected.kind, certificates: collected.certificates.map((c) => listCertificate(c.der)), request: null, keyCount: 0, hasPrivateKey: false },
    };
  } catch (e) {
    throw toInputError(e, options.fileName);
  }
}

/** Size checks, and the file name made safe for messages (never raw control characters). */
function checkedOptions(bytes: Uint8Array, given: DecodeOptions): DecodeOptions {
  const options: DecodeOptions = { ...given, fileName: displayName(given.fileName) };
  const file = options.fileName;
  if (bytes.length === 0) throw new InputError('empty', `${file} is empty: export the certificate again.`);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new InputError('too-large', tooLargeMessage(file));
  }
  return options;
}

