// The two ways opening a PFX can fail that a person must act on, in a module of their own:
// decodeErrors.ts turns them into sentences without loading the PFX reader itself, which
// collect.ts loads only when a file is a PFX.

export class Pkcs12PasswordError extends Error {
  override readonly name = 'Pkcs12PasswordError';
  constructor(readonly reason: 'wrong' | 'required') {
    super(reason === 'wrong' ? 'wrong password' : 'password required');
  }
}

export class UnsupportedAlgorithm extends Error {
  override readonly name = 'UnsupportedAlgorithm';
}
