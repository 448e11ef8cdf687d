// One rule for new secrets (issue 18, item 15): the key passphrase of `request` and the PFX
// password of `pfx` in the CLI, and the passphrase of the app's request dialog, all go through
// shared/crypto/newSecret.ts; a weak one is refused with nothing written. The modern profile
// writes 300,000 PBKDF2 iterations, not OpenSSL's 2,048.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../cli/commands/request.js';
import { MIN_SECRET_LENGTH, newSecretProblem } from '../../shared/crypto/newSecret.js';
import { PFX_ITERATIONS } from '../../shared/pfx/profiles.js';
import type { RequestDraft } from '../../shared/csr/draft.js';
import { RequestService, type RequestEngine } from '../../renderer/worker/requestService.js';
import { fakeIo } from '../commands/fakeIo.js';
import { requireBuiltCli, runCli } from '../support/cli.js';
import { makeWorkDir, removeWorkDir, selfSigned, type IssuedCert } from '../support/openssl.js';

let dir: string;
let cert: IssuedCert;

beforeAll(() => {
  requireBuiltCli();
  dir = makeWorkDir('new-secret');
  cert = selfSigned({ dir, subject: '/CN=ex1.contoso.com', san: ['DNS:ex1.contoso.com'], startDate: '2025-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z' });
});
afterAll(() => removeWorkDir(dir));

describe('newSecretProblem', () => {
  it('refuses short, repeated and common secrets; accepts the rest', () => {
    expect(MIN_SECRET_LENGTH).toBe(8);
    expect(newSecretProblem('', 'passphrase')).toBe('The passphrase has 0 characters; use at least 8.');
    expect(newSecretProblem('Ab1!x', 'PFX password')).toBe('The PFX password has 5 characters; use at least 8.');
    // Counted in characters, not UTF-16 units: 4 emoji are 4 characters.
    expect(newSecretProblem('🔑🔑🔒🔓', 'passphrase')).toMatch(/has 4 characters/);
    expect(newSecretProblem('aaaaaaaaaa', 'passphrase')).toMatch(/one character repeated/);
    for (const common of ['password', 'Password1', '12345678', 'CHANGEIT', 'qwertyuiop']) expect(newSecretProblem(common, 'PFX password'), common).toMatch(/most common/);
    for (const ok of ['correct horse', 'Ex-2019 pass;word', 'Pfx-Pass 1', 'Zürich-Schlüssel']) expect(newSecretProblem(ok, 'passphrase'), ok).toBeNull();
  });
});

describe('the CLI uses it', () => {
  it('request: a weak passphrase writes nothing, exit 2', async () => {
    for (const weak of ['short1', 'password', 'xxxxxxxxxxxx']) {
      const io = fakeIo(dir, { KEY_PASS: weak });
      await expect(request(['--role', 'exchange-um', '--server', 'ex1.contoso.com', '--out', 'req-weak', '--passphrase-env', 'KEY_PASS'], io)).rejects.toThrow(/^certbench request: The passphrase .* Nothing was written\.$/);
    }
    expect(fs.existsSync(path.join(dir, 'req-weak'))).toBe(false);
  });

  it('pfx: a weak new PFX password writes nothing, exit 2', async () => {
    const r = await runCli(['pfx', '--cert', cert.certPem, '--key', cert.keyPem, '--profile', 'modern', '--out', 'weak.pfx', '--password-env', 'PFX_PASS'], { cwd: dir, env: { PFX_PASS: '1234' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('certbench pfx: The PFX password has 4 characters; use at least 8. Nothing was written.\n');
    expect(fs.existsSync(path.join(dir, 'weak.pfx'))).toBe(false);
  });

  it('the modern profile uses as many PBKDF2 iterations as .NET\'s default PKCS#12 limits allow', () => {
    expect(PFX_ITERATIONS.modern).toBe(300_000);
    // Three KDF runs (certificates, key, MAC) within TotalKdfIterationLimit = 1,000,000.
    expect(PFX_ITERATIONS.modern * 3).toBeLessThanOrEqual(1_000_000);
  });
});

describe('the app uses it', () => {
  it('the request dialog\'s worker refuses the same secrets before making a key', async () => {
    // The app's files come from the core's generateRequestFiles (the CLI's too), which checks
    // the passphrase before anything else: an empty draft is never even looked at.
    const engine = new Proxy({} as RequestEngine, {
      get: (_t, name) => () => {
        throw new Error(`engine.${String(name)} should not be reached`);
      },
    });
    const service = new RequestService(engine);
    const draft = {} as RequestDraft;
    await expect(service.generate(draft, 'Ab1!x')).rejects.toThrow('The passphrase has 5 characters; use at least 8. The private key is only ever saved encrypted with it.');
    await expect(service.generate(draft, 'changeme')).rejects.toThrow(/most common passwords/);
    await expect(service.generate(draft, 'zzzzzzzzzz')).rejects.toThrow(/one character repeated/);
    // A good passphrase gets past the rule and reaches the draft check (the empty draft fails there).
    const past = await service.generate(draft, 'correct horse').catch((e: Error) => e);
    expect(past).toBeInstanceOf(Error);
    expect((past as Error).message).not.toMatch(/passphrase|should not be reached/);
  });
});
