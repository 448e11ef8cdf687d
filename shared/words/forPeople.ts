// The core's sentences are written once and serve the CLI, the app and the reports. The CLI
// may name its options ("pass it with --trust"); the app and a customer's report may not, and
// neither shows CertBench's internal source ids ("GEN-L7", "S33", "seed 001_…"). This turns a
// core sentence into the words a window or a report uses. Generated files (scripts, INF) keep
// their source ids on purpose: each fact there cites where it comes from.

/** CLI options, as a person outside the CLI would say them. Longest first. */
const OPTION_WORDS: [RegExp, string][] = [
  [/\s*\(guessed with --role auto\)/g, ' (guessed)'],
  [/\(--role auto\)/g, '(guessed from its names and the environment)'],
  [/--role auto/g, 'the automatic role guess'],
  [/--profile legacy/g, 'the legacy (3DES, Server 2016 and older) PFX profile'],
  [/--profile modern/g, 'the modern (AES, Server 2019 and later) PFX profile'],
  [/--profile/g, 'the PFX profile'],
  [/\bpass it with --trust\b/g, 'add it to the trusted roots'],
  [/\(--env\)/g, '(the environment)'],
  [/--trust/g, 'the trusted roots'],
  [/--server/g, 'the server name'],
  [/--env\b/g, 'the environment'],
  [/--roll\b/g, 'staging'],
  [/--thumbprint/g, 'the thumbprint'],
  [/--exchange-version/g, 'the Exchange version'],
  [/--sfb-version/g, 'the Lync / SfB version'],
  [/--key\b/g, 'the key choice'],
  [/--pfx\b/g, 'the PFX path'],
  [/--at\b/g, 'the check date'],
  [/--role\b/g, 'the role'],
];

/** A source id of the CertBench rule reference (domain-rules.md): GEN-L7, WIN-02, OA-EX-04, S33. */
const SOURCE_ID = /^(?:(?:GEN-L|WIN-|UM-|IM-|EDGE-|OA-EX-|OA-LY-|PFX-|PUB-|FE-)\d{1,2}[a-z]?|S\d{1,2}|SEED\d+)$/;
const SOURCE_ID_IN_TEXT = /\b(?:GEN-L|WIN-|UM-|IM-|EDGE-|OA-EX-|OA-LY-|PFX-|PUB-|FE-)\d{1,2}[a-z]?\b/;

/** `(WIN-01, GEN-L8, S33)` → ``; `(UM-11, Cloud Voicemail replaces it)` → `(Cloud Voicemail replaces it)`. */
function dropIdsInParentheses(text: string): string {
  return text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    const parts = inner.split(/\s*[,;]\s*/);
    const kept = parts.filter((p) => !SOURCE_ID.test(p.trim()));
    if (kept.length === parts.length) return whole;
    const rest = kept.join(', ').trim();
    return rest ? `${whole.match(/^\s*/)![0]}(${rest})` : '';
  });
}

/** A core sentence in the words of the app or a report: no CLI options, no internal ids. */
export function forPeople(text: string): string {
  let out = text;
  for (const [pattern, words] of OPTION_WORDS) out = out.replace(pattern, words);
  // Field reports are cited by their seed file name inside CertBench's reference only.
  out = out.replace(/\s*\(seed [0-9a-f_]+\)/gi, '').replace(/,?\s*seed [0-9a-f]{3}(?:_[0-9a-f]+)?\b/gi, '');
  // An id followed by what it is about: "WIN-02 (certreq INF, S33)" → "".
  out = out.replace(new RegExp(`${SOURCE_ID_IN_TEXT.source}\\s*\\([^()]*\\)`, 'g'), '');
  out = dropIdsInParentheses(out);
  // A leading "UM-01: " or "IM-05, IM-06: " label.
  out = out.replace(new RegExp(`^(?:${SOURCE_ID_IN_TEXT.source}(?:,\\s*)?)+:\\s*`), '');
  out = out.replace(/\s+([.,;:])/g, '$1').replace(/ {2,}/g, ' ').trim();
  return out.length > 0 ? out[0]!.toUpperCase() + out.slice(1) : out;
}
