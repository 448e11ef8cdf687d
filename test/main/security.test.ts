import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from '../../main/security/appOrigin.js';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, META_CONTENT_SECURITY_POLICY } from '../../main/security/csp.js';
import { isNavigationAllowed, isPermissionGranted, isSafeExternalUrl, windowOpenDecision } from '../../main/security/navigation.js';
import { isTrustedSender } from '../../main/security/sender.js';
import { mainWindowOptions } from '../../main/security/windowOptions.js';

describe('window options', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/node/main/preload.cjs', dark: false });
  it('locks the renderer down', () => {
    const p = options.webPreferences;
    expect(p.contextIsolation).toBe(true);
    expect(p.sandbox).toBe(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).toBe(false);
    expect(p.nodeIntegrationInSubFrames).toBe(false);
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).toBe(false);
    expect(p.webviewTag).toBe(false);
    expect(p.experimentalFeatures).toBe(false);
    expect(p.navigateOnDragDrop).toBe(false);
    expect(p.devTools).toBe(false);
    expect(p.preload).toBe('/app/out/node/main/preload.cjs');
  });
  it('has no remote module or other risky keys', () => {
    const keys = Object.keys(options.webPreferences);
    expect(keys).not.toContain('enableRemoteModule');
    expect(keys).not.toContain('additionalArguments');
    expect(JSON.stringify(options)).not.toMatch(/remote/i);
  });
  it('is readable at 1280×800 and follows the theme for its background', () => {
    expect(options.width).toBe(1280);
    expect(options.height).toBe(800);
    expect(options.show).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', dark: true }).backgroundColor).not.toBe(options.backgroundColor);
    expect(mainWindowOptions({ preloadPath: 'p', dark: false }, true).webPreferences.devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]));
  it('denies by default and allows only our own scripts', () => {
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('worker-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });
  it('never allows inline or eval code, nor remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(directives.get('connect-src')).toBe("'self'");
  });
  it('the meta form drops only frame-ancestors (ignored in <meta>)', () => {
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(META_CONTENT_SECURITY_POLICY.split('; ')).toHaveLength(CSP_DIRECTIVES.length - 1);
  });
  it('the web edition server sends exactly the same policy', async () => {
    const serveWeb = (await import('../../scripts/serve-web.js' as string)) as { CONTENT_SECURITY_POLICY: string };
    expect(serveWeb.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('navigation, new windows, permissions', () => {
  it('only our own origin may be navigated to', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://certbench/index.html#x')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://pki.contoso.com/root.crl',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://user:pw@certbench/index.html',
      'javascript:alert(1)',
      'data:text/html,hi',
      'not a url',
      '',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });
  it('denies every new window and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(isPermissionGranted(p)).toBe(false);
  });
  it('opens only plain http(s) URLs from certificates', () => {
    expect(isSafeExternalUrl('http://pki.contoso.com/root.crl')).toBe(true);
    expect(isSafeExternalUrl('https://crl.example.com/a.crl')).toBe(true);
    for (const url of ['ldap:///CN=Root,DC=contoso', 'file:///C:/x', 'javascript:alert(1)', 'https://user:pw@x.com/', 'smb://x/y', 'http://', 'x'.repeat(3000)]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('IPC sender checks', () => {
  const ours = { frameUrl: APP_ENTRY_URL, isMainFrame: true, webContentsId: 7 };
  it('accepts the main frame of our window on our origin', () => {
    expect(isTrustedSender(ours, 7)).toBe(true);
    expect(isAppUrl(ours.frameUrl)).toBe(true);
  });
  it('refuses other windows, subframes, other origins and vanished frames', () => {
    expect(isTrustedSender({ ...ours, webContentsId: 8 }, 7)).toBe(false);
    expect(isTrustedSender(ours, null)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://evil.example/' }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///tmp/x.html' }, 7)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: null }, 7)).toBe(false);
  });
});
