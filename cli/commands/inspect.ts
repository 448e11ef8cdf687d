// certbench inspect FILE|FOLDER... [password options] [--json]
// Each file is opened and printed as soon as it is read, in order, so a folder of thousands of
// certificates streams out instead of being held (and stringified) in one piece.
// (Worker threads were measured for this and gave nothing: the output is the bottleneck.)
// Off a terminal the text leaves in batches of about 64 KiB: a write per document cost a
// system call and a Buffer each, ~10 % of the time of a folder of 10,000 certificates.
import { parseArgs } from '../args.js';
import { displayText } from '../../shared/encoding/displayText.js';
import { documentText } from '../format/inspectText.js';
import { errorLine, expandPaths, openFile } from '../inputFiles.js';
import { EXIT_INPUT, EXIT_OK, jsonOut, type CliIo, type CommandRunner } from '../io.js';
import { openAskingPassword, PASSWORD_OPTIONS, readSecret } from '../passwords.js';

export const inspect: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { ...PASSWORD_OPTIONS, json: 'boolean' }, 'inspect');
  if (args.positional.length === 0) {
    io.err('certbench inspect: name at least one file or folder, e.g. certbench inspect um.pfx --password-env PFX_PW\n');
    return EXIT_INPUT;
  }
  const json = args.flags.has('json');
  const secret = { password: readSecret(args, io) };
  const now = new Date();
  let failed = false;
  let written = 0;
  // Streamed one document at a time; the text is what jsonOut({ documents }) would give.
  const pretty = io.stdoutIsTTY === true;
  const nl = pretty ? '\n' : '';
  const out = batchedOut(io, pretty ? 0 : BATCH_CHARS);
  // Every stderr line follows the documents before it, as it did unbatched (2>&1 keeps the order).
  const err = (line: string) => {
    out.flush();
    io.err(line + '\n');
  };
  if (json) out.write(pretty ? '{\n  "documents": [' : '{"documents":[');
  for (const path of args.positional) {
    const { files, errors, skipped } = expandPaths([path], io.cwd);
    for (const line of skipped) err(line);
    for (const e of errors) {
      failed = true;
      err(errorLine(e.error!));
    }
    for (const file of files) {
      const o = await openAskingPassword(file, io, secret, (password) => openFile(file, io.cwd, password));
      if (o.error) {
        failed = true;
        err(errorLine(o.error));
        continue;
      }
      if (json) {
        const doc = jsonOut(io, { file: o.file, ...o.document });
        out.write(`${written ? ',' : ''}${pretty ? '\n    ' + doc.replace(/\n/g, '\n    ') : doc}`);
      } else {
        // Names from certificates are shown, never obeyed: controls and bidi marks escaped.
        out.write(displayText(documentText(o.file, o.document, now)) + '\n');
      }
      written++;
    }
  }
  if (json) out.write(`${written ? nl + (pretty ? '  ' : '') : ''}]${nl}}\n`);
  out.flush();
  return failed ? EXIT_INPUT : EXIT_OK;
};

/** About 64 KiB of text per write off a terminal (a pipe's buffer). */
const BATCH_CHARS = 64 * 1024;

/** io.out gathered into writes of at least `size` characters (0: every piece at once, as on a terminal). */
function batchedOut(io: Pick<CliIo, 'out'>, size: number): { write(text: string): void; flush(): void } {
  let pending = '';
  const flush = () => {
    if (pending) io.out(pending);
    pending = '';
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= size) flush();
    },
    flush,
  };
}

inspect.usage = `Usage: certbench inspect FILE|FOLDER... [--password-env VAR | --password-file F | --password PW] [--json]

Show what certificate, request, P7B, PFX and key files hold: subject, SAN, thumbprint as
Windows shows it, validity, key, extensions. Folders are searched for certificate files.

Options:
  --password-env VAR    the PFX password from an environment variable
  --password-file F     the PFX password from the first line of a file
  --password PW         the PFX password on the command line: for typing at a terminal only
                        (every user of the machine can read it in ps; a warning says so)
  Without any of these, on a terminal, a PFX that needs a password is asked for (no echo).
  --json                the JSON document of the contract instead of text

Exit codes: 0 every file read, 2 a file is unusable (one line on stderr naming it).
`;
