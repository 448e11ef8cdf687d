// One certificate (or request) in the HTML report: who it is, the roles it was judged for and
// every finding with its fix and source. Every value goes through escapeHtml — a subject is
// text the certificate's owner chose, not markup.
import { ROLE_TITLES } from '../../rules/engine/roles.js';
import { STATUS_ORDER } from '../../rules/engine/status.js';
import type { Finding } from '../../rules/engine/types.js';
import { daysLeftText, isoMinute } from '../dates.js';
import type { ReportItem, RoleVerdict } from '../model.js';
import { itemLabel } from '../summary.js';
import { escapeHtml as esc, escapeVisible as vis, isolate } from './escape.js';
import { STATUS_LABEL, VERDICT_LABEL } from './labels.js';
import { forPeople as forPeopleUncached } from '../../words/forPeople.js';

// A report of 1,100 certificates turns ~100,000 finding sentences into people's words, most of
// them the same sentence again (titles, citations, not-applicable notes): each is worked out once.
const PEOPLE_CACHE_LIMIT = 20_000;
const peopleCache = new Map<string, string>();
function forPeople(text: string): string {
  let words = peopleCache.get(text);
  if (words === undefined) {
    if (peopleCache.size >= PEOPLE_CACHE_LIMIT) peopleCache.clear();
    words = forPeopleUncached(text);
    peopleCache.set(text, words);
  }
  return words;
}

export function verdictBadge(verdict: ReportItem['result']['verdict']): string {
  const l = VERDICT_LABEL[verdict];
  return `<span class="badge ${verdict}">${l.icon} ${l.word}</span>`;
}

function statusBadge(status: Finding['status']): string {
  const l = STATUS_LABEL[status];
  return `<span class="badge ${status}">${l.icon} ${esc(l.word)}</span>`;
}

export function itemSection(item: ReportItem, index: number): string {
  const r = item.result;
  const what = r.kind === 'request' ? 'Request' : 'Certificate';
  return [
    `<section class="item ${r.verdict}" id="${item.id}" data-kind="${r.kind}" data-verdict="${r.verdict}"${r.thumbprint ? ` data-thumbprint="${esc(r.thumbprint)}"` : ''}>`,
    `<h2>${verdictBadge(r.verdict)}<span class="name">${index + 1}. ${what}: ${isolate(itemLabel(item))}</span></h2>`,
    `<div class="file">From <span class="mono">${isolate(r.file)}</span></div>`,
    identityTable(item),
    `<h3>Roles evaluated${r.guessed ? ' (guessed from the certificate and the environment)' : ''}</h3>`,
    `<div class="roles">${item.roleVerdicts.map(roleLine).join('')}</div>`,
    findingsBlock(r.findings),
    '</section>',
  ].join('\n');
}

