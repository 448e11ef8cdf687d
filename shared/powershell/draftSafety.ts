// The request-draft fields validateDraft does not look at, checked before a certreq INF or a
// server-side script is written from a draft. A draft can be edited (the request designer)
// and crosses the worker boundary as plain data, so its enums are only as good as the sender:
// the role and notes are printed in comments, the Lync types go unquoted after -Type, the key
// picks the key length, the product picks the cmdlet.
import type { RequestDraft } from '../csr/draft.js';
import { isKeyChoice, isRequestRole, KEY_CHOICES, REQUEST_ROLES, ROLE_PROFILES } from '../csr/roles.js';
import { findControlCharacter } from './characters.js';
import { UnsafeValueError } from './unsafeValueError.js';

export function assertDraftFieldsSafe(draft: RequestDraft): void {
  if (!isRequestRole(draft.role)) {
    throw new UnsafeValueError('unsupported', 'role', `The request role must be one of ${REQUEST_ROLES.join(', ')}.`);
  }
  const profile = ROLE_PROFILES[draft.role];
  if (draft.product !== profile.product) {
    throw new UnsafeValueError('unsupported', 'product', `The ${draft.role} request is made with the ${profile.product} cmdlets; the draft names another product.`);
  }
  if (!isKeyChoice(draft.key)) {
    throw new UnsafeValueError('unsupported', '--key', `The key must be one of ${KEY_CHOICES.join(', ')}.`);
  }
  const allowedTypes: readonly string[] = profile.lyncTypes ?? [];
  for (const type of draft.lyncTypes ?? []) {
    if (!allowedTypes.includes(type)) {
      throw new UnsafeValueError(
        'unsupported',
        'Lync certificate type',
        allowedTypes.length > 0
          ? `A ${draft.role} request uses the Lync certificate types ${allowedTypes.join(', ')}; the draft names another one.`
          : `A ${draft.role} request has no Lync certificate type; the draft names one.`,
      );
    }
  }
  // validateDraft quotes a bad OID in its message: keep that message on one line.
  for (const [field, values] of [['EKU', draft.ekus], ['note', draft.notes]] as const) {
    for (const value of values) {
      const control = findControlCharacter(value);
      if (control) throw new UnsafeValueError('control-character', field, `A request ${field} contains the control character ${control}; give it on one line.`);
    }
  }
}
