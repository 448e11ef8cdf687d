// certbench request --role ROLE [--server FQDN] [--env ENV.json] [--key rsa2048|rsa3072|rsa4096|p256|p384]
//   --out DIR (--passphrase-env VAR | --passphrase-file F) [--force] [--json]
// Writes the CSR (PEM), the encrypted private key, the certreq INF and the server-side request
// script. The key is written only encrypted; without a passphrase nothing is written.
import { resolve, join } from 'node:path';
import { ArgError, parseArgs } from '../args.js';
import { EXIT_INPUT, EXIT_OK, type CommandRunner } from '../io.js';
import { readSecret } from '../passwords.js';
import { jsonOut } from '../io.js';
import { displayText } from '../../shared/encoding/displayText.js';
import { checkTargets, makeFolder, writeFilesSafely } from '../safeWrite.js';
import { draftFor, withKey } from '../../shared/csr/draft.js';
import { requestFileNames } from '../../shared/csr/fileNames.js';
import { certreqInf } from '../../shared/csr/inf.js';
import { generateRequestFiles, requestPassphraseProblem } from '../../shared/csr/requestFiles.js';
import { isKeyChoice, KEY_CHOICES } from '../../shared/csr/roles.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { loadEnvironment, roleArg } from './commands.js';

export const request: CommandRunner = async (argv, io) => {
  const args = parseArgs(
    argv,
    {
      role: 'string',
      server: 'string',
      env: 'string',
      key: 'string',
      out: 'string',
      'passphrase-env': 'string',
      'passphrase-file': 'string',
      force: 'boolean',
      json: 'boolean',
    },
    'request',
  );
  if (args.positional.length > 0) throw new ArgError(`certbench request: unexpected argument "${args.positional[0]}".`);
  const role = roleArg(args.strings.role, 'request');
  const keyArg = args.strings.key;
  if (keyArg !== undefined && !isKeyChoice(keyArg)) {
    throw new ArgError(`certbench request: --key must be one of ${KEY_CHOICES.join(', ')}.`);
  }
  const outArg = args.strings.out;
  if (outArg === undefined) throw new ArgError('certbench request: --out DIR is required (the folder for the CSR, key, INF and script).');
  const passphrase = readSecret(args, io, 'passphrase');
  if (passphrase === undefined || passphrase === '') {
    throw new ArgError('certbench request: give a passphrase for the private key with --passphrase-env VAR or --passphrase-file FILE; the key is only ever written encrypted.');
  }
  // One rule for new secrets in every shell (shared/crypto/newSecret.ts), checked before anything is made.
  const weak = requestPassphraseProblem(passphrase);
  if (weak) throw new ArgError(`certbench request: ${weak} Nothing was written.`);
  const environment = loadEnvironment(args.strings.env, io);

  let draft;
  try {
    draft = draftFor(role, environment, args.strings.server);
    if (keyArg !== undefined) draft = withKey(draft, keyArg);
    // The text outputs are checked first: a bad value stops us before any key is made or file
    // written (generateRequestFiles builds them again from the same draft).
    if (draft.key.startsWith('rsa')) certreqInf(draft);
    serverSideRequestScript(draft);
    // The folder and the names (the core's, the same the app offers) are checked before a key is
    // made: an existing file without --force, or a folder that cannot be made, stops here.
    const dir = resolve(io.cwd, outArg);
    makeFolder(dir, 'certbench request');
    const names = requestFileNames(draft);
    const files = {
      csr: join(dir, names.csr),
      key: join(dir, names.key),
      ...(draft.key.startsWith('rsa') ? { inf: join(dir, names.inf) } : {}),
      script: join(dir, names.script),
    };
    const writeOptions = {
      command: 'certbench request',
      force: args.flags.has('force'),
      existsHint: 'choose another --out folder or add --force',
      cwd: io.cwd,
      inputs: [args.strings.env, args.strings['passphrase-file']].filter((x): x is string => x !== undefined),
    };
    checkTargets(Object.values(files).map((path) => ({ path })), writeOptions);
    const made = await generateRequestFiles(draft, passphrase);

    // The files are written as one: all checked first, then each to a temporary file, then
    // renamed into place with the key last, so a key never stands without its CSR.
    writeFilesSafely(
      made.files.map((f) => ({ path: join(dir, f.name), data: f.text, ...(f.secret ? { secret: true } : {}) })),
      writeOptions,
    );

    if (args.flags.has('json')) {
      const decoded = await decodeDocument(made.csrDer, { fileName: files.csr });
      io.out(jsonOut(io, { files, request: decoded.request }, 2) + '\n');
    } else {
      io.out(
        displayText([
          `Request for ${draft.role}: CN=${draft.commonName}${draft.dnsNames.length ? `, SAN ${draft.dnsNames.join(', ')}` : ''} (${draft.key}, ${draft.exportable ? 'exportable' : 'not exportable'})`,
          `  CSR:                  ${files.csr}`,
          `  encrypted key:        ${files.key}`,
          ...(files.inf ? [`  certreq INF:          ${files.inf}`] : []),
          `  server-side request:  ${files.script}`,
          ...draft.notes.map((n) => `  note: ${n}`),
          '',
        ].join('\n')),
      );
    }
    return EXIT_OK;
  } catch (e) {
    if (isUnsafeValueError(e)) {
      io.err(`certbench request: ${e.message} Nothing was written.\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
};

request.usage = `Usage: certbench request --role ROLE [--server FQDN] [--env ENV.json]
                         [--key rsa2048|rsa3072|rsa4096|p256|p384] --out DIR
                         (--passphrase-env VAR | --passphrase-file F) [--force] [--json]

Draft a compliant request: writes the CSR, the private key (only ever encrypted with the
passphrase), the certreq INF and the server-side request script into DIR.

Options:
  --role ROLE           exchange-um, owa-im, edge-external, edge-internal, exchange-auth, sfb-oauth
  --out DIR             the folder to write to (made when missing)
  --passphrase-env VAR | --passphrase-file F   the key's passphrase (never on the command line)
  --force               replace files of the same names
  --json                the written file names and the decoded request as JSON
`;
