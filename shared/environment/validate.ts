// Read an environment JSON document: every field optional, unknown keys refused (a typo such
// as "exchangeServer" would otherwise silently disable the rules that need it), each problem
// one line naming the field: `exchangeServers[1].version must be one of 2010, …`. The one
// validator behind every way in: the CLI's --env, the app's Import JSON and its saved
// environments, and the Environment editor, which shows each problem under its field (`problems`).
import { compact, describe, FieldReader } from '../validation/fieldReader.js';
import { InputError } from '../x509/inputError.js';
import type {
  AuthConfigSettings,
  EdgePool,
  Environment,
  ExchangeServer,
  OwaImSettings,
  SfbPool,
} from './types.js';
import { EXCHANGE_VERSIONS, readExchangeVersion, readSfbVersion, readWindowsVersion, SFB_VERSIONS, WINDOWS_VERSIONS } from './versions.js';

// The lists live in versions.ts; named here too for the modules that import them from the validator.
export { EXCHANGE_VERSIONS, SFB_VERSIONS, WINDOWS_VERSIONS } from './versions.js';

const MAX_ITEMS = 1000;

export interface EnvironmentValidation {
  /** The cleaned environment (fields that failed are left out). */
  environment: Environment;
  /** One line per problem; empty when the document is fine. */
  errors: string[];
  /** The same problems with the field they are about, for a form that shows each under its field. */
  problems: EnvironmentProblem[];
}

export interface EnvironmentProblem {
  /** The field, as in the document: `exchangeServers[0].fqdn`, `sipDomains[2]`, `owaIm.imServerName`. */
  path: string;
  /** What is wrong, without the path: `must be a host name such as ex1.contoso.com (got "ex1 contoso")`. */
  message: string;
}

class Reader extends FieldReader {
  readonly problems: EnvironmentProblem[] = [];

  constructor() {
    super(MAX_ITEMS);
  }

  override fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return super.fail(path, message);
  }

  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path || 'The environment', 'must be an object');
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.fail(path === '' ? key : `${path}.${key}`, `is not a known field (known: ${allowed.join(', ')})`);
    }
    return record;
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return this.fail(path, `must be a string (got ${describe(value)})`);
    return value;
  }

  fqdn(value: unknown, path: string, required = false): string | undefined {
    if ((value === undefined || value === null) && required) return this.fail(path, 'is required');
    const text = this.string(value, path);
    if (text === undefined) return undefined;
    const trimmed = text.trim();
    if (!/^(\*\.)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.?$/.test(trimmed)) return this.fail(path, `must be a host name such as ex1.contoso.com (got ${JSON.stringify(text)})`);
    return trimmed;
  }

  /** A version in any form `read` understands, stored as its canonical value. */
  version<T extends string>(value: unknown, path: string, options: readonly T[], read: (v: unknown) => T | undefined): T | undefined {
    if (value === undefined || value === null) return undefined;
    const found = read(value);
    if (found === undefined) return this.fail(path, `must be one of ${options.join(', ')} (got ${typeof value === 'string' ? JSON.stringify(value) : describe(value)})`);
    return found;
  }

}

