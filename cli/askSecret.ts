// Asking for a PFX password on the terminal, without echo: the way to give a password that
// leaves no trace in `ps`, the shell history or the environment. Offered only when standard
// input and standard error are both a terminal; scripts use --password-env / --password-file.
import type { CliIo } from './io.js';

/** A reader for nodeIo, or undefined when there is no terminal to ask on. */
export function terminalAsker(): CliIo['askSecret'] {
  const stdin = process.stdin;
  if (!stdin.isTTY || !process.stderr.isTTY) return undefined;
  return (question: string) =>
    new Promise<string | undefined>((resolve) => {
      process.stderr.write(question);
      stdin.setRawMode(true);
      stdin.resume();
      let answer = '';
      const done = (value: string | undefined) => {
        stdin.removeListener('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stderr.write('\n');
        resolve(value);
      };
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done(answer);
          if (ch === '\u0003' || ch === '\u0004') return done(undefined); // Ctrl+C, Ctrl+D: no answer
          if (ch === '\u007f' || ch === '\b') answer = [...answer].slice(0, -1).join('');
          else if (ch >= ' ') answer += ch;
        }
      };
      stdin.on('data', onData);
    });
}
