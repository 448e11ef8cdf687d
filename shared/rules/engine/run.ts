// Run one rule against one context and turn the outcome into a finding. A rule that throws
// becomes a `fatal` finding (the run goes on); a rule never reports above its ceiling.
import { capStatus } from './status.js';
import type { Finding, Rule, RuleContext } from './types.js';

export function runRule(rule: Rule, ctx: RuleContext): Finding {
  const base = {
    ruleId: rule.id,
    title: rule.title,
    citation: rule.citation,
    source: rule.source,
  };
  const kinds = rule.subjects ?? ['certificate', 'request'];
  if (!kinds.includes(ctx.subject.kind)) {
    return {
      ...base,
      status: 'not_applicable',
      detail:
        ctx.subject.kind === 'request'
          ? 'Checked once the certificate is issued: a request does not carry this yet.'
          : 'Applies to certificate requests only.',
      fix: '',
    };
  }
  if (rule.effective && issuedAt(ctx) < Date.parse(rule.effective)) {
    return {
      ...base,
      status: 'not_applicable',
      detail: `Applies to certificates issued on or after ${rule.effective.slice(0, 10)}; this one was issued earlier.`,
      fix: '',
    };
  }
  try {
    if (!rule.applies(ctx)) {
      return { ...base, status: 'not_applicable', detail: 'Does not apply to this certificate and environment.', fix: '' };
    }
    const outcome = rule.check(ctx);
    const finding: Finding = {
      ...base,
      ...(outcome.title ? { title: outcome.title } : {}),
      status: capStatus(outcome.status, rule.maxStatus),
      detail: outcome.detail,
      fix: outcome.fix ?? '',
    };
    if (outcome.whatBreaks) finding.whatBreaks = outcome.whatBreaks;
    if (outcome.fieldPath) finding.fieldPath = outcome.fieldPath;
    return finding;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      status: 'fatal',
      detail: `The rule could not run: ${message}. Its requirement was not checked.`,
      fix: 'Report this to the CertBench maintainers with the file (without its private key).',
    };
  }
}

/** When the certificate was issued; a request would be issued now. */
function issuedAt(ctx: RuleContext): number {
  return ctx.certificate ? Date.parse(ctx.certificate.notBefore) : ctx.at.getTime();
}
