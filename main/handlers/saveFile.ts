// Save a report, request, key (already encrypted by the worker) or script where the user says.
// The renderer proposes a name; main asks with the native dialog and writes nothing otherwise.
import { baseName } from './baseName.js';
import type { DialogAdapter, FileFilter, FileSystem } from './deps.js';
import type { SaveFileResult } from '../../shared/ipc/channels.js';

export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

export interface SaveFileDeps {
  dialog: Pick<DialogAdapter, 'showSaveDialog'>;
  fs: Pick<FileSystem, 'writeFile'>;
  /** Folder proposed in the dialog (Documents). */
  defaultDir: string;
  joinPath: (dir: string, name: string) => string;
}

/** A suggested name is only a name: no folders, no control characters, nothing hidden. */
export function safeSuggestedName(name: unknown, fallback = 'certbench-output.txt'): string {
  if (typeof name !== 'string') return fallback;
  const cleaned = baseName(name)
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : fallback;
}

function filtersFor(name: string, filters: FileFilter[] | undefined): FileFilter[] {
  if (filters && filters.length > 0) return filters;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  return extension ? [{ name: extension.toUpperCase(), extensions: [extension] }, { name: 'All files', extensions: ['*'] }] : [];
}

export async function saveFileWithDialog(
  request: { suggestedName: unknown; data: unknown; filters?: FileFilter[] },
  deps: SaveFileDeps,
): Promise<SaveFileResult> {
  const data = request.data;
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new TypeError('save-file: data must be text or bytes');
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > MAX_SAVE_BYTES) throw new RangeError('save-file: the output is larger than 64 MiB');
  const name = safeSuggestedName(request.suggestedName);
  const choice = await deps.dialog.showSaveDialog({
    title: `Save ${name}`,
    defaultPath: deps.joinPath(deps.defaultDir, name),
    filters: filtersFor(name, Array.isArray(request.filters) ? request.filters : undefined),
  });
  if (choice.canceled || !choice.filePath) return null;
  await deps.fs.writeFile(choice.filePath, data);
  return { path: choice.filePath };
}
