// The web edition's platform: a hidden <input type=file>, Blob downloads and window.print().
// Nothing is uploaded anywhere — files are read with File.arrayBuffer() in this tab.
import { copyToClipboard } from './clipboard.js';
import type { OpenResult, Platform, SaveOptions, SaveOutcome } from './platform.js';

export const ACCEPTED_EXTENSIONS = ['.pfx', '.p12', '.cer', '.crt', '.pem', '.der', '.p7b', '.p7c', '.csr', '.req', '.key', '.txt'];

/** Same cap as the desktop app and the CLI. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The chosen files, not yet read: App reads them batch by batch while the worker decodes the
 * batches before (readChosenFile). Nothing is asked of a File here — in Chromium even
 * File.size costs a round trip to the browser process, 3 s for 5,000 files.
 */
export function readBrowserFiles(files: Iterable<File>): OpenResult {
  return { files: [...files].map((file) => ({ name: file.name, blob: file })), failures: [] };
}

/**
 * The bytes of a chosen file, or the sentence to show. The 32 MiB cap is checked on the bytes
 * read: checking File.size first would cost a browser round trip per file, and a file too large
 * to read at all fails the read and gets the "could not be read" sentence.
 */
export async function readChosenFile(name: string, blob: Blob): Promise<Uint8Array | { message: string }> {
  let buffer: ArrayBuffer;
  try {
    buffer = await blob.arrayBuffer();
  } catch {
    return { message: `${name} could not be read; is it still where it was?` };
  }
  if (buffer.byteLength > MAX_FILE_BYTES) return { message: `${name} is larger than 32 MiB; open the certificate file itself, not an archive.` };
  return new Uint8Array(buffer);
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
