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
import { newSecretProblem } from '../../shared/crypto/newSecret.js';

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

export interface GeneratedRequest {
  baseName: string;
  files: { name: string; kind: 'csr' | 'key' | 'inf' | 'script'; text: string }[];
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
    // The same rule as the CLI's (shared/crypto/newSecret.ts); the key is only ever saved encrypted.
    const weak = newSecretProblem(passphrase, 'passphrase');
    if (weak) throw new Error(`${weak} The private key is only ever saved encrypted with it.`);
    const keys = await this.engine.generateKeyPair(draft.key);
    const csr = await this.engine.buildPkcs10(draft, keys);
    const keyPem = await this.engine.exportEncryptedKeyPem(keys.privateKey, passphrase);
    const baseName = this.engine.requestBaseName(draft);
    const files: GeneratedRequest['files'] = [
      { name: `${baseName}.csr`, kind: 'csr', text: csr.pem },
      { name: `${baseName}.key.pem`, kind: 'key', text: keyPem },
    ];
    if (draft.key.startsWith('rsa')) files.push({ name: `${baseName}.inf`, kind: 'inf', text: this.engine.certreqInf(draft) });
    files.push({ name: `${baseName}-request.ps1`, kind: 'script', text: this.engine.serverSideRequestScript(draft) });
    return { baseName, files };
  }
}
