// Get-AuthConfig (the organisation's one "Auth Configuration" object): which certificate
// Exchange signs OAuth tokens with now, before, and next (with the date it takes over).
import type { SnapshotAuthConfig } from '../../snapshot.js';
import { readThumbprint } from '../thumbprintValue.js';
import { text, type PsRecord } from '../types.js';
import type { ReadContext } from './context.js';

export function readAuthConfig(record: PsRecord, ctx: ReadContext): SnapshotAuthConfig {
  const thumb = (field: string): string | null => {
    const r = readThumbprint(text(record, field));
    if (r.kind === 'masked') ctx.note('warn', `${ctx.source}: Get-AuthConfig's ${field} is masked ("${r.printed}"); it is kept as unknown and matched to nothing.`);
    return r.kind === 'value' ? r.thumbprint : null;
  };
  const config: SnapshotAuthConfig = {
    currentCertificateThumbprint: thumb('CurrentCertificateThumbprint'),
    previousCertificateThumbprint: thumb('PreviousCertificateThumbprint'),
    nextCertificateThumbprint: thumb('NextCertificateThumbprint'),
    nextCertificateEffectiveDate: null,
  };
  ctx.book.add(text(record, 'NextCertificateEffectiveDate'), 'NextCertificateEffectiveDate', null, (iso) => {
    config.nextCertificateEffectiveDate = iso ?? null;
  });
  return config;
}
