// File names for one request's outputs: `<role>-<cn>` plus an extension. Only [a-z0-9.-] survive,
// so the name is safe on Windows, in a script and in a shell. The one naming for the CLI and
// the app (`certbench request` and the request designer write the same four names).
import type { RequestDraft } from './draft.js';

export function requestBaseName(draft: Pick<RequestDraft, 'role' | 'commonName'>): string {
  const cn = draft.role === 'exchange-auth' ? 'auth' : draft.commonName.toLowerCase();
  return `${draft.role}-${cn}`.replace(/[^a-z0-9.-]+/g, '-').replace(/-+/g, '-');
}

export type RequestFileKind = 'csr' | 'key' | 'inf' | 'script';

/** The names of a request's files: the CSR, the encrypted key, the certreq INF and the server-side script. */
export function requestFileNames(draft: Pick<RequestDraft, 'role' | 'commonName'>): Record<RequestFileKind, string> {
  const base = requestBaseName(draft);
  return { csr: `${base}.csr`, key: `${base}.key.pem`, inf: `${base}.inf`, script: `${base}.request.ps1` };
}
