// certbench pfx --cert ISSUED --key KEY.pem [--chain FILE] --profile modern|legacy --out OUT.pfx
//   [--passphrase-env VAR | --passphrase-file F]   (the key's passphrase, for an encrypted key)
//   (--password-env VAR | --password-file F)       (the new PFX password)
//   [--friendly-name NAME] [--force]
import { resolve } from 'node:path';
import { ArgError, parseArgs } from '../args.js';
import { readInput } from '../inputFiles.js';
import { EXIT_INPUT, EXIT_OK, type CommandRunner } from '../io.js';
import { readSecret } from '../passwords.js';
import { displayText } from '../../shared/encoding/displayText.js';
import { newSecretProblem } from '../../shared/crypto/newSecret.js';
import { checkTargets, writeFileSafely, type SafeWriteOptions } from '../safeWrite.js';
import { KeyFileError, readPrivateKeyPem } from '../../shared/csr/encryptedKey.js';
import { fromBase64 } from '../../shared/encoding/base64.js';
import { buildPfx } from '../../shared/pfx/buildPfx.js';
import { keyMatchesCertificate } from '../../shared/pfx/keyMatch.js';
import { PfxError } from '../../shared/pfx/pfxError.js';
import { isPfxProfile, PFX_PROFILES } from '../../shared/pfx/profiles.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';
import { validateFriendlyName } from '../../shared/powershell/validate.js';
import { parseCertificate } from '../../shared/x509/certificate.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError } from '../../shared/x509/inputError.js';

const PROFILE_TEXT = {
  modern: 'AES-256-CBC / PBKDF2-HMAC-SHA256, SHA-256 MAC: Windows Server 2019 and later',
  legacy: '3DES / SHA-1 MAC: imports on Windows Server 2012 R2 and 2016 too',
} as const;

/** The DER certificates in a certificate, PEM bundle or P7B file. */
async function certificatesIn(file: string, cwd: string): Promise<Uint8Array[]> {
  const doc = await decodeDocument(readInput(file, cwd), { fileName: file });
  const ders = doc.certificates.map((c) => fromBase64(c.der)).filter((d): d is Uint8Array => d !== null);
  if (ders.length === 0) throw new InputError('not-a-certificate', `${file} holds no certificate: give the issued certificate (.cer, .pem or .p7b).`);
  return ders;
}

