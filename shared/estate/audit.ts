// The estate audit: every certificate each server uses, judged by the certificate rules for the
// roles its bindings imply (with the binding's server — for an Edge, its pool — as `server`),
// then the cross-server rules over the whole estate. The same function serves the CLI
// (`certbench audit`), the app's Estate view and the estate report.
//
// Each distinct DER is decoded once and its chain built once (by thumbprint), from one chain
// index of the whole estate: 50 servers × 20 certificates must answer in well under two seconds.
import type { Environment } from '../environment/types.js';
import { fromBase64 } from '../encoding/base64.js';
import type { CertificateModel } from '../model/certificate.js';
import type { KeyInfo } from '../model/document.js';
import { defaultRegistry } from '../rules/catalogue.js';
import { sortFindings } from '../rules/engine/evaluate.js';
import type { RuleRegistry } from '../rules/engine/registry.js';
import { statusRank, verdictOf, type Status } from '../rules/engine/status.js';
import type { CertificateSubject, Finding } from '../rules/engine/types.js';
import { defaultEstateRegistry } from '../rules/estate/catalogue.js';
import { runEstateRule, type EstateRuleRegistry } from '../rules/estate/registry.js';
import type { EstateEntry, EstateRuleContext } from '../rules/estate/types.js';
import type { TrustResult } from '../trust/types.js';
import { parseCertificate } from '../x509/certificate.js';
import type { EstateAudit, EstateCertificateResult, EstateServerResult } from './auditTypes.js';
import { estateBindings, type EstateHost, type HostCertificate } from './bindings.js';
import { environmentFromSnapshot, owaImSettings, sameServer } from './environment.js';
import { evaluateRoles } from './evaluateRoles.js';
import { lowerHost } from './names.js';
import { EstateTrust } from './estateTrust.js';
import type { Snapshot } from './snapshot.js';

export interface AuditOptions {
  /** Evaluation time (always an input, as for `check`). */
  at: Date;
  /** Certificate rules (default: the catalogue). */
  registry?: RuleRegistry;
  /** Estate rules (default: the estate catalogue). */
  estateRegistry?: EstateRuleRegistry;
  /** Certificates already open elsewhere: they supply the DER for thumbprints the snapshot has only as text. */
  extraCertificates?: CertificateModel[];
  /** Trust anchors (internal roots) for the chain rule, like `check --trust`. */
  trustCertificates?: CertificateModel[];
}

interface Decoded {
  model: CertificateModel | null;
  source?: 'snapshot' | 'open-file';
  problem?: string;
}

