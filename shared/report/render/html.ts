// The report as one self-contained HTML file: inline CSS, inline SVG, no script (a CSP meta
// forbids any), no external resource. Open it in any browser or print it to PDF — it is the
// same document the CLI's `--format pdf` prints with Chromium.
import { ROLE_TITLES } from '../../rules/engine/roles.js';
import { daysLeftText, isoDay, isoMinute } from '../dates.js';
import type { EnvironmentSummary, ReportModel } from '../model.js';
import { itemLabel } from '../summary.js';
import { escapeHtml as esc, escapeVisible as vis, isolate } from './escape.js';
import { itemSection, verdictBadge } from './htmlItem.js';
import { htmlDocument, type HtmlOptions } from './htmlDocument.js';
import { BUCKET_LABEL } from './labels.js';
import { leadSentence } from './leadSentence.js';
import { timelineSvg } from './timelineSvg.js';
import { forPeople } from '../../words/forPeople.js';

export { PAPERS, type HtmlOptions, type Paper } from './htmlDocument.js';

export function renderHtml(report: ReportModel, options: HtmlOptions = {}): string {
  const { head, parts } = htmlParts(report);
  return htmlDocument(head, parts.map((part) => part()), options);
}

/**
 * The report page in pieces: its head and each part of its body, each rendered only when called
 * (an empty string when the part has nothing to show). renderHtml is exactly these parts in this
 * order; the app's preview renders the cover and the summary first and the rest after.
 */
export function htmlParts(report: ReportModel): { head: { title: string; generator: string }; parts: (() => string)[] } {
  const m = report.meta;
  return {
    head: { title: `${m.title}${m.customer ? ` — ${m.customer}` : ''}`, generator: m.generator },
    parts: [
      () => cover(report),
      () => summarySection(report),
      () => timelineSection(report),
      () => overviewSection(report),
      () => unusableSection(report),
      () => environmentSection(report.environment),
      ...report.items.map((item, i) => () => itemSection(item, i)),
      () => commandsSection(report),
      () => footer(report),
    ],
  };
}

function cover(report: ReportModel): string {
  const m = report.meta;
  const s = report.summary;
  const scope = [
    `${s.certificates} certificate${s.certificates === 1 ? '' : 's'}`,
    s.requests ? `${s.requests} request${s.requests === 1 ? '' : 's'}` : '',
    s.unusable ? `${s.unusable} unusable file${s.unusable === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  const rows: [string, string][] = [];
  if (m.customer) rows.push(['Customer', m.customer]);
  if (m.author) rows.push(['Prepared by', m.author]);
  rows.push(['Evaluated at', isoMinute(m.at)]);
  rows.push(['Role checked', m.role === 'auto' ? 'Guessed per certificate from its names and the environment' : ROLE_TITLES[m.role]]);
  if (m.server) rows.push(['Server', m.server]);
  rows.push(['Scope', scope.join(', ')]);
  if (report.environment.name) rows.push(['Environment', report.environment.name]);
  return [
    '<header class="cover">',
    `<div class="brand">${esc(m.generator)} · Certificate compliance</div>`,
    `<h1>${isolate(m.title)}</h1>`,
    `<dl class="meta">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${isolate(v)}</dd>`).join('')}</dl>`,
    '</header>',
  ].join('\n');
}

