// Requirement: the names in a certificate or request (CN, SAN, and the rest of the subject) hold
// no invisible characters and no bidirectional controls. A CN "ex1.contoso.com\u202Emoc.live"
// shows as "ex1.contoso.comevil.com" in any viewer that honours the RIGHT-TO-LEFT OVERRIDE, and
// reverses the findings that quote it; a zero-width space makes "ex1\u200B.contoso.com" look
// exactly like the server's name while matching nothing. No host name can hold either: IDNA
// (RFC 5892) disallows them, so a TLS client never matches such a name — it is an error in
// every role (the Lync-only FQDN character rule covers only the Lync roles). In the rest of the
// subject (O, OU, L…) the same characters mislead a reader but break no match: a warning.
// Citations: Unicode TR36 §2 and UTS #39 §3 (bidi controls and default-ignorable characters in
// identifiers), CVE-2021-42574 "Trojan Source", RFC 5892 (IDNA code points).
import type { NameAttribute } from '../../model/certificate.js';
import { invisibleCharacters, showInvisible, type InvisibleCharacter } from '../../encoding/invisibleCharacters.js';
import { defineRule } from '../helpers/defineRule.js';
import type { SubjectFields } from '../engine/types.js';

const CN_OID = '2.5.4.3';

interface Hit {
  /** Where: "CN", "SAN DNS", "O"… */
  where: string;
  value: string;
  chars: InvisibleCharacter[];
}

/** Every name value with where it sits: the CNs and SAN entries (matched by clients) and the rest of the subject. */
function nameValues(fields: SubjectFields): { names: Hit[]; others: Hit[] } {
  const hit = (where: string, value: string): Hit => ({ where, value, chars: invisibleCharacters(value) });
  const attributes: NameAttribute[] = fields.subjectName.rdns.flat();
  const sans = fields.subjectAltNames;
  const names = [
    ...attributes.filter((a) => a.oid === CN_OID).map((a) => hit('CN', a.value)),
    ...sans.dns.map((v) => hit('SAN DNS', v)),
    ...sans.email.map((v) => hit('SAN email', v)),
    ...sans.upn.map((v) => hit('SAN UPN', v)),
    ...sans.uri.map((v) => hit('SAN URI', v)),
    ...sans.other.map((v) => hit('SAN', v)),
  ];
  const others = attributes.filter((a) => a.oid !== CN_OID).map((a) => hit(a.type, a.value));
  return { names: names.filter((h) => h.chars.length > 0), others: others.filter((h) => h.chars.length > 0) };
}

/** "CN ex1.contoso.com[U+202E]moc.live (U+202E RIGHT-TO-LEFT OVERRIDE)": the value never quoted raw. */
function describeHits(hits: readonly Hit[]): string {
  return hits.map((h) => `${h.where} “${showInvisible(h.value)}” (${h.chars.map((c) => `${c.codePoint} ${c.name}`).join(', ')})`).join('; ');
}

export default defineRule({
  id: 'general.invisible-characters',
  title: 'Names hold no invisible or bidi characters',
  requirement:
    'The CN, the SAN entries and the rest of the subject must not hold invisible characters (zero-width spaces, joiners, controls) or bidirectional controls (U+202A–U+202E, U+2066–U+2069, marks), which make a name look like another one.',
  roles: ['general'],
  source: 'community',
  citation:
    'Unicode Technical Report #36 (Unicode Security Considerations) §2 and Unicode Technical Standard #39 (Unicode Security Mechanisms) §3, https://www.unicode.org/reports/tr39/; CVE-2021-42574 "Trojan Source" (bidi overrides reorder displayed text), https://trojansource.codes/; RFC 5892 (IDNA disallows these code points in host names)',
  maxStatus: 'error',
  symptoms: 'A name that looks right but never matches: "The certificate name does not match", "0x800B010F", a CN that reads backwards or reverses the text after it.',
  outcomes: {
    pass: { status: 'pass', title: 'Names hold no invisible or bidi characters' },
    'bidi-control-in-name': {
      status: 'error',
      title: 'Name holds a bidi control that reorders how it reads',
      meaning: 'A CN or SAN entry holds a bidirectional control (U+202E and friends): it displays differently from what it is.',
    },
    'invisible-in-name': {
      status: 'error',
      title: 'Name holds an invisible character',
      meaning: 'A CN or SAN entry holds a zero-width, control or other invisible character: it looks like a host name it can never match.',
    },
    'invisible-in-subject': {
      status: 'warn',
      title: 'Subject holds an invisible character',
      meaning: 'An O, OU, L or other subject attribute (not a name a client matches) holds an invisible or bidi character.',
    },
  },
  applies: (ctx) => {
    const f = ctx.fields;
    const s = f.subjectAltNames;
    return f.subjectName.rdns.length > 0 || s.dns.length + s.email.length + s.upn.length + s.uri.length + s.other.length > 0;
  },
  check(ctx) {
    const { names, others } = nameValues(ctx.fields);
    const fieldPath = names.some((h) => h.where === 'CN') ? 'commonName' : names.length > 0 ? 'subjectAltNames.dns' : 'subject';
    const fix =
      'Request a new certificate whose names are typed plainly (letters, digits, hyphens and dots for host names), and do not install or trust this one: a name with hidden characters is how a certificate is made to look like another.';
    if (names.some((h) => h.chars.some((c) => c.bidi))) {
      return {
        outcome: 'bidi-control-in-name',
        detail: `Shown with each hidden character marked: ${describeHits(names)}. A bidi control reverses or reorders the text that follows it, so this name (and every message quoting it) reads differently from what the certificate holds; no TLS client matches such a name.`,
        fix,
        whatBreaks: 'Name matching fails (the name is not a valid host name), and people reading the certificate, logs or reports see another name than the one it holds.',
        fieldPath,
      };
    }
    if (names.length > 0) {
      return {
        outcome: 'invisible-in-name',
        detail: `Shown with each hidden character marked: ${describeHits(names)}. The name looks like an ordinary host name but is not one: no TLS client matches it.`,
        fix,
        whatBreaks: 'Name matching fails although the name looks right ("the certificate name does not match"), and a look-alike of a real server name passes a glance.',
        fieldPath,
      };
    }
    if (others.length > 0) {
      return {
        outcome: 'invisible-in-subject',
        detail: `Shown with each hidden character marked: ${describeHits(others)}. These attributes are not matched by clients, but what a person reads is not what the certificate holds.`,
        fix: 'Ask the CA to re-issue with the organisation details typed plainly; check who requested this certificate.',
        fieldPath: 'subject',
      };
    }
    return { outcome: 'pass', detail: 'The CN, the SAN entries and the rest of the subject hold no invisible or bidi characters.', fieldPath: 'subject' };
  },
});
