// The narrow slices of fs and Electron's dialog the handlers use. Main passes the real ones;
// tests pass fakes — no handler imports electron or touches the disk by itself.

export interface FileSystem {
  stat(path: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface DialogAdapter {
  showOpenDialog(options: {
    title: string;
    properties: ('openFile' | 'multiSelections')[];
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<{
    canceled: boolean;
    filePath?: string;
  }>;
}

// Files CertBench opens and what the Estate view reads: the core's lists (shared/files/accepted.ts).
export { CERTIFICATE_EXTENSIONS, ESTATE_EXTENSIONS, REVOCATION_EXTENSIONS } from '../../shared/files/accepted.js';
import { CERTIFICATE_EXTENSIONS, ESTATE_EXTENSIONS, REVOCATION_EXTENSIONS } from '../../shared/files/accepted.js';

export const CERTIFICATE_FILE_FILTERS: FileFilter[] = [
  { name: 'Certificates, PFX, requests and CRLs', extensions: [...CERTIFICATE_EXTENSIONS, ...REVOCATION_EXTENSIONS] },
  { name: 'Estate snapshots and server output', extensions: [...ESTATE_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

/** The same cap as the CLI: nothing an admin opens is near it, a mistaken disk image is. */
export { MAX_FILE_BYTES } from '../../shared/files/accepted.js';
