// The organisation part of a request's subject (O, OU, L, ST, C) and the CA template name: a PKI
// team's request carries them. Each value is checked once here; the CSR, the certreq INF and the
// server-side scripts all use the checked values. DN special characters are refused rather than
// escaped, so the same text is right in a DN string, an INF and a PowerShell parameter.
import { UnsafeValueError } from '../powershell/unsafeValueError.js';

export interface SubjectFields {
  /** O: organisation. */
  organization?: string;
  /** OU: organisational unit (CAs are dropping it; kept for internal CAs). */
  organizationalUnit?: string;
  /** L: city. */
  locality?: string;
  /** ST: state or province, spelled out. */
  state?: string;
  /** C: two-letter ISO 3166 country code. */
  country?: string;
}

/** RDN order in the DN string Windows shows, most specific first (after the CN). */
export const SUBJECT_FIELD_ORDER: readonly { key: keyof SubjectFields; short: string; oid: string; label: string }[] = [
  { key: 'organizationalUnit', short: 'OU', oid: '2.5.4.11', label: 'Organisational unit (OU)' },
  { key: 'organization', short: 'O', oid: '2.5.4.10', label: 'Organisation (O)' },
  { key: 'locality', short: 'L', oid: '2.5.4.7', label: 'City (L)' },
  { key: 'state', short: 'ST', oid: '2.5.4.8', label: 'State or province (ST)' },
  { key: 'country', short: 'C', oid: '2.5.4.6', label: 'Country (C)' },
];

const DN_SPECIAL = /[,+=<>#;"\\%'`$\u0000-\u001f\u007f]/;

/** The filled fields, trimmed and checked; empty ones dropped. Throws UnsafeValueError. */
export function validateSubjectFields(fields: SubjectFields | undefined): SubjectFields {
  const out: SubjectFields = {};
  for (const { key, short, label } of SUBJECT_FIELD_ORDER) {
    const value = fields?.[key]?.trim();
    if (!value) continue;
    if (value.length > 64) throw new UnsafeValueError('bad-name', short, `${label} is longer than 64 characters.`);
    if (DN_SPECIAL.test(value)) throw new UnsafeValueError('bad-name', short, `${label} "${value}" holds a character a subject name cannot carry safely (, + = < > # ; " \\ % ' \` $); remove it.`);
    if (key === 'country' && !/^[A-Za-z]{2}$/.test(value)) throw new UnsafeValueError('bad-name', short, `${label} must be the two-letter country code, e.g. DE or US.`);
    out[key] = key === 'country' ? value.toUpperCase() : value;
  }
  return out;
}

/** `CN=ex1.contoso.com, OU=IT, O=Contoso, L=Berlin, ST=Berlin, C=DE`. */
export function subjectDn(commonName: string, fields: SubjectFields | undefined): string {
  const checked = validateSubjectFields(fields);
  return [`CN=${commonName}`, ...SUBJECT_FIELD_ORDER.filter((f) => checked[f.key]).map((f) => `${f.short}=${checked[f.key]}`)].join(', ');
}

/** A CA certificate template name (certreq's CertificateTemplate attribute): letters, digits, space, _ and -. */
export function validateTemplateName(value: string | undefined): string | undefined {
  const name = value?.trim();
  if (!name) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9 _-]{0,63}$/.test(name)) {
    throw new UnsafeValueError('bad-name', 'template', `The certificate template "${name}" may hold only letters, digits, spaces, _ and - (the template's name, not its display name).`);
  }
  return name;
}
