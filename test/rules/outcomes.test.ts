// Every outcome of the rules that once could be deleted with every test still green (issue 14:
// exchange-auth.no-san, exchange-auth.rsa-key, exchange-auth.subject, edge-external.exportable-key,
// sfb-oauth.exportable-key), and a meta-test: every rule id of the catalogue is named in at
// least one test expectation under test/rules, so deleting a rule file fails a test.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../shared/rules/catalogue.js';
import { evaluate } from '../../shared/rules/index.js';
import type { Subject } from '../../shared/rules/engine/types.js';
import { certSubject, makeTrust, requestSubject } from '../support/models.js';
import { finding, statusOf } from './findingSets.js';

const AT = new Date('2025-06-01T00:00:00Z');
const check = (subject: Subject, role: Parameters<typeof evaluate>[1]) => evaluate(subject, role, {}, AT);
const AUTH = 'Microsoft Exchange Server Auth Certificate';
const self = { trust: makeTrust({ status: 'self-signed' as const, anchor: null, selfSigned: true }) };
const auth = (o: Parameters<typeof certSubject>[0] = {}, extra = {}) => certSubject({ cn: AUTH, san: [], selfSigned: true, extendedKeyUsage: null, ...o }, { ...self, ...extra });

describe('exchange-auth.no-san', () => {
  it('pass without host names; info with them', () => {
    expect(statusOf(check(auth(), 'exchange-auth'), 'exchange-auth.no-san')).toBe('pass');
    const r = check(auth({ san: ['mail.contoso.com'] }), 'exchange-auth');
    expect(statusOf(r, 'exchange-auth.no-san')).toBe('info');
    expect(finding(r, 'exchange-auth.no-san').title).toBe('Auth certificate lists host names');
    expect(finding(r, 'exchange-auth.no-san').detail).toContain('mail.contoso.com');
  });
});

describe('exchange-auth.rsa-key', () => {
  it('pass for RSA; error for EC (a legacy CSP holds RSA only)', () => {
    expect(statusOf(check(auth(), 'exchange-auth'), 'exchange-auth.rsa-key')).toBe('pass');
    const ec = auth({ keyAlgorithm: 'EC', keySize: 384, publicKey: { algorithm: 'EC', size: 384, curve: 'P-384', spkiSha256: '' } });
    expect(statusOf(check(ec, 'exchange-auth'), 'exchange-auth.rsa-key')).toBe('error');
    expect(statusOf(check(requestSubject({ cn: AUTH, san: [], keyAlgorithm: 'EC', keySize: 256 }), 'exchange-auth'), 'exchange-auth.rsa-key')).toBe('error');
  });
});

describe('exchange-auth.subject', () => {
  it('pass for the documented subject (noting another friendly name); warn for another subject', () => {
    expect(statusOf(check(auth(), 'exchange-auth'), 'exchange-auth.subject')).toBe('pass');
    const named = check(auth({ friendlyName: 'Old auth cert' }), 'exchange-auth');
    expect(finding(named, 'exchange-auth.subject').detail).toContain('Old auth cert');
    const r = check(auth({ cn: 'ex1.contoso.com' }), 'exchange-auth');
    expect(statusOf(r, 'exchange-auth.subject')).toBe('warn');
    expect(finding(r, 'exchange-auth.subject').title).toBe('Auth certificate has another subject');
  });
});

describe.each([
  ['edge-external.exportable-key', 'edge-external'],
  ['sfb-oauth.exportable-key', 'sfb-oauth'],
] as const)('%s', (id, role) => {
  it('pass with the key in the file; info for a request and for a file without the key', () => {
    expect(statusOf(check(certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }), role), id)).toBe('pass');
    const req = check(requestSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'] }), role);
    expect(statusOf(req, id)).toBe('info');
    expect(finding(req, id).title).toBe('Key exportability not visible in a request');
    const cer = check(certSubject({ cn: 'sip.contoso.com', san: ['sip.contoso.com'], hasPrivateKey: false }, { documentKind: 'certificate' }), role);
    expect(statusOf(cer, id)).toBe('info');
    expect(finding(cer, id).title).toBe('No private key in the file');
  });
});

describe('meta: no rule can be deleted with every test still green', () => {
  it('every catalogue rule id is named in a test expectation under test/rules', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.ts') && f !== 'catalogue.test.ts')
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    // A rule is "expected" when a test names it as `'id'`, `'id:status'` or in a describe.each row.
    const unnamed = ALL_RULES.map((r) => r.id).filter((id) => !new RegExp(`'${id.replace(/\./g, '\\.')}(:[a-z_]+)?'`).test(sources));
    expect(unnamed).toEqual([]);
  });
});

describe('meta: rule texts speak to every shell', () => {
  it('no certificate rule names a CLI flag (--server, --role, --trust, --env) in what it says', () => {
    const root = path.join(path.dirname(new URL(import.meta.url).pathname), '../../shared/rules');
    const offenders: string[] = [];
    for (const group of fs.readdirSync(root, { withFileTypes: true })) {
      if (!group.isDirectory() || group.name === 'estate' || group.name === 'engine') continue;
      for (const file of fs.readdirSync(path.join(root, group.name))) {
        if (!file.endsWith('.ts')) continue;
        const code = fs
          .readFileSync(path.join(root, group.name, file), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line))
          .join('\n');
        if (/--(server|role|trust|env)\b/.test(code)) offenders.push(`${group.name}/${file}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
