// Run one rule against one context and turn the outcome into a finding. The outcome must be one
// the rule declares, with a status no worse than the declared one (its cap); a rule that breaks
// that contract, or throws, becomes a `fatal` finding (the run goes on, and a rule that could not
// look never reads as a pass).
import { statusRank } from './status.js';
import type { Status } from './status.js';
import type { Finding, Rule, RuleContext } from './types.js';

/** The outcome a rule reported breaks its declaration (a programming error in the rule). */
export class OutcomeContractError extends Error {
  override readonly name = 'OutcomeContractError';
}

export function runRule(rule: Rule, ctx: RuleContext): Finding {
  const base = {
    ruleId: rule.id,
    title: rule.title,
    citation: rule.citation,
    source: rule.source,
  };
  const notApplicable = (detail: string): Finding => ({ ...base, outcome: 'not-applicable', status: 'not_applicable', detail, fix: '' });
  const kinds = rule.subjects ?? ['certificate', 'request'];
  if (!kinds.includes(ctx.subject.kind)) {
    return notApplicable(
      ctx.subject.kind === 'request'
        ? 'Checked once the certificate is issued: a request does not carry this yet.'
        : 'Applies to certificate requests only.',
    );
  }
  if (rule.effective && issuedAt(ctx) < Date.parse(rule.effective)) {
    return notApplicable(`Applies to certificates issued on or after ${rule.effective.slice(0, 10)}; this one was issued earlier.`);
  }
  try {
    if (!rule.applies(ctx)) return notApplicable('Does not apply to this certificate and environment.');
    const outcome = rule.check(ctx);
    const status = statusOfOutcome(rule, outcome.outcome, outcome.status);
    const declared = rule.outcomes[outcome.outcome]!;
    const finding: Finding = {
      ...base,
      outcome: outcome.outcome,
      title: outcome.title ?? declared.title,
      status,
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
      outcome: 'fatal',
      title: `${rule.title}: the rule could not run`,
      status: 'fatal',
      detail: `The rule could not run: ${message}. Its requirement was not checked.`,
      fix: 'Report this to the CertBench maintainers with the file (without its private key).',
    };
  }
}

/**
 * The status a reported outcome gets: the declared one, or the one the check gave if that is
 * not worse. An undeclared code, a status above the declared cap, or a pass / not-applicable
 * outcome reported as something else throws OutcomeContractError.
 */
export function statusOfOutcome(rule: Pick<Rule, 'id' | 'outcomes'>, code: string, reported: Status | undefined): Status {
  const declared = Object.prototype.hasOwnProperty.call(rule.outcomes, code) ? rule.outcomes[code] : undefined;
  if (!declared) throw new OutcomeContractError(`rule ${rule.id} reported the outcome "${code}", which it does not declare`);
  if (reported === undefined) return declared.status;
  const fixed = declared.status === 'pass' || declared.status === 'not_applicable';
  if (reported === 'fatal' || (fixed && reported !== declared.status) || (!fixed && statusRank(reported) > statusRank(declared.status)) || (!fixed && statusRank(reported) < statusRank('info'))) {
    throw new OutcomeContractError(`rule ${rule.id} reported "${code}" as ${reported}; that outcome is declared ${declared.status}`);
  }
  return reported;
}

/** When the certificate was issued; a request would be issued now. */
function issuedAt(ctx: RuleContext): number {
  return ctx.certificate ? Date.parse(ctx.certificate.notBefore) : ctx.at.getTime();
}
