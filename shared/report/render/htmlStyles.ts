// The report's only stylesheet, inlined into the HTML file. Calm and dense like the app, and
// made for paper: A4 and Letter both fit (no fixed page size), page margins and numbers, cards
// and table rows never split across pages, status colours printed as they are.
// No value from a certificate is ever placed in here.
export const REPORT_CSS = `
:root {
  --ink: #1f2933; --muted: #52606d; --faint: #7b8794; --rule: #d9dee3; --panel: #f5f7f9;
  --fail: #b42318; --fail-bg: #fdecea; --warn: #9a4a00; --warn-bg: #fff3e0;
  --pass: #2f6f3e; --pass-bg: #e8f3ea; --info: #175cd3; --info-bg: #eaf1fd; --na: #616e7c; --na-bg: #eef0f2;
  --accent: #1d3b5a;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0 auto; max-width: 1000px; padding: 32px 40px 48px; color: var(--ink); background: #fff;
  font: 13.5px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif;
}
h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 26px; margin: 6px 0 14px; font-weight: 650; }
h2 { font-size: 18px; margin: 30px 0 10px; padding-bottom: 5px; border-bottom: 2px solid var(--accent); font-weight: 650; }
h3 { font-size: 14.5px; margin: 20px 0 8px; font-weight: 650; }
p { margin: 6px 0 10px; }
a { color: var(--accent); }
code, .mono { font-family: "Cascadia Mono", Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 12px; }
.mono { overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
/* Names from certificates and files: isolated from the text around them; hidden characters marked. */
bdi { unicode-bidi: isolate; }
.invisible { display: inline-block; margin: 0 1px; padding: 0 3px; border: 1px solid var(--fail); border-radius: 3px; color: var(--fail); background: var(--fail-bg); font: 600 10.5px/1.3 "Cascadia Mono", Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; unicode-bidi: isolate; direction: ltr; }

.cover { border-bottom: 1px solid var(--rule); padding-bottom: 14px; margin-bottom: 8px; }
.brand { font-size: 11.5px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 3px 16px; margin: 0; font-size: 13px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; font-weight: 550; overflow-wrap: anywhere; }

.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 12px 0 14px; }
.tile { border: 1px solid var(--rule); border-radius: 6px; padding: 9px 12px; background: var(--panel); break-inside: avoid; }
.tile .n { font-size: 24px; font-weight: 700; line-height: 1.1; }
.tile .w { font-size: 12px; color: var(--muted); }
.tile.fail { border-top: 4px solid var(--fail); } .tile.fail .n { color: var(--fail); }
.tile.warn { border-top: 4px solid var(--warn); } .tile.warn .n { color: var(--warn); }
.tile.pass { border-top: 4px solid var(--pass); } .tile.pass .n { color: var(--pass); }
.tile.unusable { border-top: 4px solid var(--na); }
.tile.expiry { border-top: 4px solid var(--accent); }
.lead { font-size: 14px; }

table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 12.5px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--rule); }
th { background: var(--panel); color: var(--muted); font-weight: 600; font-size: 11.5px; text-transform: uppercase; letter-spacing: .03em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; }
td.nowrap, th.nowrap { white-space: nowrap; }
ul.plain { margin: 0; padding-left: 16px; }

.badge { display: inline-block; padding: 1px 7px; border-radius: 4px; font-weight: 700; font-size: 11.5px; white-space: nowrap; border: 1px solid currentColor; }
.badge.fail, .badge.error, .badge.fatal { color: var(--fail); background: var(--fail-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.pass { color: var(--pass); background: var(--pass-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
.badge.not_applicable, .badge.na { color: var(--na); background: var(--na-bg); }

.timeline-box { border: 1px solid var(--rule); border-radius: 6px; padding: 8px; break-inside: avoid; page-break-inside: avoid; }
.timeline-box svg { width: 100%; height: auto; display: block; }

.env { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
.env h4 { margin: 8px 0 2px; font-size: 12.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.env ul { margin: 0; padding-left: 16px; }
.env > div, .env li { break-inside: avoid; page-break-inside: avoid; }
table.overview td:nth-child(2) { width: 46%; }
th.file-col { width: 34%; }
.thumb { font-size: 11px; white-space: nowrap; }
.notice { border-left: 4px solid var(--warn); background: var(--warn-bg); padding: 8px 12px; border-radius: 0 6px 6px 0; break-inside: avoid; }

.item { margin-top: 26px; border-top: 3px solid var(--rule); padding-top: 4px; }
.item.fail { border-top-color: var(--fail); } .item.warn { border-top-color: var(--warn); } .item.pass { border-top-color: var(--pass); }
.item > h2 { border-bottom: 0; margin-top: 8px; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.item > h2 .name { overflow-wrap: anywhere; }
.item .file { color: var(--muted); font-size: 12.5px; margin-top: -6px; overflow-wrap: anywhere; }
table.identity { break-inside: avoid; page-break-inside: avoid; }
table.identity th { width: 23%; text-transform: none; letter-spacing: 0; font-size: 12px; background: none; border-bottom-color: #eef0f2; }
table.identity td { border-bottom-color: #eef0f2; overflow-wrap: anywhere; }
.roles { display: flex; flex-direction: column; gap: 4px; margin: 8px 0 12px; }
.role { display: flex; gap: 10px; align-items: baseline; padding: 6px 10px; background: var(--panel); border-radius: 6px; break-inside: avoid; }
.role .rt { font-weight: 600; }

.finding { border: 1px solid var(--rule); border-left-width: 5px; border-radius: 6px; padding: 8px 12px; margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
.finding.error, .finding.fatal { border-left-color: var(--fail); }
.finding.warn { border-left-color: var(--warn); }
.finding.info { border-left-color: var(--info); }
.finding .head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.finding .title { font-weight: 650; }
.finding .rule { margin-left: auto; color: var(--faint); font-size: 11px; }
.finding p { margin: 5px 0 0; }
.finding .k { font-weight: 650; color: var(--muted); }
.passes { margin: 6px 0; padding-left: 0; list-style: none; font-size: 12.5px; }
.passes li { padding: 2px 0; break-inside: avoid; }
.na { color: var(--muted); font-size: 12px; }

pre.script { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; font-size: 10.5px; line-height: 1.45; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 11.5px; }

@page { margin: 15mm 13mm 16mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, "Liberation Sans", sans-serif; color: #7b8794; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; }
  .item { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  .appendix { break-before: page; page-break-before: always; }
  a { color: inherit; text-decoration: none; }
  .tiles { grid-template-columns: repeat(5, 1fr); }
}
@media screen and (max-width: 720px) {
  body { padding: 16px; }
  .tiles { grid-template-columns: repeat(2, 1fr); }
  .meta, .env { grid-template-columns: 1fr; }
}
`;
