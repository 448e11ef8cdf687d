// The estate's side of the decoder worker: the EstateService wired to the core, and the calls
// worker.ts adds to its API. Kept apart so worker.ts only spreads these in.
import { auditEstate } from '../../shared/estate/audit.js';
import { environmentFromSnapshot } from '../../shared/estate/environment.js';
import { detectServerOutput, importServerOutput } from '../../shared/estate/import/index.js';
import { mergeSnapshots } from '../../shared/estate/merge.js';
import { parseSnapshot } from '../../shared/estate/readSnapshot.js';
import { SNAPSHOT_FORMAT } from '../../shared/estate/snapshot.js';
import { renderEstateReport } from './estateReport.js';
import type { CertificateModel } from '../../shared/model/certificate.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import type { EstateWorkerApi } from './estateApi.js';
import { EstateService } from './estateService.js';
import type { DecoderService } from './service.js';

/**
 * A snapshot is a JSON object whose "format" is certbench-snapshot; this only routes the file
 * (the key may come anywhere in the object — PowerShell hashtables keep no order), and
 * parseSnapshot then validates it and names the first bad field.
 */
function isSnapshot(text: string): boolean {
  return /^\s*\{/.test(text.replace(/^\uFEFF/, '')) && text.includes(`"${SNAPSHOT_FORMAT}"`);
}

export function createEstateService(decoder: DecoderService): EstateService {
  return new EstateService({
    isSnapshot,
    parseSnapshot,
    mergeSnapshots,
    environmentFromSnapshot,
    auditEstate,
    detectServerOutput,
    importServerOutput: (sources, options) => importServerOutput(sources, options),
    renderEstateReport,
    async trustCertificates(pems) {
      const out: CertificateModel[] = [];
      for (const pem of pems) {
        try {
          out.push(...(await decodeDocument(new TextEncoder().encode(pem), { fileName: 'trusted root' })).certificates);
        } catch {
          /* the environment form only keeps PEM certificates; one that does not decode is not trusted */
        }
      }
      return out;
    },
    async openCertificates(docIds) {
      const out: CertificateModel[] = [];
      for (const { document } of await decoder.documents(docIds)) out.push(...document.certificates);
      return out;
    },
  });
}

export function estateApi(estate: EstateService): EstateWorkerApi {
  return {
    estateState: (context) => estate.state(context),
    estatePaste: async (name, text, onlyIfServerOutput, context) => ((await estate.paste(name, text, onlyIfServerOutput)) ? estate.state(context) : null),
    estateAddText: async (name, text) => estate.paste(name, text, true),
    estateRemove: async (sourceId, context) => (estate.remove(sourceId), estate.state(context)),
    estateClear: async () => estate.clear(),
    estateSetOptions: async (options, context) => (estate.setOptions(options), estate.state(context)),
    estateReport: (format, meta, context) => estate.report(format, meta, context),
  };
}
