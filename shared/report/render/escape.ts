// Escaping for every output format. Values come from certificates and requests, which anyone
// can mint: a subject may be `CN=<script>…</script>` or `=cmd|' /C calc'!A0`. Every value
// passes through one of these before it is placed in a document.
import { hasInvisible, showInvisible, splitInvisible } from '../../encoding/invisibleCharacters.js';

/** Text and attribute values in HTML or SVG (both quotes escaped, so it is safe in either). */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Text content in HTML with every invisible or bidi character (shared/encoding/
 * invisibleCharacters.ts) shown as a marker — `<span class="invisible" title="U+202E
 * RIGHT-TO-LEFT OVERRIDE">[U+202E]</span>` — so a CN "ex1.contoso.com\u202Emoc.live" can
 * neither reverse what follows nor hide a zero-width space. Not for attribute values (markup).
 */
export function escapeVisible(value: string | number | boolean | null | undefined): string {
  const text = String(value ?? '');
  // The common case (nothing hidden) costs one scan: a report of 1,100 certificates has ~50,000 values.
  if (!hasInvisible(text)) return escapeHtml(text);
  return splitInvisible(text)
    .map((p) => (p.invisible ? `<span class="invisible" title="${p.invisible.codePoint} ${p.invisible.name}">[${p.invisible.codePoint}]</span>` : escapeHtml(p.text)))
    .join('');
}

/** A value from a certificate, a file name or an environment: isolated from the text around it (<bdi>) and shown visibly. */
export function isolate(value: string | number | null | undefined): string {
  return `<bdi>${escapeVisible(value)}</bdi>`;
}

/**
 * Inline Markdown text: the characters that make emphasis, code, links, raw HTML, entities or
 * GFM table cells are backslash-escaped (pipes included, so a value never splits a cell; `<`
 * so no raw HTML reaches a renderer); line breaks become spaces; and a value that would start
 * a list, quote or heading on its own line has that first character escaped too. Invisible
 * and bidi characters become markers first ("[U+202E]", shared/encoding/invisibleCharacters.ts),
 * and the markers' brackets are escaped with the rest, so a name cannot make one into a link
 * ("\u202E(javascript:…)" → "\[U+202E\](javascript:…)", which renders as plain "[U+202E](…)").
 */
export function escapeMarkdown(value: string | number | null | undefined): string {
  const text = showInvisible(String(value ?? '').replace(/[\r\n]+/g, ' '))
    .replace(/[\\`*_[\]<>|~&!]/g, (c) => `\\${c}`);
  return text.replace(/^([-+=#])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Cells starting with one of these are read as formulas by Excel, LibreOffice and Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field per RFC 4180 (quoted when it holds a comma, quote or line break; quotes
 * doubled), with formula injection defused: a text cell that starts with = + - @ (or a tab or
 * carriage return) gets a leading apostrophe. Plain numbers such as `-12` stay numbers.
 * Invisible and bidi characters other than tab and line breaks become markers ("[U+200B]"), so
 * a spreadsheet shows them instead of hiding them or reordering the cell; the markers are put
 * in before the formula check, which then sees what the spreadsheet will read.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  let text = String(value ?? '').replace(/[^\t\r\n]+/g, showInvisible);
  if (FORMULA_START.test(text.replace(/^ +/, '')) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
