// The estate report as Markdown (GitHub-flavoured): summary, estate findings first, the
// servers × certificates matrix, then each server's certificates. Values pass through
// escapeMarkdown, so a hostile name can neither break a table nor inject HTML or links.
import { bindingTags } from '../../estate/serviceLetters.js';
import { isoDay, isoMinute } from '../dates.js';
import { escapeMarkdown as md } from '../render/escape.js';
import { STATUS_LABEL, VERDICT_LABEL } from '../render/labels.js';
import { columnLabel, type EstateReportModel } from './model.js';

export function renderEstateMarkdown(model: EstateReportModel): string {
  const a = model.audit;
  const s = model.summary;
  const out: string[] = [`# ${md(model.meta.title)}`, ''];
  if (a.organization) out.push(`- Organisation: ${md(a.organization)}`);
  if (a.collectedAt) out.push(`- Collected: ${md(isoMinute(a.collectedAt))}`);
  out.push(
    `- Evaluated at: ${md(isoMinute(a.at))}`,
    `- Servers: ${s.servers.exchange} Exchange, ${s.servers.skype} Lync/SfB; certificates: ${s.certificates} distinct, ${s.bindings} bound`,
    `- Verdict: ${VERDICT_LABEL[a.verdict].icon} ${VERDICT_LABEL[a.verdict].word} — estate: ${s.findings.error} error(s), ${s.findings.warn} warning(s); bound certificates: ${s.verdicts.fail} fail, ${s.verdicts.warn} warn, ${s.verdicts.pass} pass`,
    '',
    '## Estate findings',
    '',
  );
  if (model.problems.length === 0) out.push('No cross-server problem found.', '');
  for (const f of model.problems) {
    out.push(`### ${STATUS_LABEL[f.status].icon} ${md(f.title)}`, '', `${STATUS_LABEL[f.status].word} · \`${f.ruleId}\``, '', md(f.detail), '');
    if (f.whatBreaks) out.push(`**What breaks:** ${md(f.whatBreaks)}`, '');
    if (f.fix) out.push(`**Fix:** ${md(f.fix)}`, '');
    if (f.servers.length) out.push(`Servers: ${md(f.servers.join(', '))}`, '');
    out.push(`Source: ${md(f.citation)}`, '');
  }
  const passed = a.estateFindings.filter((f) => f.status === 'pass');
  if (passed.length) out.push('Passed:', '', ...passed.map((f) => `- ✔ ${md(f.title)} (\`${f.ruleId}\`)`), '');

  out.push('## Servers × certificates', '', '| Server | ' + model.columns.map((c) => md(c.label)).join(' | ') + ' |', '|---|' + model.columns.map(() => '---|').join(''));
  for (const r of model.matrix) {
    const byColumn = new Map(r.cells.map((c) => [c.column, c]));
    const cells = model.columns.map((col) => {
      const cell = byColumn.get(col.id);
      if (!cell) return '';
      if (!cell.bound) return '·';
      return `${md(cell.tags.join(' '))} ${VERDICT_LABEL[cell.verdict].icon}`;
    });
    out.push(`| ${md(r.server)} | ${cells.join(' | ')} |`);
  }
  out.push('');
  if (a.errors.length) {
    out.push('## What the collector could not read', '', ...a.errors.map((e) => `- ${md(e.server ?? '—')}: ${md(e.step)} — ${md(e.message)}`), '');
  }
  for (const srv of a.servers) {
    out.push(`## ${md(srv.name)} (${md(srv.fqdn)})`, '');
    for (const c of srv.certificates) {
      const v = c.bindings.length ? `${VERDICT_LABEL[c.verdict].icon} ${VERDICT_LABEL[c.verdict].word}` : '– not bound';
      out.push(`- **${md(columnLabel(c))}** \`${c.thumbprint ?? 'masked'}\` — ${v}${c.notAfter ? `, expires ${md(isoDay(c.notAfter))}` : ''}${c.bindings.length ? `; bindings: ${md(bindingTags(c.bindings).join(' '))}` : ''}`);
      for (const f of c.findings.filter((x) => x.status !== 'pass' && x.status !== 'not_applicable')) out.push(`  - ${STATUS_LABEL[f.status].icon} ${md(f.title)} — ${md(f.detail)} (\`${f.ruleId}\`)`);
      for (const n of c.notes ?? []) out.push(`  - ${md(n)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
