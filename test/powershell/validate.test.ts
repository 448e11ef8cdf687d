// Hostile and malformed values never reach a script.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { infQuote, psArray, psQuote } from '../../shared/powershell/quote.js';
import { isUnsafeValueError, type UnsafeValueCode } from '../../shared/powershell/unsafeValueError.js';
import { hostLabel, validateFqdn, validateFriendlyName, validateThumbprint, validateWindowsPath } from '../../shared/powershell/validate.js';

function codeOf(fn: () => unknown): UnsafeValueCode | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (isUnsafeValueError(e)) {
      expect(e.message.split('\n')).toHaveLength(1); // one clear sentence, one line
      return e.code;
    }
    throw e;
  }
}

describe('validateFqdn', () => {
  it('accepts host names and lower-cases them', () => {
    expect(validateFqdn('EX1.Contoso.com', 'f')).toBe('ex1.contoso.com');
    expect(validateFqdn('  sip.contoso.com ', 'f')).toBe('sip.contoso.com');
    expect(validateFqdn('a-b.c-d.example', 'f')).toBe('a-b.c-d.example');
  });

  it.each([
    ["ex1.contoso.com'", 'bad-fqdn'],
    ['ex1.contoso.com;Stop-Computer', 'bad-fqdn'],
    ['ex1.contoso.com`', 'bad-fqdn'],
    ['$(Stop-Computer).contoso.com', 'bad-fqdn'],
    ['ex1.contoso.com\nStop-Computer', 'control-character'],
    ['ex1.contoso.com\r', 'control-character'],
    ['ex1\u2018.contoso.com', 'quote-look-alike'],
    ['ex1\u201B.contoso.com', 'quote-look-alike'],
    ['ex1\u201C.contoso.com', 'quote-look-alike'],
    ['ex1\u2013x.contoso.com', 'quote-look-alike'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['ex1', 'bad-fqdn'],
    ['ex1..contoso.com', 'bad-fqdn'],
    ['-ex1.contoso.com', 'bad-fqdn'],
    ['ex_1.contoso.com', 'bad-fqdn'],
    ['exé.contoso.com', 'bad-fqdn'],
    ['*.contoso.com', 'wildcard'],
    [`${'a'.repeat(64)}.contoso.com`, 'bad-fqdn'],
    [`${'abcdefghi.'.repeat(26)}com`, 'bad-fqdn'],
  ] as const)('refuses %j (%s)', (value, code) => {
    expect(codeOf(() => validateFqdn(value, '--server'))).toBe(code);
  });

  it('allows a wildcard SAN only when asked, and a single label only when asked', () => {
    expect(validateFqdn('*.contoso.com', 'f', { allowWildcard: true })).toBe('*.contoso.com');
    expect(codeOf(() => validateFqdn('ex1.*.com', 'f', { allowWildcard: true }))).toBe('bad-fqdn');
    expect(validateFqdn('ex1', 'f', { allowSingleLabel: true })).toBe('ex1');
    expect(hostLabel('ex1.contoso.com')).toBe('ex1');
  });

  it('never returns a value with a character outside [a-z0-9.-*] (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        try {
          const v = validateFqdn(s, 'f', { allowWildcard: true });
          return /^[a-z0-9.*-]+$/.test(v);
        } catch (e) {
          return isUnsafeValueError(e);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validateThumbprint', () => {
  const T = '1A31B79C2F440D5E6A778899AABBCCDDEEFF0011';
  it('cleans U+200E, U+200F, U+FEFF, spaces and case (IM-07)', () => {
    const r = validateThumbprint('\u200E1a 31 b7 9c 2f 44 0d 5e 6a 77 88 99 aa bb cc dd ee ff 00 11\uFEFF', 't');
    expect(r.value).toBe(T);
    expect(r.invisibleRemoved).toEqual(['U+200E', 'U+FEFF']);
    expect(validateThumbprint(`\u200F${T.toLowerCase()}\n`, 't').value).toBe(T);
  });

  it.each([
    ['12345678123412341234567812345678123126789', 'bad-thumbprint'], // the seed's 41 characters
    [T.slice(0, 39), 'bad-thumbprint'],
    [`${T}'`, 'bad-thumbprint'],
    [`${T};Stop-Computer`, 'bad-thumbprint'],
    [`${T.slice(0, 20)}\n${T.slice(20)}`, 'control-character'],
    [`${T.slice(0, 38)}\u2019\u2019`, 'quote-look-alike'],
    ['$(Get-Date)', 'bad-thumbprint'],
    ['', 'empty'],
  ] as const)('refuses %j', (value, code) => {
    expect(codeOf(() => validateThumbprint(value, '--thumbprint'))).toBe(code);
  });

  it('says how many hex characters it found', () => {
    expect(() => validateThumbprint('12345678123412341234567812345678123126789', '--thumbprint')).toThrow(/41 hex characters/);
  });
});

describe('validateWindowsPath', () => {
  it('accepts drive and UNC paths', () => {
    expect(validateWindowsPath('C:\\Certs\\ex1.pfx', 'p')).toBe('C:\\Certs\\ex1.pfx');
    expect(validateWindowsPath('\\\\fs01\\share\\ex1.pfx', 'p')).toBe('\\\\fs01\\share\\ex1.pfx');
  });
  it.each([
    "C:\\Certs\\it's.pfx",
    'C:\\Certs\\a;b.pfx',
    'C:\\Certs\\$(x).pfx',
    'C:\\Certs\\a`b.pfx',
    'C:\\Certs\\a\nb.pfx',
    'C:\\Certs\\a\u2019b.pfx',
    'Certs\\relative.pfx',
    'C:\\Certs\\..\\..\\x.pfx',
    'C:\\a:b.pfx',
    '',
  ])('refuses %j', (value) => {
    expect(codeOf(() => validateWindowsPath(value, '--pfx'))).not.toBe('ok');
  });
});

describe('quoting', () => {
  it('single-quotes with inner quotes doubled; $ and backtick stay literal inside single quotes', () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
    expect(psQuote('$(Stop-Computer) `n')).toBe("'$(Stop-Computer) `n'");
  });
  it('refuses look-alike quotes and control characters instead of quoting them', () => {
    for (const bad of ['a\u2018b', 'a\u2019b', 'a\u201Ab', 'a\u201Bb', 'a\nb', 'a\u0000b', 'a\u2028b']) {
      expect(codeOf(() => psQuote(bad, 'v'))).not.toBe('ok');
    }
  });
  it('refuses an empty array element (the seed\'s @("", …))', () => {
    expect(psArray(['a', 'b'])).toBe("@('a','b')");
    expect(codeOf(() => psArray(['', 'IMCertificateThumbprint=1234'], '-Parameters'))).toBe('empty');
  });
  it('a quoted value is always one single-quoted token (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        try {
          const q = psQuote(s);
          // Strip the outer quotes; what is left has only doubled ASCII quotes and no look-alikes.
          const inner = q.slice(1, -1);
          return q.startsWith("'") && q.endsWith("'") && !/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, '')) && !/[\u2018-\u201B\n\r]/.test(inner);
        } catch (e) {
          return isUnsafeValueError(e);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('INF strings refuse double quotes', () => {
    expect(infQuote('CN=ex1.contoso.com')).toBe('"CN=ex1.contoso.com"');
    expect(codeOf(() => infQuote('a"b'))).toBe('bad-name');
    expect(codeOf(() => validateFriendlyName('a"b', 'n'))).toBe('bad-name');
    expect(validateFriendlyName("Bob's cert", 'n')).toBe("Bob's cert");
  });
});
