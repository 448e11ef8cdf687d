// The expiry timeline as inline SVG, built as a string (no DOM: this runs in Node, a worker
// and the browser alike). One row per certificate: its validity as a bar on a time axis, the
// evaluation date as a line, the 30 / 60 / 120-day renewal bands shaded behind — and the days
// left written out at the end of each row, so the chart reads without colour.
import { showInvisible } from '../../encoding/invisibleCharacters.js';
import { DAY_MS, isoDay } from '../dates.js';
import type { Timeline, TimelineRow } from '../model.js';
import { escapeHtml as esc } from './escape.js';

/** The chart's own stylesheet, inside the SVG (the app's preview adopts it with the report's, before the chart is rendered). */
export const TIMELINE_CSS =
  'text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif;font-size:12.5px;fill:#1f2933}.tick{fill:#52606d;font-size:11.5px}.band{fill:#7b8794;font-size:11px}.status{font-weight:600}';

const WIDTH = 860;
const LABEL_X = 6;
const CHART_X0 = 215;
const CHART_X1 = 650;
const STATUS_X = 664;
const TOP = 44;
const ROW_H = 26;
const BAR_H = 13;

const BAR_COLOUR: Record<TimelineRow['bucket'], string> = {
  expired: '#6b7280',
  '30': '#b42318',
  '60': '#c4560c',
  '120': '#a16207',
  ok: '#2f6f3e',
};

const BANDS: { from: number; to: number; fill: string; label: string }[] = [
  { from: 0, to: 30, fill: '#fbe4e2', label: '30 d' },
  { from: 30, to: 60, fill: '#fdebd9', label: '60 d' },
  { from: 60, to: 120, fill: '#fbf3d5', label: '120 d' },
];

