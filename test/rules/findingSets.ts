// Findings compared as sets, as pkilint's golden tests do: order-free, and a pass or
// not-applicable finding is not a "finding" unless a test asks for it. `problems` gives
// `ruleId:status`; `outcomes` gives the declared outcome codes `ruleId/outcome` — the form the
// outcome-coverage meta-test (test/meta/outcomeCoverage.test.ts) looks for.
import { outcomeCode, type EvaluationResult, type Finding } from '../../shared/rules/engine/types.js';

export function problems(result: EvaluationResult | { findings: Finding[] }): string[] {
  return result.findings
    .filter((f) => f.status !== 'pass' && f.status !== 'not_applicable')
    .map((f) => `${f.ruleId}:${f.status}`)
    .sort();
}

/** The outcome codes (`exchange-um.cn-is-server-fqdn/san-only`) of every finding that says something. */
export function outcomes(result: { findings: Finding[] }): string[] {
  return result.findings
    .filter((f) => f.status !== 'pass' && f.status !== 'not_applicable')
    .map(outcomeCode)
    .sort();
}

/** The outcome code one rule reported (`rule-id/pass`, `rule-id/not-applicable` included). */
export function outcomeOf(result: { findings: Finding[] }, ruleId: string): string {
  return outcomeCode(finding(result, ruleId));
}

export function statusOf(result: { findings: Finding[] }, ruleId: string): string | undefined {
  return result.findings.find((f) => f.ruleId === ruleId)?.status;
}

export function finding(result: { findings: Finding[] }, ruleId: string): Finding {
  const f = result.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no finding for ${ruleId}; have ${result.findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}