function summarySection(report: ReportModel): string {
  const s = report.summary;
  const e = s.expiry;
  const tile = (cls: string, n: number, word: string) => `<div class="tile ${cls}"><div class="n">${n}</div><div class="w">${word}</div></div>`;
  const out = [
    '<section id="summary">',
    '<h2>Executive summary</h2>',
    '<div class="tiles">',
    tile('fail', s.verdicts.fail, '✖ Fail their role'),
    tile('warn', s.verdicts.warn, '⚠ Pass with warnings'),
    tile('pass', s.verdicts.pass, '✔ Pass'),
    tile('expiry', e.expired + e.within30, 'Expired or ≤ 30 days left'),
    tile('unusable', s.unusable, '– Unusable files'),
    '</div>',
    `<p class="lead">${vis(leadSentence(report))}</p>`,
  ];
  if (s.failing.length) {
    out.push(
      '<h3>What fails</h3>',
      '<table><thead><tr><th>Certificate</th><th>Failing role</th><th>Requirements not met</th></tr></thead><tbody>',
      ...s.failing.map(
        (f) =>
          `<tr><td><a href="#${f.itemId}">${isolate(f.label)}</a><div class="muted small mono">${isolate(f.file)}</div></td><td>${esc(f.roles.map((r) => ROLE_TITLES[r]).join(', ') || '—')}</td><td><ul class="plain">${f.problems.map((p) => `<li>${vis(p)}</li>`).join('')}</ul></td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  out.push('<h3>What expires</h3>');
  out.push(
    `<p>Counted from ${esc(isoDay(report.meta.at))}: <strong>${e.expired}</strong> expired · <strong>${e.within30}</strong> within 30 days · <strong>${e.within60}</strong> within 60 days · <strong>${e.within120}</strong> within 120 days.</p>`,
  );
  if (e.entries.length) {
    out.push(
      '<table><thead><tr><th>Certificate</th><th class="nowrap">Not after</th><th class="nowrap">Days left</th><th>Window</th></tr></thead><tbody>',
      ...e.entries.map(
        (x) =>
          `<tr><td><a href="#${x.itemId}">${isolate(x.label)}</a><div class="muted small mono">${esc(x.thumbprint)}</div></td><td class="nowrap">${esc(isoDay(x.notAfter))}</td><td class="num">${esc(daysLeftText(x.daysLeft))}</td><td>${esc(BUCKET_LABEL[x.bucket])}</td></tr>`,
      ),
      '</tbody></table>',
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function timelineSection(report: ReportModel): string {
  return ['<section id="timeline">', '<h2>Expiry timeline</h2>', `<div class="timeline-box">${timelineSvg(report.timeline)}</div>`, '</section>'].join('\n');
}

function overviewSection(report: ReportModel): string {
  if (report.items.length === 0) return '';
  return [
    '<section id="overview">',
    '<h2>Certificates and requests</h2>',
    '<table class="overview"><thead><tr><th>#</th><th>Certificate</th><th>Roles</th><th>Verdict</th><th class="nowrap">Expires</th></tr></thead><tbody>',
    ...report.items.map((item, i) => {
      const id = item.identity;
      const expires = id.notAfter ? `${esc(isoDay(id.notAfter))}<div class="muted small">${esc(daysLeftText(id.daysLeft!))}</div>` : '<span class="muted">request</span>';
      const roles = item.roleVerdicts.map((rv) => `<div>${esc(ROLE_TITLES[rv.role])}${item.roleVerdicts.length > 1 ? ` <span class="muted small">(${rv.verdict})</span>` : ''}</div>`).join('');
      return `<tr data-item="${item.id}"${item.result.thumbprint ? ` data-thumbprint="${esc(item.result.thumbprint)}"` : ''} data-verdict="${item.result.verdict}"><td class="num">${i + 1}</td><td><a href="#${item.id}">${isolate(itemLabel(item))}</a><div class="muted small mono">${isolate(item.result.file)}</div>${item.result.thumbprint ? `<div class="muted mono thumb">${esc(item.result.thumbprint)}</div>` : ''}</td><td>${roles}${item.result.guessed ? '<div class="muted small">guessed</div>' : ''}</td><td>${verdictBadge(item.result.verdict)}</td><td class="nowrap">${expires}</td></tr>`;
    }),
    '</tbody></table>',
    '</section>',
  ].join('\n');
}

function environmentSection(env: EnvironmentSummary): string {
  const out = ['<section id="environment">', '<h2>Environment</h2>'];
  if (env.empty) {
    out.push('<p class="notice">No environment was given: the rules that compare a certificate with the servers, pools and domains of the deployment could not check those names.</p>');
    out.push('</section>');
    return out.join('\n');
  }
  const list = (title: string, items: string[]) =>
    items.length ? `<div><h4>${esc(title)}</h4><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></div>` : '';
  const version = (v?: string) => (v ? ` <span class="muted">(${esc(v)})</span>` : '');
  out.push(
    '<div class="env">',
    list(
      'Exchange servers',
      env.exchangeServers.map((s) => `${isolate(s.fqdn)}${version([s.version && `Exchange ${s.version}`, s.os && `Windows Server ${s.os}`, s.roles.join(', ')].filter(Boolean).join(' · '))}`),
    ),
    list('Lync / SfB pools', env.sfbPools.map((p) => `${isolate(p.fqdn)}${version(p.version)}${p.servers.length ? `<div class="muted small">${p.servers.map((s) => isolate(s)).join(', ')}</div>` : ''}`)),
    list(
      'Edge pools',
      env.edgePools.map((p) =>
        [
          p.internalFqdn ? `internal ${isolate(p.internalFqdn)}` : '',
          p.accessEdgeFqdn ? `Access Edge ${isolate(p.accessEdgeFqdn)}` : '',
          p.webConferencingEdgeFqdn ? `Web Conferencing ${isolate(p.webConferencingEdgeFqdn)}` : '',
          p.avEdgeFqdn ? `A/V ${isolate(p.avEdgeFqdn)}` : '',
        ]
          .filter(Boolean)
          .join('<br>') + version(p.version),
      ),
    ),
    list('SIP domains', env.sipDomains.map((d) => isolate(d))),
    list('SMTP domains', env.smtpDomains.map((d) => isolate(d))),
    list(
      'OWA IM integration',
      env.owaIm
        ? [
            env.owaIm.trustedApplicationPoolFqdn ? `trusted application pool ${isolate(env.owaIm.trustedApplicationPoolFqdn)}` : '',
            env.owaIm.imServerName ? `IM server ${isolate(env.owaIm.imServerName)}` : '',
          ].filter(Boolean)
        : [],
    ),
    list('Trusted internal roots', env.trustedRootCount ? [`${env.trustedRootCount} root certificate${env.trustedRootCount === 1 ? '' : 's'}`] : []),
    '</div>',
    '</section>',
  );
  return out.join('\n');
}

function unusableSection(report: ReportModel): string {
  if (report.unusable.length === 0) return '';
  return [
    '<section id="unusable">',
    '<h2>Files that could not be evaluated</h2>',
    '<p>These files were named but could not be read as a certificate, request, P7B or PFX; they are not in the counts above.</p>',
    '<table><thead><tr><th class="file-col">File</th><th>Reason</th></tr></thead><tbody>',
    ...report.unusable.map((u) => `<tr data-unusable="true"><td class="mono">${isolate(u.file)}</td><td>${vis(u.message)}</td></tr>`),
    '</tbody></table>',
    '</section>',
  ].join('\n');
}

function commandsSection(report: ReportModel): string {
  if (!report.fixCommands) return '';
  const out = ['<section id="commands" class="appendix">', '<h2>Appendix: commands to put a compliant certificate in place</h2>'];
  if (report.fixCommands.length === 0) {
    out.push('<p>No certificate fails an integration role: there is nothing to replace.</p>');
  } else {
    out.push('<p>For each failing role, the PowerShell that imports a compliant replacement certificate and assigns it. Issue the replacement first (the findings say what it needs); read each step before running it.</p>');
  }
  for (const fc of report.fixCommands) {
    const which = fc.itemIds.map((id) => {
      const item = report.items.find((i) => i.id === id)!;
      return `<a href="#${id}">${isolate(itemLabel(item))}</a>`;
    });
    out.push(`<h3>${esc(fc.roleTitle)}</h3>`, `<p class="small">Fails: ${which.join(', ')}</p>`);
    if (fc.script) out.push(`<pre class="script">${vis(fc.script)}</pre>`);
    if (fc.note) out.push(`<p class="notice">${vis(forPeople(fc.note))}</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function footer(report: ReportModel): string {
  return `<footer>Generated by ${esc(report.meta.generator)} from the certificate files listed above, evaluated at ${esc(isoMinute(report.meta.at))}. The report holds no private keys, passwords or PFX contents. Each finding cites the document it is based on; "workbench" findings are CertBench practice rather than vendor requirements.</footer>`;
}