export async function auditEstate(snapshot: Snapshot, options: AuditOptions): Promise<EstateAudit> {
  const at = options.at;
  if (Number.isNaN(at.getTime())) throw new Error('The evaluation time is not a valid date.');
  const registry = options.registry ?? defaultRegistry;
  const estateRegistry = options.estateRegistry ?? defaultEstateRegistry;
  const environment = environmentFromSnapshot(snapshot);
  const { hosts, certificates: bound } = estateBindings(snapshot);
  const hostByKey = new Map(hosts.map((h) => [h.key, h]));

  // 1. Decode each distinct DER once.
  const extra = new Map((options.extraCertificates ?? []).map((c) => [c.thumbprint, c]));
  const decodedByKey = new Map<string, Decoded>();
  const decodedOf = new Map<HostCertificate, Decoded>();
  for (const b of bound) {
    const der = b.exchangeRow?.der ?? b.skypeRows.find((r) => r.der)?.der;
    const key = der ? (b.thumbprint ?? der) : b.thumbprint ? `text:${b.thumbprint}` : null;
    let d = key ? decodedByKey.get(key) : undefined;
    if (!d) {
      d = await decode(der, b.thumbprint, extra);
      if (key) decodedByKey.set(key, d);
    }
    decodedOf.set(b, d);
  }
  const models = new Map<string, CertificateModel>();
  for (const d of decodedByKey.values()) if (d.model) models.set(d.model.thumbprint, d.model);
  for (const c of options.extraCertificates ?? []) if (!models.has(c.thumbprint)) models.set(c.thumbprint, c);

  // 2. Chains, once per certificate, from one index of the estate and the open files.
  const estateTrust = await EstateTrust.of({ pool: [...models.values()], trustCertificates: options.trustCertificates ?? [], at });
  const trustOf = (m: CertificateModel): Promise<TrustResult> => estateTrust.trustOf(m);

  // 3. The certificate rules, per binding.
  const batchThumbprints = [...new Set([...models.keys(), ...bound.flatMap((b) => (b.thumbprint ? [b.thumbprint] : []))])];
  const envByHost = new Map<string, Environment>();
  const envFor = (host: EstateHost): Environment => {
    let env = envByHost.get(host.key);
    if (!env) {
      env = environment;
      if (host.product === 'exchange') {
        const owaIm = owaImSettings(snapshot, host.fqdn);
        env = { ...environment };
        if (owaIm) env.owaIm = owaIm;
        else delete env.owaIm;
      }
      envByHost.set(host.key, env);
    }
    return env;
  };
  const results = new Map<HostCertificate, EstateCertificateResult>();
  for (const b of bound) {
    const host = hostByKey.get(b.host)!;
    const d = decodedOf.get(b)!;
    results.set(b, await judge(b, host, d, registry, envFor(host), at, batchThumbprints, trustOf));
  }

  // 4. The estate rules.
  const entries: EstateEntry[] = bound.map((b) => ({ host: hostByKey.get(b.host)!, binding: b, certificate: decodedOf.get(b)!.model, result: results.get(b)! }));
  const ctx: EstateRuleContext = {
    snapshot,
    at,
    environment,
    hosts,
    entries,
    certificate: (t) => (t ? (models.get(t) ?? null) : null),
    host: (name) => hostByKey.get(lowerHost(name)) ?? hosts.find((h) => sameServer(h.fqdn, name)),
  };
  const estateFindings = estateRegistry.all().flatMap((rule) => runEstateRule(rule, ctx));
  estateFindings.sort((a, b) => statusRank(b.status) - statusRank(a.status));

  // 5. A certificate known only by its text is judged by what the estate rules say about it there.
  for (const b of bound) {
    const r = results.get(b)!;
    if (r.hasDer || r.bindings.length === 0 || !r.thumbprint) continue;
    const host = hostByKey.get(b.host)!;
    const about = estateFindings.filter((f) => f.thumbprints.includes(r.thumbprint!) && f.servers.some((s) => sameServer(s, host.fqdn)));
    r.verdict = verdictOf(about.map((f) => f.status));
  }

  const servers: EstateServerResult[] = hosts.map((h) => {
    const s: EstateServerResult = {
      name: h.name,
      fqdn: h.fqdn,
      product: h.product,
      roles: [...h.roles],
      certificates: bound.filter((b) => b.host === h.key).map((b) => results.get(b)!),
    };
    if (h.version) s.version = h.version;
    if (h.pool) s.pool = h.pool.fqdn;
    return s;
  });
  const statuses: Status[] = [
    ...servers.flatMap((s) => s.certificates.filter((c) => c.bindings.length > 0).map((c) => verdictStatus(c.verdict))),
    ...estateFindings.map((f) => f.status),
  ];
  const audit: EstateAudit = {
    at: at.toISOString(),
    servers,
    estateFindings,
    errors: (snapshot.errors ?? []).map((e) => ({ ...(e.server ? { server: e.server } : {}), step: e.step, message: e.message })),
    verdict: verdictOf(statuses),
  };
  if (snapshot.organization) audit.organization = snapshot.organization;
  if (snapshot.collectedAt) audit.collectedAt = snapshot.collectedAt;
  return audit;
}

function verdictStatus(v: EstateCertificateResult['verdict']): Status {
  return v === 'fail' ? 'error' : v === 'warn' ? 'warn' : 'pass';
}

async function decode(der: string | undefined, thumbprint: string | null, extra: Map<string, CertificateModel>): Promise<Decoded> {
  if (der) {
    const bytes = fromBase64(der);
    if (bytes && bytes.length > 0) {
      try {
        return { model: (await parseCertificate(bytes)).model, source: 'snapshot' };
      } catch {
        // fall through to an open file with the same thumbprint, else say so
      }
    }
    const fromFile = thumbprint ? extra.get(thumbprint) : undefined;
    if (fromFile) return { model: fromFile, source: 'open-file' };
    return { model: null, problem: 'The snapshot carries a DER for this certificate that does not decode as a certificate; the certificate rules could not run on it.' };
  }
  const fromFile = thumbprint ? extra.get(thumbprint) : undefined;
  if (fromFile) return { model: fromFile, source: 'open-file' };
  return { model: null };
}

