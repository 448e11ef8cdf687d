// certbench inspect FILE|FOLDER... [password options] [--json]
import { parseArgs } from '../args.js';
import { documentText } from '../format/inspectText.js';
import { errorLine, openAll } from '../inputFiles.js';
import { EXIT_INPUT, EXIT_OK, type CommandRunner } from '../io.js';
import { PASSWORD_OPTIONS, readSecret } from '../passwords.js';

export const inspect: CommandRunner = async (argv, io) => {
  const args = parseArgs(argv, { ...PASSWORD_OPTIONS, json: 'boolean' }, 'inspect');
  if (args.positional.length === 0) {
    io.err('certbench inspect: name at least one file or folder, e.g. certbench inspect um.pfx --password-env PFX_PW\n');
    return EXIT_INPUT;
  }
  const password = readSecret(args, io);
  const opened = await openAll(args.positional, io.cwd, password);
  let failed = false;
  const documents = [];
  for (const o of opened) {
    if (o.error) {
      failed = true;
      io.err(errorLine(o.error) + '\n');
      continue;
    }
    documents.push({ file: o.file, ...o.document });
    if (!args.flags.has('json')) io.out(documentText(o.file, o.document, new Date()) + '\n');
  }
  if (args.flags.has('json')) io.out(JSON.stringify({ documents }, null, 2) + '\n');
  return failed ? EXIT_INPUT : EXIT_OK;
};
