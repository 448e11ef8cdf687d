// findThumbprints: thumbprints inside any pasted line, with their positions.
import { describe, expect, it } from 'vitest';
import { findThumbprints } from '../../../shared/model/findThumbprints.js';

const T = '3F2A9C0D5B7E41A8C6D2E0F193B4A5C6D7E8F901';
const spaced = (t: string, sep = ' ') => t.replace(/(..)(?!$)/g, `$1${sep}`);

describe('findThumbprints', () => {
  it('a Get-ExchangeCertificate table row', () => {
    const line = `${T}  IP.WS..    CN=mail.fabrikam.example`;
    expect(findThumbprints(line)).toEqual([{ thumbprint: T, start: 0, end: 40, line: 1, form: 'plain', hadInvisible: false }]);
  });

  it('certutil Cert Hash(sha1) with spaced lower-case pairs, and the plain form', () => {
    const text = `Cert Hash(sha1): ${spaced(T).toLowerCase()}\nCert Hash(sha1): ${T.toLowerCase()}`;
    const found = findThumbprints(text);
    expect(found.map((f) => [f.thumbprint, f.form, f.line])).toEqual([
      [T, 'spaced', 1],
      [T, 'plain', 2],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(spaced(T).toLowerCase());
  });

  it('the Windows dialog copy with U+200E in front, and OpenSSL colons', () => {
    const text = `Thumbprint: \u200e${spaced(T).toLowerCase()} and sha1 Fingerprint=${spaced(T, ':')}`;
    const found = findThumbprints(text);
    expect(found.map((f) => [f.thumbprint, f.form, f.hadInvisible])).toEqual([
      [T, 'spaced', true],
      [T, 'separated', false],
    ]);
    expect(text[found[0]!.start]).toBe('\u200e');
  });

  it('several on one Format-List line set (Identity and Thumbprint)', () => {
    const text = `Identity   : EX1\\${T}\nThumbprint : ${T}`;
    expect(findThumbprints(text).map((f) => f.line)).toEqual([1, 2]);
  });

  it('not a SHA-256 fingerprint, a serial number or a GUID', () => {
    const sha256 = 'AB'.repeat(32);
    expect(findThumbprints(sha256)).toEqual([]);
    expect(findThumbprints(spaced(sha256))).toEqual([]);
    expect(findThumbprints('Serial Number: 6100000012ab34cd56ef0000000012')).toEqual([]);
    expect(findThumbprints('RunspaceId : 7b1c2d3e-4f50-4162-8374-95a6b7c8d9e0')).toEqual([]);
    expect(findThumbprints(`${T.slice(0, 38)}`)).toEqual([]);
  });

  it('mixed separators are not one value; a masked thumbprint is nothing', () => {
    expect(findThumbprints(spaced(T).replace(' ', ':'))).toEqual([]);
    expect(findThumbprints('Thumbprint : ****************************************')).toEqual([]);
  });

  it('spaced pairs followed by a word (not more hex) still count', () => {
    expect(findThumbprints(`${spaced(T)} is the one`).map((f) => f.thumbprint)).toEqual([T]);
  });
});