function roleLine(rv: RoleVerdict): string {
  const counts = [
    rv.errors ? `${rv.errors} error${rv.errors === 1 ? '' : 's'}` : '',
    rv.warnings ? `${rv.warnings} warning${rv.warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `<div class="role" data-role="${esc(rv.role)}" data-verdict="${rv.verdict}">${verdictBadge(rv.verdict)}<span class="rt">${esc(ROLE_TITLES[rv.role])}</span><span class="muted">${esc(counts.length ? counts.join(', ') : 'no errors or warnings')}${rv.role !== 'general' ? ' · general rules included' : ''}</span></div>`;
}

function identityTable(item: ReportItem): string {
  const id = item.identity;
  const rows: [string, string][] = [];
  const text = (v: string) => isolate(v);
  const mono = (v: string) => `<span class="mono">${isolate(v)}</span>`;
  rows.push(['Subject', text(id.subject || '(empty subject)')]);
  rows.push([
    'Subject alternative names',
    id.subjectAltNames.length ? `<ul class="plain">${id.subjectAltNames.map((s) => `<li>${isolate(s)}</li>`).join('')}</ul>` : '<span class="muted">none</span>',
  ]);
  if (id.thumbprint) rows.push(['Thumbprint (SHA-1)', mono(id.thumbprint)]);
  rows.push(['SHA-256', mono(id.sha256)]);
  if (id.serialNumber) rows.push(['Serial number', mono(id.serialNumber)]);
  if (id.issuer !== undefined) rows.push(['Issuer', `${text(id.issuer)}${id.selfSigned ? ' <span class="muted">(self-signed)</span>' : ''}`]);
  if (id.notBefore && id.notAfter) {
    rows.push([
      'Validity',
      `${esc(isoMinute(id.notBefore))} → ${esc(isoMinute(id.notAfter))}${id.daysLeft !== undefined ? ` <strong>(${esc(daysLeftText(id.daysLeft))})</strong>` : ''}`,
    ]);
  }
  const keyBits = [id.key, id.hasPrivateKey ? 'private key present' : 'no private key in the file', id.keyProvider ? `provider: ${id.keyProvider}` : ''].filter(Boolean);
  rows.push(['Key', text(keyBits.join(' · '))]);
  rows.push(['Signature', text(id.signatureAlgorithm)]);
  if (id.extendedKeyUsage.length) rows.push(['Enhanced key usage', text(id.extendedKeyUsage.join(', '))]);
  if (id.template) rows.push(['Template', text(id.template)]);
  if (id.friendlyName) rows.push(['Friendly name', text(id.friendlyName)]);
  rows.push(['File type', text(id.container)]);
  if (id.pfx) rows.push(['PFX encryption', `${text(id.pfx.text)}<br><span class="muted small">MAC ${esc(id.pfx.mac)}${id.pfx.macIterations ? `, ${esc(id.pfx.macIterations)} iterations` : ''}</span>`]);
  return `<table class="identity"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function findingsBlock(findings: readonly Finding[]): string {
  const out: string[] = ['<h3>Findings</h3>'];
  const problems = findings.filter((f) => f.status !== 'pass' && f.status !== 'not_applicable');
  if (problems.length === 0) out.push('<p class="muted">No errors, warnings or notes.</p>');
  for (const status of STATUS_ORDER) {
    if (status === 'pass' || status === 'not_applicable') continue;
    for (const f of findings.filter((x) => x.status === status)) out.push(findingCard(f));
  }
  const passes = findings.filter((f) => f.status === 'pass');
  if (passes.length) {
    out.push(
      `<h4 class="muted">Passed (${passes.length})</h4><ul class="passes">${passes
        .map((f) => `<li data-rule="${esc(f.ruleId)}" data-status="pass">${statusBadge('pass')} <strong>${vis(forPeople(f.title))}</strong> — ${vis(forPeople(f.detail))}</li>`)
        .join('')}</ul>`,
    );
  }
  const na = findings.filter((f) => f.status === 'not_applicable');
  if (na.length) {
    out.push(`<p class="na">${statusBadge('not_applicable')} Not applicable here (${na.length}): ${na.map((f) => `<span data-rule="${esc(f.ruleId)}" data-status="not_applicable">${vis(forPeople(f.title))}</span>`).join('; ')}.</p>`);
  }
  return out.join('\n');
}

function findingCard(f: Finding): string {
  return [
    `<div class="finding ${f.status}" data-rule="${esc(f.ruleId)}" data-status="${f.status}">`,
    // A customer reads this: the rule id stays in data-rule, the words carry no CLI options or source ids.
    `<div class="head">${statusBadge(f.status)}<span class="title">${vis(forPeople(f.title))}</span></div>`,
    `<p>${vis(forPeople(f.detail))}</p>`,
    f.whatBreaks ? `<p><span class="k">What breaks:</span> ${vis(forPeople(f.whatBreaks))}</p>` : '',
    f.fix ? `<p><span class="k">Fix:</span> ${vis(forPeople(f.fix))}</p>` : '',
    `<p class="small muted"><span class="k">Source:</span> ${esc(forPeople(f.citation))} (${esc(f.source)})</p>`,
    '</div>',
  ]
    .filter(Boolean)
    .join('');
}
