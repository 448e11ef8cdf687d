// The open material as findings `why` can rank by: checked certificates (the same verdicts as
// `check`) and an audited estate (per-server certificate findings and the cross-server ones).
import type { EstateAudit } from '../estate/auditTypes.js';
import type { CheckResult } from '../rules/checkDocuments.js';
import type { OpenFinding } from './why.js';

export function findingsFromChecks(results: readonly CheckResult[]): OpenFinding[] {
  return results.flatMap((r) => r.findings.map((f) => ({ source: r.file, ruleId: f.ruleId, status: f.status, title: f.title, detail: f.detail, fix: f.fix })));
}

export function findingsFromAudit(audit: EstateAudit, source: string): OpenFinding[] {
  const perCertificate = audit.servers.flatMap((s) =>
    s.certificates.flatMap((c) =>
      c.findings.map((f) => ({ source: `${source}: ${s.fqdn}, ${c.subject ?? c.thumbprint ?? 'certificate'}`, ruleId: f.ruleId, status: f.status, title: f.title, detail: f.detail, fix: f.fix })),
    ),
  );
  const estate = audit.estateFindings.map((f) => ({
    source: `${source}${f.servers.length ? `: ${f.servers.join(', ')}` : ''}`,
    ruleId: f.ruleId,
    status: f.status,
    title: f.title,
    detail: f.detail,
    fix: f.fix,
  }));
  return [...perCertificate, ...estate];
}
