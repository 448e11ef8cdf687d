import { describe, expect, it } from 'vitest';
import { readRoot } from '../../shared/asn1/der.js';
import * as asn1js from 'asn1js';
import { readOid } from '../../shared/asn1/values.js';

describe('object identifiers', () => {
  it.each([
    '1.2.840.113549.1.1.11',
    '2.5.29.17',
    '0.9.2342.19200300.100.1.25',
    '1.3.6.1.4.1.311.20.2.3',
    '2.999.1',
    '1.2.123456789012345678901234567890',
  ])('round-trips %s', (oid) => {
    expect(readOid(readRoot(new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER(false))))).toBe(oid);
  });

  it('refuses an OID whose last arc is cut off', () => {
    expect(() => readOid(readRoot(new Uint8Array([0x06, 0x02, 0x2a, 0x86])))).toThrow(/cut off/);
  });
});
