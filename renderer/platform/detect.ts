// Picks the platform: the preload's window.certBench means we run inside the desktop app.
import type { CertBenchApi } from '../../shared/ipc/channels.js';
import { createElectronPlatform } from './electron.js';
import type { Platform } from './platform.js';
import { createWebPlatform } from './web.js';

declare global {
  interface Window {
    certBench?: CertBenchApi;
  }
}

export function detectPlatform(): Platform {
  return window.certBench ? createElectronPlatform(window.certBench) : createWebPlatform();
}
