// The request designer's work, in the worker: a live check of the draft (a preview request
// signed with a throw-away key, decoded and run through the same rules as any CSR) and the
// final outputs (CSR with a fresh key, the key only as encrypted PKCS#8, INF, server script).
import type { RequestDraft } from '../../shared/csr/draft.js';
import type { KeyChoice } from '../../shared/csr/roles.js';
import type { Environment } from '../../shared/environment/types.js';
import type { DecodedDocument } from '../../shared/model/document.js';
import type { RequestModel } from '../../shared/model/request.js';
import type { EvaluationResult } from '../../shared/rules/engine/types.js';
import type { RulesEngine } from './service.js';
import { generateRequestFiles, WeakPassphraseError, type RequestFile } from '../../shared/csr/requestFiles.js';

export interface RequestEngine {
  generateKeyPair(choice: KeyChoice): Promise<CryptoKeyPair>;
  buildPkcs10(draft: RequestDraft, keys: CryptoKeyPair): Promise<{ der: Uint8Array; pem: string }>;
  exportEncryptedKeyPem(privateKey: CryptoKey, passphrase: string): Promise<string>;
  certreqInf(draft: RequestDraft): string;
  serverSideRequestScript(draft: RequestDraft): string;
  requestBaseName(draft: Pick<RequestDraft, 'role' | 'commonName'>): string;
  decodeDocument(bytes: Uint8Array, options: { fileName: string }): Promise<DecodedDocument>;
  evaluate: RulesEngine['evaluate'];
}

export interface DraftCheck {
  request: RequestModel;
  evaluation: EvaluationResult;
}

/** The core's files (generateRequestFiles): the same names and contents `certbench request` writes. */
export interface GeneratedRequest {
  baseName: string;
  files: RequestFile[];
}

export class RequestService {
  readonly #previewKeys = new Map<KeyChoice, Promise<CryptoKeyPair>>();

  constructor(private readonly engine: RequestEngine) {}

  async check(draft: RequestDraft, environment: Environment, atIso: string): Promise<DraftCheck> {
    let keys = this.#previewKeys.get(draft.key);
    if (!keys) {
      keys = this.engine.generateKeyPair(draft.key);
      this.#previewKeys.set(draft.key, keys);
    }
    const built = await this.engine.buildPkcs10(draft, await keys);
    const decoded = await this.engine.decodeDocument(built.der, { fileName: 'draft.csr' });
    if (!decoded.request) throw new Error('The draft did not produce a readable request.');
    const evaluation = this.engine.evaluate({ kind: 'request', request: decoded.request }, draft.role, environment, new Date(atIso), draft.server ? { server: draft.server } : {});
    return { request: decoded.request, evaluation };
  }

  async generate(draft: RequestDraft, passphrase: string): Promise<GeneratedRequest> {
    // The core checks the passphrase with the one rule for new secrets before a key is made,
    // and makes the files the CLI writes; the key is only ever offered encrypted.
    try {
      const { baseName, files } = await generateRequestFiles(draft, passphrase);
      return { baseName, files };
    } catch (error) {
      // The core's sentence, in the app's words around it.
      if (error instanceof WeakPassphraseError) throw new Error(`${error.message} The private key is only ever saved encrypted with it.`, { cause: error });
      throw error;
    }
  }
}
