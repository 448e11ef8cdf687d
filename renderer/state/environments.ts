// Named environments (Contoso, Fabrikam…) kept in localStorage and exported / imported as the
// same JSON the CLI reads with --env. Only known fields survive: an imported file cannot smuggle
// anything else into storage, and there is no field for keys or passwords.
import type {
  AuthConfigSettings,
  EdgePool,
  Environment,
  ExchangeServer,
  OwaImSettings,
  SfbPool,
} from '../../shared/environment/types.js';

export const STORAGE_KEY = 'certbench.environments.v1';

export interface EnvironmentBook {
  active: string;
  environments: Environment[];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

function strList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map(str).filter((v): v is string => v !== undefined);
  return list.length > 0 ? list : undefined;
}

function objList<T>(value: unknown, map: (item: Record<string, unknown>) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    .map(map)
    .filter((v): v is T => v !== undefined);
  return list.length > 0 ? list : undefined;
}

function pick<T extends object>(entries: [keyof T, unknown][]): T | undefined {
  const out: Partial<T> = {};
  for (const [key, value] of entries) if (value !== undefined) (out as Record<keyof T, unknown>)[key] = value;
  return Object.keys(out).length > 0 ? (out as T) : undefined;
}

export function sanitizeEnvironment(input: unknown): Environment {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('The environment file must hold one JSON object, e.g. { "name": "Contoso", "exchangeServers": [] }.');
  }
  const raw = input as Record<string, unknown>;
  const env: Environment = {};
  const name = str(raw.name);
  if (name) env.name = name;
  const exchangeServers = objList<ExchangeServer>(raw.exchangeServers, (s) => {
    const fqdn = str(s.fqdn);
    if (!fqdn) return undefined;
    const server: ExchangeServer = { fqdn };
    if (str(s.version)) server.version = str(s.version) as ExchangeServer['version'];
    if (str(s.os)) server.os = str(s.os) as ExchangeServer['os'];
    const roles = strList(s.roles);
    if (roles) server.roles = roles;
    if (typeof s.hostsSipNameDialPlan === 'boolean') server.hostsSipNameDialPlan = s.hostsSipNameDialPlan;
    return server;
  });
  if (exchangeServers) env.exchangeServers = exchangeServers;
  const sfbPools = objList<SfbPool>(raw.sfbPools, (p) => {
    const fqdn = str(p.fqdn);
    if (!fqdn) return undefined;
    const pool: SfbPool = { fqdn };
    if (str(p.version)) pool.version = str(p.version) as SfbPool['version'];
    const servers = strList(p.servers);
    if (servers) pool.servers = servers;
    return pool;
  });
  if (sfbPools) env.sfbPools = sfbPools;
  const edgePools = objList<EdgePool>(raw.edgePools, (p) =>
    pick<EdgePool>([
      ['internalFqdn', str(p.internalFqdn)],
      ['accessEdgeFqdn', str(p.accessEdgeFqdn)],
      ['webConferencingEdgeFqdn', str(p.webConferencingEdgeFqdn)],
      ['avEdgeFqdn', str(p.avEdgeFqdn)],
      ['version', str(p.version)],
    ]),
  );
  if (edgePools) env.edgePools = edgePools;
  const sipDomains = strList(raw.sipDomains);
  if (sipDomains) env.sipDomains = sipDomains;
  const smtpDomains = strList(raw.smtpDomains);
  if (smtpDomains) env.smtpDomains = smtpDomains;
  if (typeof raw.owaIm === 'object' && raw.owaIm !== null) {
    const o = raw.owaIm as Record<string, unknown>;
    // The configured thumbprint is kept exactly as pasted (invisible marks included): the
    // OWA IM rule must see what the admin actually put into the override.
    const thumb = typeof o.certificateThumbprint === 'string' && o.certificateThumbprint.length > 0 ? o.certificateThumbprint : undefined;
    const owaIm = pick<OwaImSettings>([
      ['trustedApplicationPoolFqdn', str(o.trustedApplicationPoolFqdn)],
      ['imServerName', str(o.imServerName)],
      ['certificateThumbprint', thumb],
    ]);
    if (owaIm) env.owaIm = owaIm;
  }
  if (typeof raw.authConfig === 'object' && raw.authConfig !== null) {
    const a = raw.authConfig as Record<string, unknown>;
    const authConfig = pick<AuthConfigSettings>([
      ['currentCertificateThumbprint', str(a.currentCertificateThumbprint)],
      ['nextCertificateThumbprint', str(a.nextCertificateThumbprint)],
      ['previousCertificateThumbprint', str(a.previousCertificateThumbprint)],
    ]);
    if (authConfig) env.authConfig = authConfig;
  }
  if (typeof raw.oauthTokenIssuerThumbprints === 'object' && raw.oauthTokenIssuerThumbprints !== null) {
    const map: Record<string, string> = {};
    for (const [server, thumb] of Object.entries(raw.oauthTokenIssuerThumbprints as Record<string, unknown>)) {
      if (str(server) && str(thumb)) map[server.trim()] = str(thumb)!;
    }
    if (Object.keys(map).length > 0) env.oauthTokenIssuerThumbprints = map;
  }
  const roots = Array.isArray(raw.trustedRoots)
    ? raw.trustedRoots.filter((r): r is string => typeof r === 'string' && r.includes('BEGIN CERTIFICATE') && !/PRIVATE KEY/.test(r))
    : [];
  if (roots.length > 0) env.trustedRoots = roots;
  return env;
}

