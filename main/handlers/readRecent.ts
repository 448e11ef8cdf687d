// Reopen one entry of the recent list. Only paths that are in the list (or were granted in
// this session) are read: the renderer cannot name an arbitrary path.
import type { FileSystem } from './deps.js';
import type { GrantedPaths } from './grantedPaths.js';
import { readFiles } from './readFiles.js';
import type { RecentFilesStore } from './recentFiles.js';
import type { ReadFilesResult } from '../../shared/ipc/channels.js';
import { baseName } from './baseName.js';

export interface ReadRecentDeps {
  fs: Pick<FileSystem, 'stat' | 'readFile'>;
  granted: GrantedPaths;
  recent: RecentFilesStore;
  maxBytes?: number;
}

export async function readRecentFile(path: unknown, deps: ReadRecentDeps): Promise<ReadFilesResult> {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096) {
    return { files: [], failures: [{ name: '(invalid)', path: '', message: 'That is not a file path CertBench opened before.' }] };
  }
  const known = deps.granted.has(path) || (await deps.recent.list()).some((entry) => entry.path === path);
  if (!known) {
    return {
      files: [],
      failures: [{ name: baseName(path), path, message: `${baseName(path)} is not in the recent list; open it with File ▸ Open.` }],
    };
  }
  const result = await readFiles([path], deps);
  for (const file of result.files) await deps.recent.add(file.path);
  return result;
}