export function validateEnvironment(value: unknown): EnvironmentValidation {
  const r = new Reader();
  const root = r.object(value, '', [
    '$schema',
    'name',
    'exchangeServers',
    'sfbPools',
    'edgePools',
    'sipDomains',
    'smtpDomains',
    'owaIm',
    'authConfig',
    'oauthTokenIssuerThumbprints',
    'trustedRoots',
  ]);
  if (!root) return { environment: {}, errors: r.errors, problems: r.problems };

  const env: Environment = compact({
    name: r.string(root.name, 'name'),
    exchangeServers: r.array(root.exchangeServers, 'exchangeServers', (v, p): ExchangeServer | undefined => {
      const o = r.object(v, p, ['fqdn', 'version', 'os', 'roles', 'hostsSipNameDialPlan']);
      if (!o) return undefined;
      const fqdn = r.fqdn(o.fqdn, `${p}.fqdn`, true);
      if (!fqdn) return undefined;
      return compact({
        fqdn,
        version: r.version(o.version, `${p}.version`, EXCHANGE_VERSIONS, readExchangeVersion),
        os: r.version(o.os, `${p}.os`, WINDOWS_VERSIONS, readWindowsVersion),
        roles: r.array(o.roles, `${p}.roles`, (x, q) => r.string(x, q)),
        hostsSipNameDialPlan: r.boolean(o.hostsSipNameDialPlan, `${p}.hostsSipNameDialPlan`),
      });
    }),
    sfbPools: r.array(root.sfbPools, 'sfbPools', (v, p): SfbPool | undefined => {
      const o = r.object(v, p, ['fqdn', 'version', 'servers']);
      if (!o) return undefined;
      const fqdn = r.fqdn(o.fqdn, `${p}.fqdn`, true);
      if (!fqdn) return undefined;
      return compact({
        fqdn,
        version: r.version(o.version, `${p}.version`, SFB_VERSIONS, readSfbVersion),
        servers: r.array(o.servers, `${p}.servers`, (x, q) => r.fqdn(x, q)),
      });
    }),
    edgePools: r.array(root.edgePools, 'edgePools', (v, p): EdgePool | undefined => {
      const o = r.object(v, p, ['internalFqdn', 'accessEdgeFqdn', 'webConferencingEdgeFqdn', 'avEdgeFqdn', 'version', 'servers']);
      if (!o) return undefined;
      return compact({
        internalFqdn: r.fqdn(o.internalFqdn, `${p}.internalFqdn`),
        accessEdgeFqdn: r.fqdn(o.accessEdgeFqdn, `${p}.accessEdgeFqdn`),
        webConferencingEdgeFqdn: r.fqdn(o.webConferencingEdgeFqdn, `${p}.webConferencingEdgeFqdn`),
        avEdgeFqdn: r.fqdn(o.avEdgeFqdn, `${p}.avEdgeFqdn`),
        version: r.version(o.version, `${p}.version`, SFB_VERSIONS, readSfbVersion),
        servers: r.array(o.servers, `${p}.servers`, (x, q) => r.fqdn(x, q)),
      });
    }),
    sipDomains: r.array(root.sipDomains, 'sipDomains', (x, q) => r.fqdn(x, q)),
    smtpDomains: r.array(root.smtpDomains, 'smtpDomains', (x, q) => r.fqdn(x, q)),
    owaIm: ((): OwaImSettings | undefined => {
      if (root.owaIm === undefined || root.owaIm === null) return undefined;
      const o = r.object(root.owaIm, 'owaIm', ['trustedApplicationPoolFqdn', 'imServerName', 'certificateThumbprint']);
      if (!o) return undefined;
      // The thumbprint is kept exactly as pasted: the OWA IM rule reports invisible characters in it.
      return compact({
        trustedApplicationPoolFqdn: r.fqdn(o.trustedApplicationPoolFqdn, 'owaIm.trustedApplicationPoolFqdn'),
        imServerName: r.fqdn(o.imServerName, 'owaIm.imServerName'),
        certificateThumbprint: r.string(o.certificateThumbprint, 'owaIm.certificateThumbprint'),
      });
    })(),
    authConfig: ((): AuthConfigSettings | undefined => {
      if (root.authConfig === undefined || root.authConfig === null) return undefined;
      const o = r.object(root.authConfig, 'authConfig', ['currentCertificateThumbprint', 'nextCertificateThumbprint', 'previousCertificateThumbprint']);
      if (!o) return undefined;
      return compact({
        currentCertificateThumbprint: r.string(o.currentCertificateThumbprint, 'authConfig.currentCertificateThumbprint'),
        nextCertificateThumbprint: r.string(o.nextCertificateThumbprint, 'authConfig.nextCertificateThumbprint'),
        previousCertificateThumbprint: r.string(o.previousCertificateThumbprint, 'authConfig.previousCertificateThumbprint'),
      });
    })(),
    oauthTokenIssuerThumbprints: ((): Record<string, string> | undefined => {
      const v = root.oauthTokenIssuerThumbprints;
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'object' || Array.isArray(v)) return r.fail('oauthTokenIssuerThumbprints', 'must be an object mapping Front End FQDN to thumbprint');
      const out: Record<string, string> = {};
      for (const [server, thumb] of Object.entries(v as Record<string, unknown>)) {
        const fqdn = r.fqdn(server, `oauthTokenIssuerThumbprints key ${JSON.stringify(server)}`);
        const t = r.string(thumb, `oauthTokenIssuerThumbprints.${server}`);
        if (fqdn && t !== undefined) out[fqdn] = t;
      }
      return out;
    })(),
    trustedRoots: r.array(root.trustedRoots, 'trustedRoots', (x, q) => {
      const pem = r.string(x, q);
      if (pem === undefined) return undefined;
      if (!/-----BEGIN (X509 |TRUSTED )?CERTIFICATE-----/.test(pem)) return r.fail(q, 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)');
      if (/PRIVATE KEY-----/.test(pem)) return r.fail(q, 'contains a private key; an environment must never hold keys');
      return pem;
    }),
  });
  return { environment: env, errors: r.errors, problems: r.problems };
}

/**
 * Parse and validate an environment file. Throws an InputError whose message is one line
 * naming the file and the first problem (and how many more there are).
 */
export function parseEnvironment(text: string, fileName: string): Environment {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new InputError('malformed', `${fileName} is not valid JSON (${why}); fix the file or export the environment again from CertBench.`);
  }
  const { environment, errors } = validateEnvironment(json);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new InputError('malformed', `${fileName}: ${errors[0]}${more}.`);
  }
  return environment;
}
