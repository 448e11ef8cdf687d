// Every file the CLI writes goes through here, so none is ever lost or left half-written:
// the bytes go to a temporary file in the same folder, are flushed to disk (fsync), and only
// then take the target's name (rename, atomic on one file system). On a full disk, a size
// limit or any other failure the old file is untouched and the temporary one removed; a kill
// can leave only a hidden `.NAME.certbench-*.tmp` beside it, never a fragment under NAME.
//
// Without `force` an existing target is refused before anything is written (and a target that
// appears meanwhile is not replaced: the new file is linked into place, which fails if the
// name exists). A target that is one of the command's inputs (the same file, however spelt:
// symlink, hard link, `./a/../a.pfx`) is refused even with `force`. A file that holds a key is
// created with mode 0600, also when it replaces an existing file.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayName } from '../shared/encoding/displayName.js';
import { ArgError } from './args.js';

/** A refused or failed write: one sentence, exit 2 like any unusable input (main prints it). */
export class WriteError extends ArgError {}

export interface PlannedFile {
  /** Absolute path of the target. */
  path: string;
  data: string | Uint8Array;
  /** The name as the user gave it, for messages (default: the path). */
  shown?: string;
  /** The file holds a private key (even encrypted) or a PFX: mode 0600. */
  secret?: boolean;
}

export interface SafeWriteOptions {
  /** The command, for messages: "certbench report". */
  command: string;
  /** Replace existing targets. */
  force: boolean;
  /** What to add to "already exists; ..." (default: "choose another name or add --force"). */
  existsHint?: string;
  /** Paths of the command's input files (absolute, or relative to cwd): never overwritten. */
  inputs?: readonly string[];
  cwd?: string;
}

/** Write one file safely (see the top of this file). Throws WriteError with a handled message. */
export function writeFileSafely(file: PlannedFile, options: SafeWriteOptions): void {
  writeFilesSafely([file], options);
}

/**
 * Write several files as one: every target is checked before any is written, all are written
 * to temporary files, then renamed into place in the order given — so put the file that must
 * never stand alone last (request: the key after its CSR). If a rename fails, the files this
 * call had already created are removed again.
 */
export function writeFilesSafely(files: readonly PlannedFile[], options: SafeWriteOptions): void {
  const inputs = identities(options.inputs ?? [], options.cwd ?? process.cwd());
  const existed = files.map((f) => checkTarget(f.path, options, inputs, f.shown));

  const temps: string[] = [];
  try {
    for (const f of files) temps.push(writeTemporary(f, options));
    const created: string[] = [];
    try {
      files.forEach((f, i) => {
        commit(temps[i]!, f.path, options, f.shown);
        temps[i] = '';
        if (!existed[i]) created.push(f.path);
      });
    } catch (e) {
      // Only files this call made are taken back; nothing that existed before is touched.
      for (const p of created) removeQuietly(p);
      throw e;
    }
    syncFolders(files.map((f) => dirname(f.path)));
  } finally {
    for (const t of temps) if (t) removeQuietly(t);
  }
}

/**
 * The same checks writeFilesSafely makes first, for a command to run before its real work, so
 * `report --out existing.html` is refused at once rather than after reading a thousand files.
 */
export function checkTargets(targets: readonly Pick<PlannedFile, 'path' | 'shown'>[], options: SafeWriteOptions): void {
  const inputs = identities(options.inputs ?? [], options.cwd ?? process.cwd());
  for (const t of targets) checkTarget(t.path, options, inputs, t.shown);
}

/** Make the output folder (for commands that write into one), with a handled message. */
export function makeFolder(dir: string, command: string): void {
  try {
    makeFolders(dir);
  } catch (e) {
    // ENOENT from mkdir under an existing folder: a place that takes no folders (/proc).
    const why = (e as { code?: string }).code === 'ENOENT' ? 'this place does not take new folders' : reason(e);
    throw new WriteError(`${command}: cannot make the folder ${displayName(dir)}: ${why}; choose a folder you can write to. Nothing was written.`);
  }
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    /* answered below */
  }
  if (!isDir) throw new WriteError(`${command}: ${displayName(dir)} is not a folder; choose a folder you can write to. Nothing was written.`);
}

