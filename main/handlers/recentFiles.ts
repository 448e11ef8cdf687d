// The recent-files list: the last ten paths opened, newest first, kept as JSON in the app's
// user-data folder. Only paths and times — never file contents or passwords.
import { baseName } from './baseName.js';
import type { FileSystem } from './deps.js';
import type { RecentFile } from '../../shared/ipc/channels.js';

export const MAX_RECENT_FILES = 10;

export interface RecentFilesStore {
  list(): Promise<RecentFile[]>;
  add(path: string): Promise<RecentFile[]>;
}

export interface RecentFilesDeps {
  fs: Pick<FileSystem, 'readFile' | 'writeFile' | 'mkdir'>;
  /** Full path of the JSON file. */
  storePath: string;
  storeDir: string;
  now?: () => Date;
}

function parseStore(bytes: Uint8Array): RecentFile[] {
  try {
    const data: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (!Array.isArray(data)) return [];
    return data
      .filter(
        (entry): entry is RecentFile =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as RecentFile).path === 'string' &&
          typeof (entry as RecentFile).openedAt === 'string',
      )
      .map((entry) => ({ path: entry.path, name: baseName(entry.path), openedAt: entry.openedAt }))
      .slice(0, MAX_RECENT_FILES);
  } catch {
    // A damaged store is not worth an error dialog: start a fresh list.
    return [];
  }
}

export function createRecentFilesStore(deps: RecentFilesDeps): RecentFilesStore {
  const now = deps.now ?? (() => new Date());
  const list = async (): Promise<RecentFile[]> => {
    try {
      return parseStore(await deps.fs.readFile(deps.storePath));
    } catch {
      return [];
    }
  };
  return {
    list,
    async add(path: string) {
      const entries = (await list()).filter((entry) => entry.path !== path);
      entries.unshift({ path, name: baseName(path), openedAt: now().toISOString() });
      const kept = entries.slice(0, MAX_RECENT_FILES);
      await deps.fs.mkdir(deps.storeDir, { recursive: true });
      await deps.fs.writeFile(deps.storePath, JSON.stringify(kept, null, 2));
      return kept;
    },
  };
}
