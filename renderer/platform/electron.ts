// The desktop platform: a thin wrapper over window.certBench from the preload.
import type { CertBenchApi, ReadFilesResult } from '../../shared/ipc/channels.js';
import { copyToClipboard } from './clipboard.js';
import type { OpenResult, Platform } from './platform.js';

function toOpenResult(result: ReadFilesResult): OpenResult {
  return {
    files: result.files.map((file) => ({ name: file.name, path: file.path, bytes: file.bytes })),
    failures: result.failures.map((failure) => ({ name: failure.name, message: failure.message })),
  };
}

export function createElectronPlatform(api: CertBenchApi): Platform {
  return {
    kind: 'electron',
    async openFiles() {
      return toOpenResult(await api.openFiles());
    },
    async saveFile(options) {
      const saved = await api.saveFile({ suggestedName: options.suggestedName, data: options.data });
      return saved ? { where: saved.path } : null;
    },
    async printPage(suggestedName) {
      const saved = await api.printToPdf(suggestedName);
      return saved ? { where: saved.path } : null;
    },
    copyText: copyToClipboard,
    openExternal: (url) => api.openExternal(url),
    onFilesOpened: (listener) => api.onFilesOpened((result) => listener(toOpenResult(result))),
    onMenu: (listener) => api.onMenu(listener),
  };
}
