// Issue 16 item 11: the app and customer reports say things without CLI options or internal ids.
import { describe, expect, it } from 'vitest';
import { forPeople } from '../../shared/words/forPeople.js';

describe('forPeople', () => {
  it.each([
    ['If this is your internal CA, add its root to the environment (trustedRoots) or pass it with --trust, and make sure', 'If this is your internal CA, add its root to the environment (trustedRoots) or add it to the trusted roots, and make sure'],
    ['Guessed per certificate (--role auto)', 'Guessed per certificate (guessed from its names and the environment)'],
    ['Make the PFX with `certbench pfx --profile legacy`.', 'Make the PFX with `certbench pfx the legacy (3DES, Server 2016 and older) PFX profile`.'],
    ['may only hold A-Z, a-z, 0-9 and inner hyphens (GEN-L7)', 'May only hold A-Z, a-z, 0-9 and inner hyphens'],
    ['"Exchange UM and Lync issue using wildcard certificate" (seed 001_503b04c0759d153a); for the Edge', '"Exchange UM and Lync issue using wildcard certificate"; for the Edge'],
    ['Lync team posts, seed 004_0bca91f6a8ba607f', 'Lync team posts'],
    ['UM-01: CN is the UM server FQDN, because Lync checks the CN.', 'CN is the UM server FQDN, because Lync checks the CN.'],
    ['Skype for Business 2019 has no Exchange UM integration (UM-11, Cloud Voicemail replaces it).', 'Skype for Business 2019 has no Exchange UM integration (Cloud Voicemail replaces it).'],
    ['The key needs a legacy CSP (WIN-01, GEN-L8, GEN-L4); use rsa2048.', 'The key needs a legacy CSP; use rsa2048.'],
    ['No server given (--server); set $server.', 'No server given (the server name); set $server.'],
  ])('%s', (core, words) => {
    expect(forPeople(core)).toBe(words);
    expect(forPeople(core)).not.toMatch(/--[a-z]|seed [0-9a-f]{3}|\b(GEN-L|WIN-|UM-)\d/);
  });

  it('leaves ordinary parentheses and hyphens alone', () => {
    const text = 'The SAN (subject alternative name) lists sip.contoso.com; re-issue it (2048-bit RSA).';
    expect(forPeople(text)).toBe(text);
  });
});