export function timelineSvg(timeline: Timeline): string {
  const start = Date.parse(timeline.start);
  const end = Date.parse(timeline.end);
  const at = Date.parse(timeline.at);
  const x = (ms: number) => round(CHART_X0 + ((clamp(ms, start, end) - start) / (end - start)) * (CHART_X1 - CHART_X0));
  const rows = timeline.rows;
  const chartBottom = TOP + Math.max(rows.length, 1) * ROW_H;
  const height = chartBottom + 34;
  const parts: string[] = [];

  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="timeline-title">`,
    `<title id="timeline-title">Expiry timeline: validity of each certificate around the evaluation date ${esc(isoDay(timeline.at))}</title>`,
    `<style>${TIMELINE_CSS}</style>`,
  );

  // Renewal bands after the evaluation date, then month ticks, then the evaluation line.
  for (const band of BANDS) {
    const bx0 = x(at + band.from * DAY_MS);
    const bx1 = x(at + band.to * DAY_MS);
    if (bx1 - bx0 < 1) continue;
    parts.push(`<rect x="${bx0}" y="${TOP - 6}" width="${round(bx1 - bx0)}" height="${chartBottom - TOP + 6}" fill="${band.fill}"/>`);
    if (bx1 - bx0 >= 26) parts.push(`<text class="band" x="${round((bx0 + bx1) / 2)}" y="${TOP - 9}" text-anchor="middle">${band.label}</text>`);
  }
  parts.push(`<line x1="${CHART_X0}" y1="${chartBottom}" x2="${CHART_X1}" y2="${chartBottom}" stroke="#9aa5b1" stroke-width="1"/>`);
  for (const tick of ticks(start, end)) {
    const tx = x(tick.ms);
    parts.push(`<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${chartBottom + 3}" stroke="#e4e7eb" stroke-width="1"/>`);
    if (tick.label) parts.push(`<text class="tick" x="${tx}" y="${chartBottom + 15}" text-anchor="middle">${esc(tick.label)}</text>`);
  }
  const ax = x(at);
  parts.push(
    `<line x1="${ax}" y1="${TOP - 22}" x2="${ax}" y2="${chartBottom + 3}" stroke="#1f2933" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<text x="${ax}" y="${TOP - 26}" text-anchor="${ax > CHART_X1 - 80 ? 'end' : 'middle'}" font-weight="600">Evaluated ${esc(isoDay(timeline.at))}</text>`,
  );

  if (rows.length === 0) {
    parts.push(`<text x="${CHART_X0}" y="${TOP + 16}">No certificate with validity dates in this report (requests only).</text>`);
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    const mid = y + ROW_H / 2;
    const nb = Date.parse(row.notBefore);
    const na = Date.parse(row.notAfter);
    const colour = BAR_COLOUR[row.bucket];
    parts.push(`<g><title>${esc(`${showInvisible(row.label)}: ${isoDay(row.notBefore)} to ${isoDay(row.notAfter)}`)}</title>`);
    // A name's invisible or bidi characters shown as markers (SVG has no <bdi>; each <text> is its own line).
    parts.push(`<text x="${LABEL_X}" y="${mid + 4}">${esc(truncate(showInvisible(row.label), 30))}</text>`);
    if (na >= start && nb <= end) {
      const bx0 = x(nb);
      const bx1 = Math.max(x(na), bx0 + 2);
      parts.push(`<rect x="${bx0}" y="${round(mid - BAR_H / 2)}" width="${round(bx1 - bx0)}" height="${BAR_H}" rx="2" fill="${colour}"${row.bucket === 'expired' ? ' fill-opacity="0.55"' : ''}/>`);
      if (na > end) parts.push(`<path d="M${CHART_X1 + 1} ${mid - 6} L${CHART_X1 + 7} ${mid} L${CHART_X1 + 1} ${mid + 6} Z" fill="${colour}"/>`);
      if (nb < start) parts.push(`<path d="M${CHART_X0 - 1} ${mid - 6} L${CHART_X0 - 7} ${mid} L${CHART_X0 - 1} ${mid + 6} Z" fill="${colour}"/>`);
    } else {
      // Entirely outside the window (long expired, or not valid until far ahead): a marker at the edge.
      const edge = na < start ? CHART_X0 : CHART_X1;
      parts.push(`<circle cx="${edge}" cy="${mid}" r="4" fill="${colour}"/>`);
    }
    parts.push(`<text class="status" x="${STATUS_X + 6}" y="${mid + 4}" fill="${colour}">${esc(statusText(row))}</text></g>`);
  });

  parts.push(
    `<text class="tick" x="${LABEL_X}" y="${height - 6}">Bars: validity (not before → not after). Shaded: renewal windows 30 / 60 / 120 days after the evaluation date. ▸ continues past ${esc(isoDay(timeline.end))}.</text>`,
    '</svg>',
  );
  return parts.join('');
}

function statusText(row: TimelineRow): string {
  const d = row.daysLeft;
  if (d < 0) return `expired ${isoDay(row.notAfter)}`;
  if (Date.parse(row.notBefore) > Date.parse(row.notAfter)) return 'invalid dates';
  return `${d} d left · ${isoDay(row.notAfter)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** First-of-month ticks (every month, or every quarter on a long window); labels that fit. */
function ticks(start: number, end: number): { ms: number; label: string }[] {
  const spanDays = (end - start) / DAY_MS;
  const step = spanDays <= 430 ? 1 : spanDays <= 800 ? 3 : 6;
  const d = new Date(start);
  let year = d.getUTCFullYear();
  let month = d.getUTCMonth() + 1;
  const out: { ms: number; label: string }[] = [];
  for (;;) {
    if (month > 11) {
      year += Math.floor(month / 12);
      month %= 12;
    }
    const ms = Date.UTC(year, month, 1);
    if (ms > end) break;
    if (month % step === 0) out.push({ ms, label: month === 0 || out.length === 0 ? `${MONTHS[month]} ${year}` : MONTHS[month]! });
    month += 1;
  }
  return out;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
