// Every way a file can be unusable ends in one InputError: one sentence that names the file
// and says what to do. Shells print `message` as is — never a stack trace.

export type InputErrorCode =
  | 'empty'
  | 'too-large'
  | 'truncated'
  | 'malformed'
  | 'not-a-certificate'
  | 'bad-base64'
  | 'unsupported'
  | 'wrong-password'
  | 'password-required'
  | 'too-deep'
  | 'unreadable';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
