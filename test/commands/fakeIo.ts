// An in-process CliIo that records what a command prints.
import type { CliIo } from '../../cli/io.js';

export interface RecordingIo extends CliIo {
  stdout: string;
  stderr: string;
}

export function fakeIo(cwd: string, env: Record<string, string | undefined> = {}): RecordingIo {
  const io: RecordingIo = {
    stdout: '',
    stderr: '',
    env,
    cwd,
    out: (t) => void (io.stdout += t),
    err: (t) => void (io.stderr += t),
  };
  return io;
}
