// Get-CsCertificate (Lync / Skype for Business): one object per Use (Default,
// WebServicesInternal, OAuthTokenIssuer, AccessEdgeExternal, …) on the computer it ran on.
import type { SnapshotSkypeCertificate } from '../../snapshot.js';
import { readThumbprint, thumbprintOrNull } from '../thumbprintValue.js';
import { list, text, type PsRecord } from '../types.js';
import type { ReadContext } from './context.js';

export function readCsCertificate(record: PsRecord, ctx: ReadContext, computer: string): { certificate: SnapshotSkypeCertificate; masked: boolean } {
  const thumb = readThumbprint(text(record, 'Thumbprint'));
  const thumbprint = thumb.kind === 'value' ? thumb.thumbprint : null;
  const cert: SnapshotSkypeCertificate = {
    computer,
    use: text(record, 'Use') || 'Unknown',
    thumbprint,
    effectiveDate: null,
    previousThumbprint: thumbprintOrNull(text(record, 'PreviousThumbprint')),
  };
  for (const key of ['Subject', 'Issuer'] as const) {
    const v = text(record, key);
    if (v) cert[key === 'Subject' ? 'subject' : 'issuer'] = v;
  }
  const names = list(record, 'AlternativeNames');
  if (names.length) cert.dnsNames = names;
  const nb = ctx.book.add(text(record, 'NotBefore'), 'NotBefore', thumbprint, (iso) => (iso ? (cert.notBefore = iso) : delete cert.notBefore));
  const na = ctx.book.add(text(record, 'NotAfter'), 'NotAfter', thumbprint, (iso) => (iso ? (cert.notAfter = iso) : delete cert.notAfter));
  ctx.book.pair(nb, na);
  ctx.book.add(text(record, 'EffectiveDate'), 'EffectiveDate', null, (iso) => (cert.effectiveDate = iso ?? null));
  return { certificate: cert, masked: thumb.kind === 'masked' };
}