export const pfx: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    {
      cert: 'string',
      key: 'string',
      chain: 'string',
      profile: 'string',
      out: 'string',
      'passphrase-env': 'string',
      'passphrase-file': 'string',
      'password-env': 'string',
      'password-file': 'string',
      'friendly-name': 'string',
      force: 'boolean',
    },
    'pfx',
  );
  if (args.positional.length > 0) throw new ArgError(`certbench pfx: unexpected argument "${args.positional[0]}".`);
  const { cert, key, chain, out } = args.strings;
  if (cert === undefined) throw new ArgError('certbench pfx: --cert ISSUED is required (the certificate the CA issued).');
  if (key === undefined) throw new ArgError('certbench pfx: --key KEY.pem is required (the key written by certbench request).');
  if (out === undefined) throw new ArgError('certbench pfx: --out OUT.pfx is required.');
  const profile = args.strings.profile;
  if (profile === undefined || !isPfxProfile(profile)) {
    throw new ArgError(`certbench pfx: --profile must be one of ${PFX_PROFILES.join(', ')} (legacy for Windows Server 2012 R2 / 2016, modern for 2019 and later).`);
  }
  const password = readSecret(args, io, 'password');
  if (password === undefined || password === '') {
    throw new ArgError('certbench pfx: give the new PFX password with --password-env VAR or --password-file FILE.');
  }
  // One rule for new secrets in every shell (shared/crypto/newSecret.ts).
  const weak = newSecretProblem(password, 'PFX password');
  if (weak) throw new ArgError(`certbench pfx: ${weak} Nothing was written.`);
  const passphrase = readSecret(args, io, 'passphrase');
  const friendlyName = args.strings['friendly-name'];
  // Refused before any work: an existing --out without --force, or --out naming an input.
  const outPath = resolve(io.cwd, out);
  const writeOptions: SafeWriteOptions = {
    command: 'certbench pfx',
    force: args.flags.has('force'),
    existsHint: 'choose another --out or add --force',
    cwd: io.cwd,
    inputs: [cert, key, chain, args.strings['password-file'], args.strings['passphrase-file']].filter((x): x is string => x !== undefined),
  };
  checkTargets([{ path: outPath, shown: out }], writeOptions);

  let pkcs8: Uint8Array | undefined;
  try {
    if (friendlyName !== undefined) validateFriendlyName(friendlyName, '--friendly-name');
    let keyText: string;
    try {
      const keyBytes = readInput(key, io.cwd);
      keyText = new TextDecoder().decode(keyBytes);
      keyBytes.fill(0);
    } catch (e) {
      if (e instanceof InputError) throw new ArgError(`certbench pfx: ${e.message}`);
      throw e;
    }
    try {
      pkcs8 = await readPrivateKeyPem(keyText, passphrase);
    } catch (e) {
      if (e instanceof KeyFileError) throw new ArgError(`certbench pfx: ${key}: ${e.message}`);
      throw e;
    }

    // The leaf is the certificate in --cert that the key belongs to; the others join the chain.
    const certs = await certificatesIn(cert, io.cwd);
    let leafIndex = 0;
    for (let i = 0; i < certs.length; i++) {
      const parsed = await parseCertificate(certs[i]);
      if (await keyMatchesCertificate(pkcs8, parsed.publicKey).catch(() => false)) {
        leafIndex = i;
        break;
      }
    }
    const chainCerts = [...certs.filter((_, i) => i !== leafIndex), ...(chain !== undefined ? await certificatesIn(chain, io.cwd) : [])];
    const built = await buildPfx({
      certificate: certs[leafIndex],
      chain: chainCerts,
      pkcs8,
      password,
      profile,
      ...(friendlyName !== undefined ? { friendlyName } : {}),
    });
    // A PFX holds the key: mode 0600, also when it replaces a file (--force).
    writeFileSafely({ path: outPath, shown: out, data: built.der, secret: true }, writeOptions);
    io.out(
      displayText(`Wrote ${outPath}: certificate ${built.thumbprint} ("${built.friendlyName}") with its key and ${built.chainLength} chain certificate(s); profile ${profile} (${PROFILE_TEXT[profile]}).\n`),
    );
    return EXIT_OK;
  } catch (e) {
    if (e instanceof PfxError || isUnsafeValueError(e)) {
      io.err(`certbench pfx: ${e.message}\n`);
      return EXIT_INPUT;
    }
    if (e instanceof InputError) {
      io.err(`certbench pfx: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  } finally {
    pkcs8?.fill(0);
  }
};

pfx.usage = `Usage: certbench pfx --cert ISSUED --key KEY.pem [--chain FILE] --profile modern|legacy --out OUT.pfx
                     [--passphrase-env VAR | --passphrase-file F]
                     (--password-env VAR | --password-file F) [--friendly-name NAME] [--force]

Complete an issued certificate and its key into a PFX Windows can import.

Options:
  --cert ISSUED         the certificate the CA issued (.cer, .pem or .p7b)
  --key KEY.pem         the key written by certbench request
  --chain FILE          intermediate and root certificates to include
  --profile P           modern (AES-256, Windows Server 2019 and later) or legacy (3DES / SHA-1,
                        2012 R2 and 2016)
  --passphrase-env VAR | --passphrase-file F   the key's passphrase, for an encrypted key
  --password-env VAR | --password-file F       the new PFX password (never on the command line)
  --friendly-name NAME  the name Windows shows
  --force               replace OUT.pfx if it exists
`;