async function judge(
  b: HostCertificate,
  host: EstateHost,
  d: Decoded,
  registry: RuleRegistry,
  env: Environment,
  at: Date,
  batchThumbprints: string[],
  trustOf: (m: CertificateModel) => Promise<TrustResult>,
): Promise<EstateCertificateResult> {
  const row = b.exchangeRow;
  const text = row ?? b.skypeRows[0];
  const model = d.model;
  const notes: string[] = [];
  const result: EstateCertificateResult = {
    thumbprint: model?.thumbprint ?? b.thumbprint,
    subject: model?.subject ?? text?.subject ?? null,
    notAfter: model?.notAfter ?? text?.notAfter ?? null,
    bindings: b.bindings,
    roles: [...b.roles],
    verdict: 'pass',
    findings: [],
    hasDer: model !== null,
    issuer: model?.issuer ?? text?.issuer ?? null,
    notBefore: model?.notBefore ?? text?.notBefore ?? null,
    dnsNames: model?.dnsNames ?? text?.dnsNames ?? [],
  };
  if (d.source) result.derSource = d.source;
  if (row?.status) result.status = row.status;
  if (row?.hasPrivateKey !== undefined) result.hasPrivateKey = row.hasPrivateKey;
  if (d.source === 'open-file') notes.push('The snapshot has only text for this certificate; the DER came from an open certificate file with the same thumbprint.');
  if (b.thumbprint && model && model.thumbprint !== b.thumbprint) notes.push(`The snapshot lists thumbprint ${b.thumbprint}, but its DER hashes to ${model.thumbprint}; the DER's is used.`);
  if (!b.thumbprint && !model) notes.push('The thumbprint was masked in the source: this certificate cannot be matched to any setting.');

  if (b.bindings.length === 0) {
    notes.push('Bound to no service and named by no setting: listed, not judged.');
    result.notes = notes;
    result.roles = [];
    return result;
  }
  if (!model) {
    notes.push(d.problem ?? 'The snapshot has only text for this certificate (no DER), so the certificate rules could not run on it; open the certificate file (same thumbprint) to check it fully. The estate rules judged it from its text fields.');
    result.notes = notes;
    return result;
  }

  const certificate: CertificateModel = row?.hasPrivateKey !== undefined ? { ...model, hasPrivateKey: row.hasPrivateKey } : model;
  const subject: CertificateSubject = { kind: 'certificate', certificate, trust: await trustOf(model), documentKind: 'certificate' };
  if (row?.keyProvider && row.hasPrivateKey !== false) {
    const key: KeyInfo = { algorithm: model.keyAlgorithm, size: model.keySize, certificateIndex: 0, provider: row.keyProvider };
    subject.key = key;
  }
  const merged = new Map<string, Finding>();
  let verdictStatuses: Status[] = [];
  for (const plan of b.plans) {
    if (plan.serverWhy) notes.push(`The ${plan.roles.filter((r) => r !== 'general').join(', ')} rules were judged against ${plan.serverWhy}.`);
    if (host.pool && plan.roles.includes('edge-external') && !plan.server) {
      notes.push(`The snapshot names no Access Edge, Web Conferencing or A/V FQDN for the Edge pool ${host.pool.fqdn}: the external rules could not compare names.`);
    }
    const evaluation = evaluateRoles(registry, subject, plan.roles, env, at, { ...(plan.server ? { server: plan.server } : {}), batchThumbprints });
    for (const f of evaluation.findings) {
      const seen = merged.get(f.ruleId);
      if (!seen || statusRank(f.status) > statusRank(seen.status)) merged.set(f.ruleId, f);
    }
    verdictStatuses = verdictStatuses.concat(evaluation.findings.map((f) => f.status));
  }
  // One evaluation (the common case) is already in order; several are merged by rule, worst kept.
  result.findings = b.plans.length === 1 ? [...merged.values()] : sortFindings([...merged.values()]);
  result.verdict = verdictOf(verdictStatuses);
  if (notes.length) result.notes = notes;
  return result;
}
