// File ▸ Open: the native dialog, then the chosen files read with the cap. The chosen paths
// are granted so they can be reopened from the recent list later in the session.
import { CERTIFICATE_FILE_FILTERS, type DialogAdapter, type FileSystem } from './deps.js';
import type { GrantedPaths } from './grantedPaths.js';
import { readFiles } from './readFiles.js';
import type { RecentFilesStore } from './recentFiles.js';
import type { ReadFilesResult } from '../../shared/ipc/channels.js';

export interface OpenDialogDeps {
  dialog: Pick<DialogAdapter, 'showOpenDialog'>;
  fs: Pick<FileSystem, 'stat' | 'readFile'>;
  granted: GrantedPaths;
  recent?: RecentFilesStore;
  maxBytes?: number;
}

export async function openFilesWithDialog(deps: OpenDialogDeps): Promise<ReadFilesResult> {
  const choice = await deps.dialog.showOpenDialog({
    title: 'Open certificates, PFX files or requests',
    properties: ['openFile', 'multiSelections'],
    filters: CERTIFICATE_FILE_FILTERS,
  });
  if (choice.canceled || choice.filePaths.length === 0) return { files: [], failures: [] };
  deps.granted.grant(choice.filePaths);
  const result = await readFiles(choice.filePaths, deps);
  if (deps.recent) for (const file of result.files) await deps.recent.add(file.path);
  return result;
}
