// Any failure while opening a file, as one InputError: a sentence that names the file and says
// what to do — never a stack, never a library's internal message.
import { Asn1Error } from '../asn1/der.js';
import { InputError } from './inputError.js';
import { Pkcs12PasswordError, UnsupportedAlgorithm } from './pkcs12/errors.js';

export function toInputError(e: unknown, file: string): InputError {
  if (e instanceof InputError) return e;
  if (e instanceof Pkcs12PasswordError) {
    return e.reason === 'wrong'
      ? new InputError('wrong-password', `The password for ${file} is wrong: try again with the password chosen when the PFX was exported.`)
      : new InputError('password-required', `${file} is protected by a password: give its password to open it.`);
  }
  if (e instanceof UnsupportedAlgorithm) {
    return new InputError('unsupported', `${file} uses ${e.message}, which CertBench cannot open: export it again as PFX with AES-256 or TripleDES.`);
  }
  if (e instanceof Asn1Error) {
    switch (e.kind) {
      case 'truncated':
        return new InputError('truncated', `${file} is cut off (${e.message}): copy or export the file again.`);
      case 'too-deep':
        return new InputError('too-deep', `${file} nests its structures deeper than any certificate file: it was not opened.`);
      case 'too-many':
        return new InputError('malformed', `${file} holds more elements than any certificate file: it was not opened.`);
      default:
        return new InputError('malformed', `${file} is damaged or not a certificate file (${e.message}): export it again.`);
    }
  }
  // Anything else is a structure the walker did not expect on hostile input: still one clear
  // sentence, never a stack (and never an internal message like "reading 'constructed'").
  return new InputError('malformed', `${file} is damaged or is not a certificate, request, P7B or PFX file: export it again.`);
}
