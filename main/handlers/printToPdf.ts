// File ▸ Export PDF: Chromium renders the current page (the report view prints only the report)
// to A4 PDF bytes, then the user picks where to save it.
import { saveFileWithDialog, type SaveFileDeps } from './saveFile.js';
import type { SaveFileResult } from '../../shared/ipc/channels.js';

export interface PrintToPdfDeps extends SaveFileDeps {
  /** webContents.printToPDF bound to the main window. */
  renderPdf: () => Promise<Uint8Array>;
}

export async function printToPdf(suggestedName: unknown, deps: PrintToPdfDeps): Promise<SaveFileResult> {
  let name = typeof suggestedName === 'string' && suggestedName.length > 0 ? suggestedName : 'certbench-report.pdf';
  if (!name.toLowerCase().endsWith('.pdf')) name += '.pdf';
  const pdf = await deps.renderPdf();
  return saveFileWithDialog({ suggestedName: name, data: pdf, filters: [{ name: 'PDF', extensions: ['pdf'] }] }, deps);
}
