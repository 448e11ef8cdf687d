// The importer's public types (re-exported by index.ts) and the record every parser produces.
import type { Snapshot } from '../snapshot.js';

export interface ImportSource {
  /** What the user calls it: a file name, or "pasted text". Named in every note. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** The server the output came from, where the text does not name one. */
  server?: string;
  /** The shell's culture (en-US, en-GB, de-DE, …): how its dates are written. */
  locale?: string;
  /** Certificates already known (open files): their dates settle day/month order. */
  knownCertificates?: { thumbprint: string; notBefore: string; notAfter: string }[];
}

export interface ImportNote {
  source: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  /**
   * What a shell can help with, in its own words: `dates-ambiguous` (ask for the shell's
   * locale), `server-unknown` (ask for the server), `not-server-output` (the source was not
   * recognised at all), `unreadable` (damaged file).
   */
  code?: 'dates-ambiguous' | 'server-unknown' | 'not-server-output' | 'unreadable';
}

export interface UnderstoodObject {
  source: string;
  /** A format id (see FORMAT_NAMES). */
  format: string;
  /** One sentence, e.g. "Get-ExchangeCertificate on EX1: 4 certificates, services known; …". */
  summary: string;
}

export interface ImportResult {
  snapshot: Snapshot;
  understood: UnderstoodObject[];
  notes: ImportNote[];
}

/** A value as a cmdlet printed it: one string, a list (`{a, b}` / a CliXML collection), or nothing. */
export type FieldValue = string | string[] | null;

/**
 * One printed object, whatever it came from (Format-List text, a table row, a CliXML object):
 * property name → value. Names are looked up case-insensitively.
 */
export interface PsRecord {
  fields: Map<string, { name: string; value: FieldValue }>;
  /** CliXML type names (without `Deserialized.`), when known. */
  typeNames: string[];
  /** 1-based line where the object starts in the source (text only). */
  line?: number;
}

export function newRecord(typeNames: string[] = [], line?: number): PsRecord {
  return { fields: new Map(), typeNames, ...(line !== undefined ? { line } : {}) };
}

export function setField(record: PsRecord, name: string, value: FieldValue): void {
  record.fields.set(name.toLowerCase(), { name, value });
}

export function hasField(record: PsRecord, name: string): boolean {
  return record.fields.has(name.toLowerCase());
}

/** The value as one trimmed string ('' when absent or empty; a list joined with ", "). */
export function text(record: PsRecord, name: string): string {
  const v = record.fields.get(name.toLowerCase())?.value;
  if (v === undefined || v === null) return '';
  return (Array.isArray(v) ? v.join(', ') : v).trim();
}

/** The value as a list: a printed `{a, b}` / collection, or a single value as one item. */
export function list(record: PsRecord, name: string): string[] {
  const v = record.fields.get(name.toLowerCase())?.value;
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map((s) => s.trim()).filter((s) => s !== '');
  return splitPrintedList(v);
}

/** `{a, b, c}` → [a, b, c]; `{}` → []; a bare value → [value]. A truncated `…` / `...` item is dropped. */
export function splitPrintedList(value: string): string[] {
  let v = value.trim();
  if (v.startsWith('{')) v = v.slice(1);
  if (v.endsWith('}')) v = v.slice(0, -1);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '...' && s !== '…');
}
