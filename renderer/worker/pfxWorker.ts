// The worker side of "Make a PFX": the key comes from the KeyStore (a PFX or an unencrypted key
// file already opened) or from a locked key file with its passphrase; the certificate and chain
// come from every open file (shared/pfx/fromOpenFiles.ts). The PFX bytes go back to the window
// to be saved; the key never leaves the worker.
import { readPrivateKeyPem } from '../../shared/csr/encryptedKey.js';
import type { PfxProfile } from '../../shared/pfx/profiles.js';
import { pfxFromOpenFiles, type OpenCertificate } from '../../shared/pfx/fromOpenFiles.js';
import type { KeyStore } from '../../shared/x509/keyStore.js';
import type { DecoderService } from './service.js';

export interface PfxRequest {
  /** The open file holding the key: a key file, or a PFX to re-export. */
  keyDocId: string;
  /** The key file's passphrase, when it is encrypted. */
  passphrase?: string;
  password: string;
  profile: PfxProfile;
}

export interface BuiltPfxFile {
  fileName: string;
  bytes: Uint8Array;
  thumbprint: string;
  certificateFile: string;
  chainFiles: string[];
}

export interface PfxWorkerApi {
  /** Builds a PFX from an open key and the open certificates (complete a request, or re-export). */
  buildPfx(request: PfxRequest): Promise<BuiltPfxFile>;
}

async function keyOf(service: DecoderService<KeyStore>, request: PfxRequest): Promise<Uint8Array> {
  const [opened] = await service.documents([request.keyDocId]);
  if (!opened) throw new Error('That file is no longer open.');
  const stored = opened.document.keys.map((k) => (k.id ? service.keyStore.get(k.id) : undefined)).find((k) => k !== undefined);
  if (stored) return stored.pkcs8.slice();
  const bytes = service.bytesOf(request.keyDocId);
  if (!bytes) throw new Error(`${opened.file} holds no private key CertBench can use.`);
  const text = new TextDecoder().decode(bytes);
  bytes.fill(0);
  try {
    return await readPrivateKeyPem(text, request.passphrase || undefined);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'password-required') throw new Error(`The key in ${opened.file} is encrypted: give its passphrase.`, { cause: error });
    if (code === 'wrong-password') throw new Error(`That passphrase does not open the key in ${opened.file}.`, { cause: error });
    throw new Error(`${opened.file}: ${(error as Error).message}`, { cause: error });
  }
}

export function pfxApi(service: DecoderService<KeyStore>): PfxWorkerApi {
  return {
    async buildPfx(request) {
      const pkcs8 = await keyOf(service, request);
      try {
        const open: OpenCertificate[] = (await service.documents(service.openIds())).flatMap((d) => d.document.certificates.map((certificate) => ({ fileName: d.file, certificate })));
        const built = await pfxFromOpenFiles({ pkcs8, open, password: request.password, profile: request.profile });
        return {
          fileName: built.fileName,
          bytes: built.pfx.der,
          thumbprint: built.pfx.thumbprint,
          certificateFile: built.certificateFile,
          chainFiles: built.chain.map((c) => `${c.certificate.commonName ?? c.certificate.subject} (${c.fileName})`),
        };
      } finally {
        pkcs8.fill(0);
      }
    },
  };
}
