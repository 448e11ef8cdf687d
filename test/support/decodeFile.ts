// Read a fixture file and run the real decoder on it, as the CLI and the app do.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { DecodedDocument } from '../../shared/model/document.js';
import { decodeDocument } from '../../shared/x509/decode.js';
import { InputError, type InputErrorCode } from '../../shared/x509/inputError.js';
import type { KeyStore } from '../../shared/x509/keyStore.js';

export interface DecodeFileOptions {
  password?: string;
  keyStore?: KeyStore;
  /** The name the decoder reports (default: the file's base name). */
  fileName?: string;
}

export function decodeFile(file: string, options: DecodeFileOptions = {}): Promise<DecodedDocument> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  return decodeDocument(bytes, {
    fileName: options.fileName ?? path.basename(file),
    password: options.password,
    keyStore: options.keyStore,
  });
}

/** Run `work`, expect an InputError: one line, naming `fileName`, with `code` when given. */
export async function expectInputError(
  work: Promise<unknown>,
  fileName: string,
  code?: InputErrorCode | InputErrorCode[],
): Promise<InputError> {
  let caught: unknown;
  try {
    await work;
  } catch (error) {
    caught = error;
  }
  expect(caught, `${fileName}: expected an InputError, the decoder returned normally`).toBeDefined();
  if (!(caught instanceof InputError)) {
    throw new Error(`${fileName}: expected an InputError, got ${String((caught as Error)?.name)}: ${String((caught as Error)?.message)}`);
  }
  expect(caught.message, `${fileName}: message names the file`).toContain(fileName);
  expect(caught.message, `${fileName}: message is one line`).not.toMatch(/[\r\n]/);
  expect(caught.message.length, `${fileName}: message is a sentence, not a dump`).toBeLessThan(400);
  if (code !== undefined) {
    const codes = Array.isArray(code) ? code : [code];
    expect(codes, `${fileName}: code ${caught.code} (${caught.message})`).toContain(caught.code);
  }
  return caught;
}
