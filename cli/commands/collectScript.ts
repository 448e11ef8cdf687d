// certbench collect-script [--exchange] [--skype] --out FILE.ps1 [--force]
// Writes the read-only collector (shared/estate/collector) with Windows line endings, then says
// what it wrote, where to run it and the two commands an admin types on the server.
import { basename, resolve } from 'node:path';
import { displayName } from '../../shared/encoding/displayName.js';
import { collectScript } from '../../shared/estate/collector/collectScript.js';
import { runCommands, whereToRun, type CollectParts } from '../../shared/estate/collector/howToRun.js';
import { isUnsafeValueError } from '../../shared/powershell/unsafeValueError.js';
import { ArgError, parseArgs } from '../args.js';
import { EXIT_OK, type CommandRunner } from '../io.js';
import { writeFileSafely } from '../safeWrite.js';

export const collectScriptCommand: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { exchange: 'boolean', skype: 'boolean', out: 'string', force: 'boolean' }, 'collect-script');
  if (args.positional.length > 0) throw new ArgError(`certbench collect-script: unexpected argument "${args.positional[0]}" (the file goes after --out).`);
  const out = args.strings.out;
  if (out === undefined || out.trim() === '') throw new ArgError('certbench collect-script: --out FILE.ps1 is required (where to write the script), e.g. --out collect.ps1.');
  if (!/\.ps1$/i.test(out)) throw new ArgError(`certbench collect-script: ${out} must end in .ps1 (PowerShell runs only .ps1 scripts); e.g. --out collect.ps1.`);
  // Neither flag means both products.
  const chosen: CollectParts = { exchange: args.flags.has('exchange'), skype: args.flags.has('skype') };
  const parts: CollectParts = chosen.exchange || chosen.skype ? chosen : { exchange: true, skype: true };

  const fileName = basename(out);
  let commands: [string, string];
  try {
    commands = runCommands(fileName);
  } catch (e) {
    if (isUnsafeValueError(e)) throw new ArgError(`certbench collect-script: ${e.message} Nothing was written.`);
    throw e;
  }

  // Written like every CLI output (cli/safeWrite.ts): temporary file, fsync, rename; an existing
  // file only with --force; a failure leaves nothing behind. PowerShell reads either line
  // ending; Windows editors and diff tools expect CRLF.
  writeFileSafely(
    { path: resolve(io.cwd, out), shown: out, data: collectScript(parts).replace(/\n/g, '\r\n') },
    { command: 'certbench collect-script', force: args.flags.has('force'), existsHint: 'choose another --out or add --force', cwd: io.cwd },
  );

  const what = parts.exchange && parts.skype ? 'Exchange and Skype for Business' : parts.exchange ? 'Exchange' : 'Skype for Business';
  io.out(
    [
      `Wrote ${displayName(out)}: the read-only ${what} collector. It only reads (Get-* cmdlets and public certificates), never touches a private key and writes one snapshot file.`,
      '',
      'Where to run it:',
      ...whereToRun(parts).map((l) => `  ${l}`),
      '',
      `Copy ${displayName(fileName)} to that server and, in the folder that holds it, run:`,
      `  ${commands[0]}`,
      `  ${commands[1]}`,
      '',
      'It writes certbench-snapshot-<computer>-<time>.json next to the script. Audit it with: certbench audit <that file>',
      '',
    ].join('\n'),
  );
  return EXIT_OK;
};

collectScriptCommand.usage = `Usage: certbench collect-script [--exchange] [--skype] --out FILE.ps1 [--force]

Write the read-only PowerShell collector that an admin runs on an Exchange server (Exchange
Management Shell) and / or a Skype for Business Front End (Management Shell). It reads every
server's certificates (public part only) and the settings that name them, and writes one
snapshot file for certbench audit.

  --exchange            the Exchange part (with --skype: both; with neither: both)
  --skype               the Lync / Skype for Business part
  --out FILE.ps1        where to write the script
  --force               replace FILE.ps1 if it exists
`;
