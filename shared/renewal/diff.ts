// Is the renewal a drop-in replacement for the certificate in service? Both run through the
// role's rules; the new one is judged as if it already stood in the old one's place (the
// environment's configured thumbprints that name the old certificate are pointed at the new
// one), so "the thumbprint in AuthConfig is a different certificate" is a step of the swap, not
// a reason against it. A rule that passes for the old certificate and fails for the new one is
// the headline; the field differences (fieldDifferences.ts) say what changed between the two.
import type { Environment } from '../environment/types.js';
import { cleanThumbprint } from '../model/thumbprint.js';
import { defaultRegistry } from '../rules/catalogue.js';
import { evaluateWith } from '../rules/engine/evaluate.js';
import type { RuleRegistry } from '../rules/engine/registry.js';
import type { RoleChoice } from '../rules/engine/roles.js';
import { statusRank } from '../rules/engine/status.js';
import type { EvaluateOptions, EvaluationResult, Finding } from '../rules/engine/types.js';
import type { Difference, DiffResult, DiffSide, SideVerdict } from './diffTypes.js';
import { fieldDifferences } from './fieldDifferences.js';

export interface DiffOptions {
  role: RoleChoice;
  environment: Environment;
  at: Date;
  server?: string;
  registry?: RuleRegistry;
}

export function diffCertificates(oldSide: DiffSide, newSide: DiffSide, options: DiffOptions): DiffResult {
  const registry = options.registry ?? defaultRegistry;
  const evalOptions: EvaluateOptions = {
    ...(options.server !== undefined ? { server: options.server } : {}),
    batchThumbprints: [oldSide.subject.certificate.thumbprint, newSide.subject.certificate.thumbprint],
  };
  const oldResult = evaluateWith(registry, oldSide.subject, options.role, options.environment, options.at, evalOptions);
  // For `auto`, the old certificate's roles decide what the new one must satisfy.
  const role = options.role === 'auto' ? (oldResult.roles.find((r) => r !== 'general') ?? 'general') : options.role;
  const swapped = swapThumbprint(options.environment, oldSide.subject.certificate.thumbprint, newSide.subject.certificate.thumbprint);
  const newResult = evaluateWith(registry, newSide.subject, role, swapped, options.at, evalOptions);

  const fields = fieldDifferences(oldSide, newSide, { roles: oldResult.roles, environment: options.environment, at: options.at });
  const flips = ruleFlips(oldResult, newResult, fields);
  const differences = [...flips, ...fields];
  const breaking = differences.filter((d) => d.impact === 'breaks');
  const reviews = differences.filter((d) => d.impact === 'review');
  return {
    role: options.role,
    roles: oldResult.roles,
    replacement: breaking.length === 0,
    because: because(breaking, reviews, newResult),
    differences,
    old: sideVerdict(oldSide, oldResult),
    new: sideVerdict(newSide, newResult),
  };
}

/** Rules that pass (or only note) for the old certificate and warn or fail for the new one. */
function ruleFlips(oldResult: EvaluationResult, newResult: EvaluationResult, fields: Difference[]): Difference[] {
  const before = new Map(oldResult.findings.map((f) => [f.ruleId, f]));
  const out: Difference[] = [];
  for (const f of newResult.findings) {
    const was = before.get(f.ruleId);
    const oldRank = statusRank(was?.status ?? 'not_applicable');
    const newRank = statusRank(f.status);
    if (newRank <= oldRank || newRank < statusRank('warn')) continue;
    const fails = f.status === 'error' || f.status === 'fatal';
    // Already the reason of a field difference: keep one line, but let the rule raise it.
    const field = fields.find((d) => d.ruleId === f.ruleId);
    if (field) {
      if (fails) field.impact = 'breaks';
      continue;
    }
    out.push({
      field: `rule:${f.ruleId}`,
      label: f.title,
      old: statusWord(was),
      new: statusWord(f),
      impact: fails ? 'breaks' : 'review',
      why: [f.detail, f.whatBreaks ? `What breaks: ${f.whatBreaks}` : ''].filter(Boolean).join(' '),
      ruleId: f.ruleId,
    });
  }
  return out;
}

function statusWord(f: Finding | undefined): string {
  if (!f) return 'not checked';
  return f.status === 'not_applicable' ? 'n/a' : f.status;
}

function because(breaking: Difference[], reviews: Difference[], newResult: EvaluationResult): string {
  if (breaking.length > 0) {
    const first = breaking[0]!;
    const more = breaking.length > 1 ? ` (and ${breaking.length - 1} more ${breaking.length === 2 ? 'difference' : 'differences'} that break the role)` : '';
    return `No: ${first.label} — ${first.why}${more}`;
  }
  const stillFails = newResult.findings.filter((f) => f.status === 'error');
  const tail = stillFails.length ? ` The new certificate still fails what the old one failed: ${stillFails.map((f) => f.title).join('; ')}.` : '';
  if (reviews.length > 0) return `Yes, once you have checked ${reviews.length === 1 ? 'one thing' : `${reviews.length} things`}: ${reviews.map((d) => d.label).join(', ')}.${tail}`;
  return `Yes: it covers every name and purpose the old certificate had and passes the same rules.${tail}`;
}

function sideVerdict(side: DiffSide, result: EvaluationResult): SideVerdict {
  const c = side.subject.certificate;
  return { file: side.file, thumbprint: c.thumbprint, subject: c.subject, verdict: result.verdict, roles: result.roles, findings: result.findings };
}

/** The environment with every configured thumbprint that names `from` pointed at `to`. */
export function swapThumbprint(env: Environment, from: string, to: string): Environment {
  const swap = (t: string | undefined) => (t !== undefined && cleanThumbprint(t).value === from ? to : t);
  const out: Environment = { ...env };
  if (env.authConfig) {
    out.authConfig = { ...env.authConfig };
    for (const k of ['currentCertificateThumbprint', 'nextCertificateThumbprint', 'previousCertificateThumbprint'] as const) {
      const v = swap(env.authConfig[k]);
      if (v !== undefined) out.authConfig[k] = v;
    }
  }
  if (env.owaIm?.certificateThumbprint !== undefined) out.owaIm = { ...env.owaIm, certificateThumbprint: swap(env.owaIm.certificateThumbprint)! };
  if (env.oauthTokenIssuerThumbprints) {
    out.oauthTokenIssuerThumbprints = Object.fromEntries(Object.entries(env.oauthTokenIssuerThumbprints).map(([k, v]) => [k, swap(v)!]));
  }
  return out;
}
