// The one PEM scanner (RFC 7468 armour, as OpenSSL and Windows write it): every
// `-----BEGIN L-----` … `-----END L-----` pair in a text, in order, with the text between
// them. The three readers (certificates, request-designer keys, trust roots) decode the bodies.
//
// Linear in the length of the text. The regular expression it replaces
// (/-----BEGIN (L)-----([\s\S]*?)-----END \1-----/g) searched to the end of the text again for
// every BEGIN without an END, so 2 MB of BEGIN lines took minutes. Here every END marker is
// found once, grouped by label, and each BEGIN looks its END up; the blocks found are exactly
// the ones that expression found (same labels, same bodies, same order).

export interface PemSpan {
  label: string;
  /** The text between the BEGIN line's closing dashes and the END marker (headers included). */
  body: string;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';

/** Label characters: A–Z, 0–9, space, and `#` (OpenSSL's `PKCS #7 SIGNED DATA`). */
function isLabelChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32 || c === 35;
}

/**
 * The label of the marker whose prefix (`-----BEGIN ` / `-----END `) starts at `at`, and where
 * the closing dashes end; null when no label followed by `-----` is there.
 */
function markerAt(text: string, at: number, prefix: string): { label: string; end: number } | null {
  const start = at + prefix.length;
  let i = start;
  while (i < text.length && isLabelChar(text.charCodeAt(i))) i++;
  if (i === start || !text.startsWith(DASHES, i)) return null;
  return { label: text.slice(start, i), end: i + DASHES.length };
}

/** Every END marker of the text, by label: start positions ascending, and where each ends. */
function endMarkers(text: string): Map<string, { starts: number[]; ends: number[] }> {
  const byLabel = new Map<string, { starts: number[]; ends: number[] }>();
  for (let at = text.indexOf(END); at >= 0; at = text.indexOf(END, at + 1)) {
    const marker = markerAt(text, at, END);
    if (!marker) continue;
    let list = byLabel.get(marker.label);
    if (!list) byLabel.set(marker.label, (list = { starts: [], ends: [] }));
    list.starts.push(at);
    list.ends.push(marker.end);
  }
  return byLabel;
}

/** Index of the first entry of the ascending `starts` that is ≥ `from`, or -1. */
function firstAtOrAfter(starts: number[], from: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length ? lo : -1;
}

/** Is there a BEGIN marker (with a well-formed label) anywhere in the text? */
export function hasPemBegin(text: string): boolean {
  for (let at = text.indexOf(BEGIN); at >= 0; at = text.indexOf(BEGIN, at + 1)) {
    if (markerAt(text, at, BEGIN)) return true;
  }
  return false;
}

/**
 * The PEM blocks of `text`, at most `maxBlocks`. A BEGIN without a matching END is passed over
 * (the caller says "cut off" when nothing is found); text around blocks is ignored.
 */
export function scanPem(text: string, maxBlocks = Number.POSITIVE_INFINITY): PemSpan[] {
  const spans: PemSpan[] = [];
  if (text.indexOf(BEGIN) < 0) return spans;
  const ends = endMarkers(text);
  for (let at = text.indexOf(BEGIN); at >= 0 && spans.length < maxBlocks; ) {
    const begin = markerAt(text, at, BEGIN);
    const list = begin ? ends.get(begin.label) : undefined;
    const index = begin && list ? firstAtOrAfter(list.starts, begin.end) : -1;
    if (!begin || !list || index < 0) {
      at = text.indexOf(BEGIN, at + 1);
      continue;
    }
    spans.push({ label: begin.label, body: text.slice(begin.end, list.starts[index]) });
    at = text.indexOf(BEGIN, list.ends[index]);
  }
  return spans;
}
