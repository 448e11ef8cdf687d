// The one sentence of the executive summary a manager reads, shared by HTML and Markdown.
import type { ReportModel } from '../model.js';

export function leadSentence(report: ReportModel): string {
  const s = report.summary;
  if (s.items === 0) return s.unusable ? 'No file could be evaluated: see the unusable files below.' : 'There was nothing to evaluate.';
  const one = s.items === 1;
  const noun = one ? (s.requests ? 'request' : 'certificate') : s.requests ? 'certificates and requests' : 'certificates';
  const parts: string[] = [];
  if (one) {
    parts.push(s.verdicts.fail ? `The ${noun} fails the role it was checked for and needs replacing or reconfiguring` : `The ${noun} does not fail the role it was checked for`);
    if (s.verdicts.warn) parts.push('it has warnings');
    if (s.expiry.expired) parts.push('it has expired');
    else if (s.expiry.within30) parts.push('it expires within 30 days');
    else if (s.expiry.within120) parts.push('it expires within 120 days');
    return parts.join('; ') + '.';
  }
  parts.push(
    s.verdicts.fail
      ? `${s.verdicts.fail} of ${s.items} ${noun} fail the role they were checked for and need replacing or reconfiguring`
      : `None of the ${s.items} ${noun} fails the role it was checked for`,
  );
  const verb = (n: number, singular: string, plural: string) => `${n} ${n === 1 ? singular : plural}`;
  if (s.verdicts.warn) parts.push(verb(s.verdicts.warn, 'passes with warnings', 'pass with warnings'));
  if (s.expiry.expired) parts.push(`${s.expiry.expired} already expired`);
  if (s.expiry.within30) parts.push(verb(s.expiry.within30, 'expires within 30 days', 'expire within 30 days'));
  else if (!s.expiry.expired && s.expiry.within120) parts.push(verb(s.expiry.within120, 'expires within 120 days', 'expire within 120 days'));
  return parts.join('; ') + '.';
}
