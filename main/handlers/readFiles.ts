// Reads the files the user chose, each on its own: one unreadable or oversized file gets a
// one-sentence failure naming it, the others still open.
import { baseName } from './baseName.js';
import { MAX_FILE_BYTES, type FileSystem } from './deps.js';
import { tooLargeMessage } from '../../shared/files/accepted.js';
import type { ReadFilesResult } from '../../shared/ipc/channels.js';

export interface ReadFilesDeps {
  fs: Pick<FileSystem, 'stat' | 'readFile'>;
  maxBytes?: number;
}

export async function readFiles(paths: readonly string[], deps: ReadFilesDeps): Promise<ReadFilesResult> {
  const maxBytes = deps.maxBytes ?? MAX_FILE_BYTES;
  const result: ReadFilesResult = { files: [], failures: [] };
  for (const path of paths) {
    const name = baseName(path);
    try {
      const info = await deps.fs.stat(path);
      if (!info.isFile()) {
        result.failures.push({ name, path, message: `${name} is not a file; open the certificate files inside it.` });
        continue;
      }
      if (info.size > maxBytes) {
        result.failures.push({ name, path, message: tooLargeMessage(name) });
        continue;
      }
      const bytes = await deps.fs.readFile(path);
      // The file may have grown between stat and read.
      if (bytes.byteLength > maxBytes) {
        result.failures.push({ name, path, message: tooLargeMessage(name) });
        continue;
      }
      result.files.push({ name, path, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const why =
        code === 'ENOENT'
          ? 'does not exist (moved or deleted?)'
          : code === 'EACCES' || code === 'EPERM'
            ? 'cannot be read with your permissions'
            : 'could not be read';
      result.failures.push({ name, path, message: `${name} ${why}; check the path and try again.` });
    }
  }
  return result;
}
