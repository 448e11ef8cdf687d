// A value that must not go into a generated script or request (hostile or malformed).
// One sentence, naming the field and what to do; the CLI prints it and exits with code 2.

export type UnsafeValueCode =
  | 'empty'
  | 'control-character'
  | 'quote-look-alike'
  | 'bad-fqdn'
  | 'wildcard'
  | 'bad-thumbprint'
  | 'bad-path'
  | 'bad-name'
  | 'unsupported';

export class UnsafeValueError extends Error {
  override readonly name = 'UnsafeValueError';
  constructor(
    readonly code: UnsafeValueCode,
    /** What the value was for, e.g. `--server` or `environment sipDomains[1]`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function isUnsafeValueError(value: unknown): value is UnsafeValueError {
  return value instanceof UnsafeValueError;
}
