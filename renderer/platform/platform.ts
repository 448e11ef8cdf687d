// Everything the workbench needs from the machine, behind one interface: the Electron build
// talks to the main process through window.certBench, the web edition uses the browser
// (file input, Blob downloads, window.print()). Components never know which one they got.
import type { MenuCommand } from '../../shared/ipc/channels.js';

/** A file to open: its bytes, or (web edition) the File itself, which the decoder worker reads. */
export type InputFile = InputFileBase & ({ bytes: Uint8Array; blob?: never } | { blob: Blob; bytes?: never });

interface InputFileBase {
  name: string;
  /** Full path (Electron only): shown as a tooltip and used by the recent list. */
  path?: string;
}

export interface OpenResult {
  files: InputFile[];
  /** Files that could not be read, one sentence each, naming the file. */
  failures: { name: string; message: string }[];
}

export interface SaveOptions {
  suggestedName: string;
  data: string | Uint8Array;
  mimeType: string;
}

/** Where the output went, for the "Saved to …" note (null when the user cancelled). */
export type SaveOutcome = { where: string } | null;

export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Asks the user for files (native dialog or <input type=file>). */
  openFiles(): Promise<OpenResult>;
  saveFile(options: SaveOptions): Promise<SaveOutcome>;
  /** Prints the current page to PDF (Electron) or opens the browser's print dialog (web). */
  printPage(suggestedName: string): Promise<SaveOutcome>;
  copyText(text: string): Promise<void>;
  /** Opens a CDP/AIA URL the user clicked; only http(s). */
  openExternal(url: string): Promise<boolean>;
  /** Files handed to the app from outside (Electron "open with", macOS open-file). */
  onFilesOpened(listener: (result: OpenResult) => void): () => void;
  /** Native menu commands (Electron only; the web edition has no menu). */
  onMenu(listener: (command: MenuCommand) => void): () => void;
}

export type { MenuCommand };
