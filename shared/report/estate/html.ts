// The estate report as one self-contained HTML file (inline CSS and SVG, no script, a CSP that
// forbids any): the organisation summary, the estate findings first, the servers ×
// certificates matrix, the expiry timeline of what is bound, then each server's certificates.
// Every value from a snapshot passes through escapeHtml: server names and subjects are
// whatever the collector (or a stranger's pasted file) wrote.
import type { EstateCertificateResult, EstateFinding, EstateServerResult } from '../../estate/auditTypes.js';
import { bindingTags } from '../../estate/serviceLetters.js';
import { ROLE_TITLES } from '../../rules/engine/roles.js';
import { STATUS_ORDER } from '../../rules/engine/status.js';
import { isoDay, isoMinute } from '../dates.js';
import { escapeHtml as esc } from '../render/escape.js';
import { htmlDocument, type HtmlOptions } from '../render/htmlDocument.js';
import { STATUS_LABEL, VERDICT_LABEL } from '../render/labels.js';
import { timelineSvg } from '../render/timelineSvg.js';
import { columnLabel, type EstateReportModel } from './model.js';

const ESTATE_CSS = `
table.matrix th.cert { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 180px; font-size: 11px; text-transform: none; letter-spacing: 0; }
table.matrix td.cell { text-align: center; font-size: 11px; white-space: nowrap; }
table.matrix td.cell.fail { background: var(--fail-bg); color: var(--fail); }
table.matrix td.cell.warn { background: var(--warn-bg); color: var(--warn); }
table.matrix td.cell.pass { background: var(--pass-bg); color: var(--pass); }
table.matrix td.cell.unbound { color: var(--faint); }
.server { margin-top: 22px; }
.cert { border: 1px solid var(--rule); border-left-width: 5px; border-radius: 6px; padding: 8px 12px; margin: 8px 0; break-inside: avoid; }
.cert.fail { border-left-color: var(--fail); } .cert.warn { border-left-color: var(--warn); } .cert.pass { border-left-color: var(--pass); }
`;

export function renderEstateHtml(model: EstateReportModel, options: HtmlOptions = {}): string {
  return htmlDocument(
    { title: model.meta.title, generator: model.meta.generator, extraCss: ESTATE_CSS },
    [
      cover(model),
      findingsSection(model),
      matrixSection(model),
      `<section id="timeline"><h2>Expiry timeline of bound certificates</h2><div class="timeline-box">${timelineSvg(model.timeline)}</div></section>`,
      errorsSection(model),
      ...model.audit.servers.map((s, i) => serverSection(s, i)),
      `<footer>Made by ${esc(model.meta.generator)} from a snapshot collected ${esc(model.audit.collectedAt ? isoMinute(model.audit.collectedAt) : 'at an unknown time')}, evaluated ${esc(isoMinute(model.audit.at))}. The snapshot holds no private keys.</footer>`,
    ],
    options,
  );
}

function badge(kind: string, text: string): string {
  return `<span class="badge ${esc(kind)}">${esc(text)}</span>`;
}

function verdictBadge(v: EstateCertificateResult['verdict']): string {
  return badge(v, `${VERDICT_LABEL[v].icon} ${VERDICT_LABEL[v].word}`);
}

function cover(model: EstateReportModel): string {
  const a = model.audit;
  const s = model.summary;
  const rows: [string, string][] = [];
  if (a.organization) rows.push(['Organisation', a.organization]);
  if (model.meta.customer) rows.push(['Customer', model.meta.customer]);
  if (model.meta.author) rows.push(['Prepared by', model.meta.author]);
  if (a.collectedAt) rows.push(['Collected', isoMinute(a.collectedAt)]);
  rows.push(['Evaluated at', isoMinute(a.at)]);
  rows.push(['Servers', `${s.servers.exchange} Exchange, ${s.servers.skype} Lync/SfB`]);
  rows.push(['Certificates', `${s.certificates} distinct, ${s.bindings} bound on servers`]);
  rows.push(['Verdict', `${VERDICT_LABEL[a.verdict].icon} ${VERDICT_LABEL[a.verdict].word}`]);
  const tile = (cls: string, n: number, word: string) => `<div class="tile ${cls}"><div class="n">${n}</div><div class="w">${esc(word)}</div></div>`;
  return [
    '<header class="cover">',
    `<div class="brand">${esc(model.meta.generator)} · Certificate estate</div>`,
    `<h1>${esc(model.meta.title)}</h1>`,
    `<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`,
    '</header>',
    '<section id="summary"><h2>Summary</h2><div class="tiles">',
    tile('fail', s.findings.error, '✖ Estate errors'),
    tile('warn', s.findings.warn, '⚠ Estate warnings'),
    tile('fail', s.verdicts.fail, '✖ Bound certificates failing'),
    tile('warn', s.verdicts.warn, '⚠ Bound certificates with warnings'),
    tile('expiry', s.expiredBound + s.within30Bound, 'Bound: expired or ≤ 30 days'),
    '</div></section>',
  ].join('\n');
}

function findingHtml(f: EstateFinding): string {
  const label = STATUS_LABEL[f.status];
  return [
    `<div class="finding ${esc(f.status)}" data-rule="${esc(f.ruleId)}">`,
    `<div class="head">${badge(f.status, `${label.icon} ${label.word}`)}<span class="title">${esc(f.title)}</span><span class="rule mono">${esc(f.ruleId)}</span></div>`,
    `<p>${esc(f.detail)}</p>`,
    f.whatBreaks ? `<p><span class="k">What breaks:</span> ${esc(f.whatBreaks)}</p>` : '',
    f.fix ? `<p><span class="k">Fix:</span> ${esc(f.fix)}</p>` : '',
    f.servers.length ? `<p class="small"><span class="k">Servers:</span> ${esc(f.servers.join(', '))}</p>` : '',
    f.thumbprints.length ? `<p class="small mono"><span class="k">Thumbprints:</span> ${esc(f.thumbprints.join(', '))}</p>` : '',
    `<p class="muted small">Source: ${esc(f.citation)}</p>`,
    '</div>',
  ].join('');
}

