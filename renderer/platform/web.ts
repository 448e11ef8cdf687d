// The web edition's platform: a hidden <input type=file>, Blob downloads and window.print().
// Nothing is uploaded anywhere — files are read in this tab (readChosenFiles.ts).
import { dotted, OPENABLE_EXTENSIONS } from '../../shared/files/accepted.js';
import { copyToClipboard } from './clipboard.js';
import type { OpenResult, Platform, SaveOptions, SaveOutcome } from './platform.js';

// .json (snapshot) and .xml (Export-Clixml) go to the Estate view; .txt may be certificate text or server output.
/** What the file picker offers: the core's list of certificate and estate files. */
export const ACCEPTED_EXTENSIONS = dotted(OPENABLE_EXTENSIONS);

/**
 * The chosen files, not yet read: App reads them batch by batch (readChosenFiles) while the
 * worker decodes the batches before. Nothing is asked of a File here — in Chromium even
 * File.size costs a round trip to the browser process.
 */
export function readBrowserFiles(files: Iterable<File>): OpenResult {
  return { files: [...files].map((file) => ({ name: file.name, blob: file })), failures: [] };
}

function pickFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = ACCEPTED_EXTENSIONS.join(',');
    input.style.display = 'none';
    input.dataset.testid = 'file-input';
    let settled = false;
    const finish = (files: File[]) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish([...(input.files ?? [])]));
    input.addEventListener('cancel', () => finish([]));
    document.body.appendChild(input);
    input.click();
  });
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    async openFiles() {
      return readBrowserFiles(await pickFiles());
    },
    async saveFile(options: SaveOptions): Promise<SaveOutcome> {
      const blob = new Blob([options.data as BlobPart], { type: options.mimeType });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = options.suggestedName;
      link.rel = 'noopener';
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Give the download a moment to start before the URL goes away.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { where: `your browser's downloads (${options.suggestedName})` };
    },
    async printPage() {
      window.print();
      return null;
    },
    copyText: copyToClipboard,
    async openExternal(url: string) {
      if (!/^https?:\/\//i.test(url)) return false;
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
    onFilesOpened: () => () => undefined,
    onMenu: () => () => undefined,
  };
}
