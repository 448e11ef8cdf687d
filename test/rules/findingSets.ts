// Findings compared as sets of `ruleId:status`, as pkilint's golden tests do: order-free, and
// a pass or not-applicable finding is not a "finding" unless a test asks for it.
import type { EvaluationResult, Finding } from '../../shared/rules/engine/types.js';

export function problems(result: EvaluationResult | { findings: Finding[] }): string[] {
  return result.findings
    .filter((f) => f.status !== 'pass' && f.status !== 'not_applicable')
    .map((f) => `${f.ruleId}:${f.status}`)
    .sort();
}

export function statusOf(result: { findings: Finding[] }, ruleId: string): string | undefined {
  return result.findings.find((f) => f.ruleId === ruleId)?.status;
}

export function finding(result: { findings: Finding[] }, ruleId: string): Finding {
  const f = result.findings.find((x) => x.ruleId === ruleId);
  if (!f) throw new Error(`no finding for ${ruleId}; have ${result.findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}