function findingsSection(model: EstateReportModel): string {
  const passes = model.audit.estateFindings.filter((f) => f.status === 'pass');
  const na = model.audit.estateFindings.filter((f) => f.status === 'not_applicable');
  return [
    '<section id="estate-findings"><h2>Estate findings</h2>',
    model.problems.length ? model.problems.map(findingHtml).join('\n') : '<p>No cross-server problem found.</p>',
    passes.length ? `<h3>Passed</h3><ul class="passes">${passes.map((f) => `<li>✔ ${esc(f.title)} <span class="muted small mono">${esc(f.ruleId)}</span></li>`).join('')}</ul>` : '',
    na.length ? `<p class="na">Not applicable: ${na.map((f) => esc(f.ruleId)).join(', ')}</p>` : '',
    '</section>',
  ].join('\n');
}

function matrixSection(model: EstateReportModel): string {
  const head = model.columns.map((c) => `<th class="cert" title="${esc(c.thumbprint ?? '')}">${esc(c.label)}</th>`).join('');
  const rows = model.matrix.map((r) => {
    const byColumn = new Map(r.cells.map((c) => [c.column, c]));
    const cells = model.columns
      .map((col) => {
        const cell = byColumn.get(col.id);
        if (!cell) return '<td class="cell"></td>';
        if (!cell.bound) return '<td class="cell unbound" title="in the store, not bound">·</td>';
        return `<td class="cell ${cell.verdict}" title="${esc(VERDICT_LABEL[cell.verdict].word)}">${esc(cell.tags.join(' ') || '✓')} ${VERDICT_LABEL[cell.verdict].icon}</td>`;
      })
      .join('');
    return `<tr><th scope="row"><a href="#server-${esc(r.fqdn)}">${esc(r.server)}</a><div class="muted small">${esc(r.detail)}</div></th>${cells}</tr>`;
  });
  return [
    '<section id="matrix"><h2>Servers × certificates</h2>',
    '<p class="muted small">Each cell: the bindings (Exchange services as Get-ExchangeCertificate prints them: I IMAP, P POP, U UM, W IIS, S SMTP, F Federation, C UM Call Router; Lync/SfB uses; settings that name the certificate) and the verdict. · = in the store, bound to nothing.</p>',
    `<table class="matrix"><thead><tr><th>Server</th>${head}</tr></thead><tbody>`,
    ...rows,
    '</tbody></table></section>',
  ].join('\n');
}

function errorsSection(model: EstateReportModel): string {
  const errors = model.audit.errors;
  if (errors.length === 0) return '';
  return [
    '<section id="collection-errors"><h2>What the collector could not read</h2><table><thead><tr><th>Server</th><th>Step</th><th>Message</th></tr></thead><tbody>',
    ...errors.map((e) => `<tr><td>${esc(e.server ?? '—')}</td><td>${esc(e.step)}</td><td>${esc(e.message)}</td></tr>`),
    '</tbody></table></section>',
  ].join('\n');
}

function certificateHtml(c: EstateCertificateResult): string {
  const problems = c.findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
  problems.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  return [
    `<div class="cert ${c.bindings.length ? c.verdict : ''}" data-thumbprint="${esc(c.thumbprint ?? '')}">`,
    `<div class="head">${c.bindings.length ? verdictBadge(c.verdict) : badge('na', '– not bound')} <strong>${esc(columnLabel(c))}</strong> <span class="muted mono thumb">${esc(c.thumbprint ?? 'masked thumbprint')}</span></div>`,
    `<p class="small">${esc(c.subject ?? '')}${c.notAfter ? ` · expires ${esc(isoDay(c.notAfter))}` : ''}</p>`,
    c.bindings.length ? `<p class="small"><span class="k">Bindings:</span> ${esc(bindingTags(c.bindings).join(' · '))} — ${esc(c.bindings.map((b) => b.name).join(', '))}</p>` : '',
    c.roles.length ? `<p class="small"><span class="k">Checked as:</span> ${esc(c.roles.map((r) => ROLE_TITLES[r]).join(', '))}</p>` : '',
    ...(c.notes ?? []).map((n) => `<p class="small muted">${esc(n)}</p>`),
    problems.length
      ? `<ul class="plain small">${problems.map((f) => `<li>${esc(STATUS_LABEL[f.status].icon)} <strong>${esc(f.title)}</strong> — ${esc(f.detail)}${f.fix ? ` <em>Fix:</em> ${esc(f.fix)}` : ''} <span class="muted mono">${esc(f.ruleId)}</span></li>`).join('')}</ul>`
      : '',
    '</div>',
  ].join('');
}

function serverSection(s: EstateServerResult, i: number): string {
  const what = s.product === 'exchange' ? `Exchange${s.version ? ` ${s.version}` : ''}${s.roles.length ? ` · ${s.roles.join(', ')}` : ''}` : `Lync/SfB ${s.roles.join(', ')}${s.pool ? ` · pool ${s.pool}` : ''}`;
  return [
    `<section class="server" id="server-${esc(s.fqdn)}" data-index="${i}">`,
    `<h2>${esc(s.name)} <span class="muted small">${esc(s.fqdn)} · ${esc(what)}</span></h2>`,
    s.certificates.length ? s.certificates.map(certificateHtml).join('\n') : '<p class="muted">No certificate in the snapshot for this server.</p>',
    '</section>',
  ].join('\n');
}


