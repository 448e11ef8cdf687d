// The packaging config cannot be exercised here (electron-builder downloads its tools), so its
// shape is checked: targets, file associations, fuses, entry point and icons.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// js-yaml is what electron-builder itself reads the file with (its dependency).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const root = new URL('../../', import.meta.url);
const config = yaml.load(readFileSync(new URL('build/electron-builder.yml', root), 'utf8')) as Record<string, any>;

const targetsOf = (section: { target: (string | { target: string })[] }) => section.target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder config', () => {
  it('builds NSIS, dmg, AppImage and deb', () => {
    expect(targetsOf(config.win)).toContain('nsis');
    expect(targetsOf(config.mac)).toContain('dmg');
    expect(targetsOf(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });
  it('associates every certificate file type', () => {
    const extensions = (config.fileAssociations as { ext: string | string[] }[]).flatMap((a) => (Array.isArray(a.ext) ? a.ext : [a.ext]));
    expect(extensions.sort()).toEqual(['cer', 'crt', 'csr', 'der', 'p12', 'p7b', 'pem', 'pfx', 'req']);
  });
  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
    expect(config.asar).toBe(true);
  });
  it('packs the compiled app and points at its entry; icons exist', () => {
    expect(config.extraMetadata.main).toBe('out/node/main/app.js');
    expect(config.files).toEqual(expect.arrayContaining(['out/node/main/**', 'out/renderer/**']));
    for (const section of [config.win, config.mac, config.linux]) {
      expect(existsSync(new URL(section.icon, root))).toBe(true);
    }
    const png = readFileSync(new URL('build/icon.png', root));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: electron-builder wants ≥ 512 px
  });
});
