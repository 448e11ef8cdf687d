// The Content-Security-Policy of the workbench, in Electron (app:// protocol responses) and in
// the web edition (scripts/serve-web.js sends the same string; a test keeps them equal).
// React sets inline styles through the CSSOM, which CSP does not govern, so no 'unsafe-inline'
// is needed anywhere; the decoder worker is a same-origin module script.

export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['object-src', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy for a <meta> tag: browsers ignore frame-ancestors there and warn about it. */
export const META_CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
