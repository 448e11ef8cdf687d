// Which files CertBench opens, and the one sentence for a file too large to be one: the CLI's
// folder scan, the desktop Open dialog, the web edition's file picker and the decoder all use
// these, so a file one shell opens is one every shell opens, and a refusal reads the same.
import { MAX_FILE_BYTES } from '../x509/limits.js';

export { MAX_FILE_BYTES };

/** Certificates, PFX, chains, requests and keys, by extension (without the dot). */
export const CERTIFICATE_EXTENSIONS = ['pfx', 'p12', 'cer', 'crt', 'cert', 'pem', 'der', 'p7b', 'p7c', 'csr', 'req', 'key'] as const;

/** What the estate reads besides certificates: collector snapshots, saved cmdlet output, Export-Clixml. */
export const ESTATE_EXTENSIONS = ['json', 'txt', 'log', 'xml'] as const;

/** Certificate revocation lists: the app opens them beside the certificates (not a folder scan's certificates). */
export const REVOCATION_EXTENSIONS = ['crl'] as const;

/** Every extension a file picker offers: certificates first, then revocation lists and estate inputs. */
export const OPENABLE_EXTENSIONS: readonly string[] = [...CERTIFICATE_EXTENSIONS, ...REVOCATION_EXTENSIONS, ...ESTATE_EXTENSIONS];

/** `.pfx` for `pfx`: the form a picker's accept list or a file name's extension has. */
export const dotted = (extensions: readonly string[]): string[] => extensions.map((e) => `.${e}`);

/** Is `fileName` a certificate-like file by its extension (what a folder scan picks up)? */
export function isCertificateFileName(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 && (CERTIFICATE_EXTENSIONS as readonly string[]).includes(fileName.slice(dot + 1).toLowerCase());
}

const LIMIT_MIB = Math.round(MAX_FILE_BYTES / 1024 / 1024);

/** The one sentence for a file over the cap, naming it: `disk.iso is larger than 32 MiB; …`. */
export function tooLargeMessage(name: string): string {
  return `${name} is larger than ${LIMIT_MIB} MiB; open the certificate file itself, not an archive or disk image.`;
}
