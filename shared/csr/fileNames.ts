// File names for one request's outputs: `<role>-<cn>` plus an extension. Only [a-z0-9.-] survive,
// so the name is safe on Windows, in a script and in a shell.
import type { RequestDraft } from './draft.js';

export function requestBaseName(draft: Pick<RequestDraft, 'role' | 'commonName'>): string {
  const cn = draft.role === 'exchange-auth' ? 'auth' : draft.commonName.toLowerCase();
  return `${draft.role}-${cn}`.replace(/[^a-z0-9.-]+/g, '-').replace(/-+/g, '-');
}
