// Exchange stores a connector's (and the hybrid configuration's) TLS certificate as one string,
// `<I>issuer<S>subject` (Set-SendConnector -TlsCertificateName; HealthChecker reads it the
// same way). Split it into its two distinguished names.

export interface TlsCertificateName {
  issuer: string;
  subject: string;
}

export function parseTlsCertificateName(value: string): TlsCertificateName | null {
  const m = /^\s*<I>([\s\S]*?)<S>([\s\S]*)$/i.exec(value);
  if (!m) return null;
  const issuer = m[1]!.trim();
  const subject = m[2]!.trim();
  return issuer && subject ? { issuer, subject } : null;
}