export function parseEnvironmentJson(text: string): Environment {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('That file is not JSON; export an environment from CertBench or write one as in the README.');
  }
  return sanitizeEnvironment(data);
}

export function defaultBook(): EnvironmentBook {
  return { active: 'My environment', environments: [{ name: 'My environment' }] };
}

export function loadBook(storage: Pick<Storage, 'getItem'>): EnvironmentBook {
  try {
    const text = storage.getItem(STORAGE_KEY);
    if (!text) return defaultBook();
    const data = JSON.parse(text) as { active?: unknown; environments?: unknown };
    const environments = Array.isArray(data.environments)
      ? data.environments.map((e) => {
          try {
            return sanitizeEnvironment(e);
          } catch {
            return undefined;
          }
        }).filter((e): e is Environment => e !== undefined && typeof e.name === 'string')
      : [];
    if (environments.length === 0) return defaultBook();
    const active = typeof data.active === 'string' && environments.some((e) => e.name === data.active) ? data.active : environments[0]!.name!;
    return { active, environments };
  } catch {
    return defaultBook();
  }
}

export function saveBook(storage: Pick<Storage, 'setItem'>, book: EnvironmentBook): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(book));
}

export function activeEnvironment(book: EnvironmentBook): Environment {
  return book.environments.find((e) => e.name === book.active) ?? book.environments[0] ?? {};
}

/** Adds or replaces by name; an unnamed environment gets a free "Imported n" name. */
export function upsertEnvironment(book: EnvironmentBook, env: Environment, makeActive = true): EnvironmentBook {
  let name = env.name;
  if (!name) {
    let n = 1;
    while (book.environments.some((e) => e.name === `Imported ${n}`)) n++;
    name = `Imported ${n}`;
  }
  const named = { ...env, name };
  const exists = book.environments.some((e) => e.name === name);
  const environments = exists ? book.environments.map((e) => (e.name === name ? named : e)) : [...book.environments, named];
  return { active: makeActive ? name : book.active, environments };
}

export function renameEnvironment(book: EnvironmentBook, from: string, to: string): EnvironmentBook {
  const target = to.trim();
  if (!target || book.environments.some((e) => e.name === target)) return book;
  return {
    active: book.active === from ? target : book.active,
    environments: book.environments.map((e) => (e.name === from ? { ...e, name: target } : e)),
  };
}

export function removeEnvironment(book: EnvironmentBook, name: string): EnvironmentBook {
  const environments = book.environments.filter((e) => e.name !== name);
  if (environments.length === 0) return defaultBook();
  return { active: book.active === name ? environments[0]!.name! : book.active, environments };
}
