// Shared helpers for the importer tests: read a synthetic sample, import text in one call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importServerOutput, type ImportOptions, type ImportResult } from '../../../shared/estate/import/index.js';

export const SAMPLES = join(import.meta.dirname, 'samples');
export const CSS_EXCHANGE = join(import.meta.dirname, '..', '..', 'data', 'css-exchange');

export function sample(name: string): string {
  return readFileSync(join(SAMPLES, name), 'utf8');
}

export function importText(text: string, options: ImportOptions = {}, name = 'pasted text'): ImportResult {
  return importServerOutput([{ name, text }], options);
}

export function importSample(name: string, options: ImportOptions = {}): ImportResult {
  return importServerOutput([{ name, text: sample(name) }], options);
}

export function certificates(result: ImportResult) {
  return result.snapshot.exchange?.certificates ?? [];
}

export function byThumbprint(result: ImportResult, thumbprint: string) {
  const found = certificates(result).find((c) => c.thumbprint === thumbprint);
  if (!found) throw new Error(`no certificate ${thumbprint} in ${JSON.stringify(certificates(result).map((c) => c.thumbprint))}`);
  return found;
}

export function warnings(result: ImportResult): string[] {
  return result.notes.filter((n) => n.level === 'warn').map((n) => n.message);
}

export function errors(result: ImportResult): string[] {
  return result.notes.filter((n) => n.level === 'error').map((n) => n.message);
}
