// Why a PFX could not be built: one sentence the CLI prints before exiting with code 2.
export class PfxError extends Error {
  override readonly name = 'PfxError';
  constructor(
    readonly code: 'key-mismatch' | 'unsupported-key' | 'empty-password' | 'bad-certificate' | 'bad-chain',
    message: string,
  ) {
    super(message);
  }
}
