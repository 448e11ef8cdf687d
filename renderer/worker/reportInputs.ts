// The open documents' full models for the report, decoded ahead of the click on Report. The list
// of 1,100 files keeps only a lean listing of each (the worker's service re-decodes a model when
// asked, keeping the last few hundred); decoding all of them again was half of the worker's time
// after the click (issue 16.10). Decoding does not depend on the evaluation time, so it is done in
// the background once the files are open; checking them, which does, still waits for the click.
import type { DecodedDocument } from '../../shared/model/document.js';
import type { DecoderService } from './service.js';

/** Above this many open files no models are kept ahead (their memory); the report decodes them when asked. */
export const PREPARED_AT_MOST = 2500;
/** Files decoded per turn, so other calls to the worker (a selected file's check) are not held up. */
const PREPARE_BATCH = 50;

export type ReportInput = { file: string; document: DecodedDocument };

export class ReportInputs {
  readonly #ready = new Map<string, ReportInput>();
  #generation = 0;

  constructor(private readonly service: Pick<DecoderService, 'documents'>) {}

  /** Decodes these documents' models in the background (dropping any other kept); resolves when done or superseded. */
  async prepare(docIds: readonly string[]): Promise<void> {
    const generation = ++this.#generation;
    const wanted = new Set(docIds.length <= PREPARED_AT_MOST ? docIds : []);
    for (const id of this.#ready.keys()) if (!wanted.has(id)) this.#ready.delete(id);
    const todo = [...wanted].filter((id) => !this.#ready.has(id));
    for (let i = 0; i < todo.length; i += PREPARE_BATCH) {
      // A turn of the event loop between batches: the worker answers other calls meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (generation !== this.#generation) return;
      const decoded = await this.#decode(todo.slice(i, i + PREPARE_BATCH));
      if (generation !== this.#generation) return;
      for (const [id, input] of decoded) this.#ready.set(id, input);
    }
  }

  /** The models of these documents, in order: those prepared, the others decoded now (a closed one is left out). */
  async get(docIds: readonly string[]): Promise<ReportInput[]> {
    const now = await this.#decode(docIds.filter((id) => !this.#ready.has(id)));
    return docIds.flatMap((id) => this.#ready.get(id) ?? now.get(id) ?? []);
  }

  /** Decodes these documents' models, by id (service.documents leaves out the ones no longer open). */
  async #decode(ids: readonly string[]): Promise<Map<string, ReportInput>> {
    if (ids.length === 0) return new Map();
    const decoded = await this.service.documents(ids);
    if (decoded.length === ids.length) return new Map(ids.map((id, i) => [id, decoded[i]!]));
    const out = new Map<string, ReportInput>();
    for (const id of ids) {
      const [one] = await this.service.documents([id]);
      if (one) out.set(id, one);
    }
    return out;
  }

  /** How many models are kept ahead (for tests). */
  get size(): number {
    return this.#ready.size;
  }
}
