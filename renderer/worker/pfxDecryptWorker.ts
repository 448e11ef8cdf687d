// One worker of the PFX decryption pool (pfxPool.ts): opens one PFX at a time — the MAC, then
// the encrypted parts — so a slow file holds only this worker, and stopping it (terminate)
// really stops the work. The decrypted keys are transferred (moved, not copied) to the
// decoder worker, whose KeyStore owns them; this worker's copy of the file is zeroed.
import { openPfx } from '../../shared/x509/pkcs12/openPfx.js';
import { describePfxError, type PfxJob, type PfxJobResult } from './pfxPoolProtocol.js';

const scope = self as unknown as {
  postMessage(message: PfxJobResult, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PfxJob>) => void): void;
};

scope.addEventListener('message', async (event) => {
  const { der, password } = event.data;
  try {
    const contents = await openPfx(der, password);
    const transfer = [...contents.keys.map((k) => k.pkcs8.buffer), ...contents.certificates.map((c) => c.der.buffer)] as ArrayBuffer[];
    scope.postMessage({ contents }, [...new Set(transfer)]);
  } catch (error) {
    scope.postMessage({ error: describePfxError(error) });
  } finally {
    der.fill(0);
  }
});
