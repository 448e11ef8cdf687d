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

/** Files CertBench opens (the same list as the installer's file associations). */
export const CERTIFICATE_EXTENSIONS = ['pfx', 'p12', 'cer', 'crt', 'pem', 'der', 'p7b', 'p7c', 'csr', 'req', 'key'] as const;

/** What the Estate view reads: snapshots, saved cmdlet output and Export-Clixml files. */
export const ESTATE_EXTENSIONS = ['json', 'txt', 'log', 'xml'] as const;

export const CERTIFICATE_FILE_FILTERS: FileFilter[] = [
  { name: 'Certificates, PFX and requests', extensions: [...CERTIFICATE_EXTENSIONS] },
  { name: 'Estate snapshots and server output', extensions: [...ESTATE_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];

/** The same cap as the CLI: nothing an admin opens is near it, a mistaken disk image is. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
