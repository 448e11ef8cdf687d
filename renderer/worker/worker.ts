// The decoder worker: decoding, PBKDF2, chain building and rule runs happen here so the
// window never freezes. Keys stay in this worker's KeyStore.
import { exportEncryptedKeyPem } from '../../shared/csr/encryptedKey.js';
import { requestBaseName } from '../../shared/csr/fileNames.js';
import { certreqInf } from '../../shared/csr/inf.js';
import { generateKeyPair } from '../../shared/csr/keys.js';
import { buildPkcs10 } from '../../shared/csr/pkcs10.js';
import { serverSideRequestScript } from '../../shared/csr/serverSideRequest.js';
import { catalogue, evaluate } from '../../shared/rules/index.js';
import { decodeDocument, listDocument } from '../../shared/x509/decode.js';
import { KeyStore } from '../../shared/x509/keyStore.js';
import type { WorkerApi } from './api.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';
import { RequestService } from './requestService.js';
import { DecoderService } from './service.js';
import { createEstateService, estateApi } from './estateWorker.js';
import { renewalApi } from './renewalWorker.js';
import { pfxApi } from './pfxWorker.js';
import { createPfxPool, inPool } from './pfxDecryption.js';
import { reportApi } from './reportWorker.js';
import { CrlService } from '../crl/crlService.js';

// PFX files are opened in a pool of decryption workers: a long KDF never holds this worker.
const pfxPool = createPfxPool();
const service = new DecoderService({
  decodeDocument: inPool(decodeDocument, pfxPool),
  listDocument: inPool(listDocument, pfxPool),
  keyStore: new KeyStore(),
  rules: { evaluate },
});

const estate = createEstateService(service);
// Revocation lists open beside the certificates; the CRL panel reads the open certificates.
const crls = new CrlService(service);

const requests = new RequestService({
  generateKeyPair,
  buildPkcs10,
  exportEncryptedKeyPem: (key, passphrase) => exportEncryptedKeyPem(key, passphrase),
  certreqInf,
  serverSideRequestScript: (draft) => serverSideRequestScript(draft),
  requestBaseName,
  decodeDocument,
  evaluate,
});

const api: WorkerApi = {
  open: (fileName, bytes) => service.open(fileName, bytes),
  // Snapshots and server output join the estate; everything else is decoded as before.
  openBatch: (files) => estate.routeBatch(files, (rest) => crls.routeBatch(rest, (others) => service.openBatch(others))),
  verdicts: (items, role, environment, atIso, trustedDocIds) => service.verdicts(items, role, environment, atIso, trustedDocIds),
  unlock: (pendingId, password) => service.unlock(pendingId, password),
  stopUnlock: async (pendingId) => service.stop(pendingId),
  forget: async (pendingId) => service.forget(pendingId),
  close: async (docId) => (crls.owns(docId) ? crls.close(docId) : service.close(docId)),
  details: async (docId, certIndex, environment, atIso, trustedDocIds) =>
    crls.owns(docId) ? crls.inspectorModel(docId) : service.details(docId, certIndex, environment, atIso, trustedDocIds),
  crlDetails: (docId) => crls.details(docId),
  findSha256: (fingerprint) => service.findSha256(fingerprint),
  evaluate: (docId, certIndex, role, environment, atIso, trustedDocIds) => service.evaluate(docId, certIndex, role, environment, atIso, trustedDocIds),
  checkDraft: (draft, environment, atIso) => requests.check(draft, environment, atIso),
  generateRequest: (draft, passphrase) => requests.generate(draft, passphrase),
  catalogue: async () => catalogue(),
  // The checked model is kept between calls: a new customer name only re-renders the cover.
  ...reportApi(service),
  ...estateApi(estate),
  ...renewalApi(service),
  ...pfxApi(service),
};

const scope = self as unknown as {
  postMessage(message: WorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

scope.addEventListener('message', async (event) => {
  const { id, method, args } = event.data;
  const fn = (api as unknown as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[method];
  if (!fn) {
    scope.postMessage({ id, kind: 'error', message: `Unknown worker call ${method}` });
    return;
  }
  try {
    const value = await fn(...args);
    scope.postMessage({ id, kind: 'result', value });
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    scope.postMessage({
      id,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    });
  }
});