/**
 * mkdir -p, one level at a time. Node's own `mkdirSync(dir, { recursive: true })` never returns
 * for a path under /proc (it retries ENOENT forever): the nearest existing ancestor is found
 * first, and each missing level made on its own, so any refusal is an error at once.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  while (!existsQuietly(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const level of missing) mkdirSync(level);
}

/** The one sentence for a file system error code, in words. */
export function reason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EFBIG':
      return 'the file is larger than this process may write';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    default:
      return code ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

interface Identity {
  dev: number;
  ino: number;
}

function identities(paths: readonly string[], cwd: string): Identity[] {
  const out: Identity[] = [];
  for (const p of paths) {
    try {
      const st = statSync(resolve(cwd, p));
      out.push({ dev: st.dev, ino: st.ino });
    } catch {
      /* an input that cannot be stat'ed cannot be overwritten through its name either */
    }
  }
  return out;
}

/** Refuse a target that is an input, not a regular file, or exists without force; true when it exists. */
function checkTarget(path: string, options: SafeWriteOptions, inputs: readonly Identity[], name = path): boolean {
  const shown = displayName(name);
  if (!existsQuietly(path)) return false;
  // stat follows a symlink: the file behind the name is what must not be an input.
  let target;
  try {
    target = statSync(path);
  } catch {
    target = undefined; // a dangling symlink
  }
  if (target && inputs.some((i) => i.dev === target.dev && i.ino === target.ino)) {
    throw new WriteError(`${options.command}: ${shown} is one of the input files; write the output to another file.`);
  }
  if (target?.isDirectory()) throw new WriteError(`${options.command}: ${shown} is a folder; name a file to write.`);
  if (target && !target.isFile()) throw new WriteError(`${options.command}: ${shown} is not a regular file; name a file to write.`);
  if (!options.force) {
    throw new WriteError(`${options.command}: ${shown} already exists; ${options.existsHint ?? 'choose another name or add --force to replace it'}.`);
  }
  return true;
}

function writeTemporary(file: PlannedFile, options: SafeWriteOptions): string {
  const temp = join(dirname(file.path), `.${basename(file.path)}.certbench-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', file.secret ? 0o600 : 0o666);
    const bytes = typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data;
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return temp;
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temp);
    const shown = displayName(file.shown ?? file.path);
    if ((e as { code?: string }).code === 'ENOENT') {
      throw new WriteError(`${options.command}: cannot write ${shown}: the folder for ${shown} does not exist; create it or choose another name. Nothing was written.`);
    }
    throw new WriteError(`${options.command}: cannot write ${shown}: ${reason(e)}; nothing was written.`);
  }
}

function commit(temp: string, target: string, options: SafeWriteOptions, shown = target): void {
  try {
    if (options.force) {
      renameSync(temp, target);
      return;
    }
    // link fails if the name exists: a file made meanwhile by someone else is never replaced.
    try {
      linkSync(temp, target);
      unlinkSync(temp);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'EEXIST') throw e;
      // File systems without hard links (some network shares): check, then rename.
      if (existsQuietly(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      renameSync(temp, target);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'EEXIST') {
      throw new WriteError(`${options.command}: ${displayName(shown)} already exists; ${options.existsHint ?? 'choose another name or add --force to replace it'}.`);
    }
    throw new WriteError(`${options.command}: cannot write ${displayName(shown)}: ${reason(e)}; nothing was written.`);
  }
}

/** fsync the folders so the renames themselves survive a power cut (best effort). */
function syncFolders(dirs: readonly string[]): void {
  for (const d of new Set(dirs)) {
    try {
      const fd = openSync(d, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      /* not every platform can open a folder */
    }
  }
}

function existsQuietly(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}
